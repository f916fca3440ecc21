using System.Net;
using System.Text;
using Courtesy.Cases;
using Microsoft.AspNetCore.Html;

namespace Courtesy.Web.Pages.Triage;

/// <summary>The post text with each screening finding marked. Everything is HTML-encoded: the text is the
/// poster's, and a script in it is shown as text.</summary>
public static class Highlight
{
    public static IHtmlContent Render(string text, IReadOnlyList<StoredFinding> findings)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var f in findings.Where(f => f.Length > 0 && f.Start >= 0 && f.Start + f.Length <= text.Length).OrderBy(f => f.Start))
        {
            if (f.Start < at)
                continue;
            sb.Append(WebUtility.HtmlEncode(text[at..f.Start]));
            sb.Append("<mark title=\"").Append(WebUtility.HtmlEncode($"{f.CategoryId}: {f.Reason}")).Append("\">")
              .Append(WebUtility.HtmlEncode(text.Substring(f.Start, f.Length))).Append("</mark>");
            at = f.Start + f.Length;
        }
        sb.Append(WebUtility.HtmlEncode(text[at..]));
        return new HtmlString(sb.ToString().Replace("\n", "<br>"));
    }
}
