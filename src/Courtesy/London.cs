namespace Courtesy;

/// <summary>Times are stored in UTC and shown, and dates counted, in the schools' own time zone.</summary>
public static class London
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
    public static DateOnly Today(IClock clock) => DateOnly.FromDateTime(ToLocal(clock.UtcNow));
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToLocal(utc)));
    public static string Time(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
