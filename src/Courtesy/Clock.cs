namespace Courtesy;

/// <summary>The time seam: workflow rules (deadlines, overdue, reminders) are tested at fixed instants.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
