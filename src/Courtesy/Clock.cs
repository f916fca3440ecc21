namespace Courtesy;

/// <summary>The clock seam: deadlines, reminders and audit times must be testable.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}
