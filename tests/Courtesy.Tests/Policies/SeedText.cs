using System.Net;
using System.Text.RegularExpressions;

namespace Courtesy.Tests.Policies;

/// <summary>Reads the bullet lines of a seed policy and compares text the way a reader would: ignoring
/// whitespace, curly versus straight quotes, dash variants and the seeds' Markdown emphasis markers.</summary>
internal static partial class SeedText
{
    [GeneratedRegex(@"^\s*(?:[-·]\s+|•\s*|\d+\.\s+)(?=\S)")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\\(?=[\\`*_{}\[\]()#+\-.!|<>&~=])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>
    /// Every bullet (<c>- </c>, <c>· </c>, <c>•</c>, <c>1. </c>, indented or not). An indented non-blank,
    /// non-bullet line straight after a bullet continues it (Heartwood's police bullet wraps over three lines).
    /// </summary>
    public static List<string> Bullets(IEnumerable<string> lines)
    {
        var bullets = new List<string>();
        string? current = null;
        foreach (var line in lines)
        {
            var marker = BulletMarker().Match(line);
            if (marker.Success)
            {
                if (current is not null)
                    bullets.Add(current);
                current = line[marker.Length..].Trim();
            }
            else if (current is not null && line.Trim().Length > 0 && char.IsWhiteSpace(line[0]))
            {
                current += " " + line.Trim();
            }
            else
            {
                if (current is not null)
                    bullets.Add(current);
                current = null;
            }
        }
        if (current is not null)
            bullets.Add(current);
        return bullets;
    }

    public static string Normalise(string text)
    {
        var s = text
            .Replace("**", "").Replace("<u>", "").Replace("</u>", "")
            .Replace('‘', '\'').Replace('’', '\'').Replace('“', '"').Replace('”', '"')
            .Replace('–', '-').Replace('—', '-').Replace('‑', '-');
        return Whitespace().Replace(s, " ").Trim();
    }

    /// <summary>What a reader sees of the Markdown: backslash escapes removed.</summary>
    public static string MarkdownText(string markdown) => Normalise(MarkdownEscape().Replace(markdown, ""));

    /// <summary>What a reader sees of the HTML: tags removed, entities decoded.</summary>
    public static string HtmlText(string html) => Normalise(WebUtility.HtmlDecode(Tag().Replace(html, " ")));

    public static List<string> Missing(IEnumerable<string> bullets, string renderedText) =>
        bullets.Where(b => !renderedText.Contains(Normalise(b), StringComparison.Ordinal)).ToList();
}
