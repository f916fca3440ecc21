using System.Globalization;
using System.Text.RegularExpressions;

namespace Courtesy.Policies;

/// <summary>
/// Reads the dates schools write on policies: "December 2018", "Autumn 2023" (a school term),
/// "2021-12" or "2021-12-01". The school's text is kept; the period it covers is worked out.
/// </summary>
public static partial class PolicyDates
{
    // English school terms: Spring from January, Summer from April, Autumn from September.
    private static readonly Dictionary<string, (int From, int To)> Terms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spring"] = (1, 3),
        ["summer"] = (4, 8),
        ["autumn"] = (9, 12),
    };

    public const string Expected = "expected a month and year (December 2018), a term and year (Autumn 2023), YYYY-MM or YYYY-MM-DD";

    public static bool TryParse(string text, out PolicyDate date)
    {
        date = null!;
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = new PolicyDate(trimmed, day, day);
            return true;
        }
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            date = Month(trimmed, month.Year, month.Month);
            return true;
        }
        var m = WordAndYear().Match(trimmed);
        if (!m.Success)
            return false;
        var word = m.Groups["word"].Value;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (Terms.TryGetValue(word, out var term))
        {
            date = new PolicyDate(trimmed, new DateOnly(year, term.From, 1), MonthEnd(year, term.To));
            return true;
        }
        foreach (var format in new[] { "MMMM", "MMM" })
        {
            if (DateTime.TryParseExact(word, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = Month(trimmed, year, parsed.Month);
                return true;
            }
        }
        return false;
    }

    private static PolicyDate Month(string text, int year, int month) =>
        new(text, new DateOnly(year, month, 1), MonthEnd(year, month));

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"^(?<word>[A-Za-z]+)(?:\s+term)?\s+(?<year>\d{4})$")]
    private static partial Regex WordAndYear();
}
