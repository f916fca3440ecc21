using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace Courtesy.Policies;

/// <summary>
/// Prints a pack as the document the school publishes, sections in the pack's (the seed's) order.
/// Pack text is treated as plain text with one allowance, <c>*emphasis*</c>: every other Markdown
/// or HTML character is escaped, so a pack cannot inject links, images or markup into the page.
/// </summary>
public static partial class PolicyRenderer
{
    // Raw HTML off: whatever survives escaping is still printed as text, never as markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToMarkdown(PolicyPack pack)
    {
        var md = new MarkdownWriter();
        md.Lines(pack.Letterhead.Select(Escape));
        md.Heading(1, pack.Title);
        md.Lines(Metadata(pack));
        foreach (var section in pack.Sections)
            Section(md, section);
        return md.ToString();
    }

    /// <summary>The document body as HTML for embedding in a page (no &lt;html&gt; wrapper, no styles).</summary>
    public static string ToHtmlFragment(PolicyPack pack) => Markdown.ToHtml(ToMarkdown(pack), Pipeline);

    /// <summary>A standalone, printable HTML document.</summary>
    public static string ToHtml(PolicyPack pack)
    {
        var title = WebUtility.HtmlEncode($"{pack.Title} - {pack.Name}");
        return $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>
            body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
            h1 { font-size: 1.8rem; margin-bottom: .5rem; }
            h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
            h3 { font-size: 1.1rem; }
            li { margin: .2rem 0; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11pt; }
              h2, h3 { break-after: avoid; }
              li, p { break-inside: avoid; }
              @page { margin: 2cm; }
            }
            </style>
            </head>
            <body>
            <article class="policy">
            {{ToHtmlFragment(pack)}}</article>
            </body>
            </html>

            """;
    }

    private static IEnumerable<string> Metadata(PolicyPack pack)
    {
        yield return $"**School:** {Escape(pack.Name)}";
        if (pack.Owner is not null)
            yield return $"**Policy owner:** {Escape(pack.Owner)}";
        yield return $"**Version:** {Escape(pack.Version)}";
        if (pack.DateAgreed is not null)
            yield return $"**Date agreed:** {Escape(pack.DateAgreed.Text)}";
        if (pack.NextReview is not null)
            yield return $"**Next review:** {Escape(pack.NextReview.Text)}";
    }

    private static void Section(MarkdownWriter md, PolicySection section)
    {
        if (section.Heading is not null)
            md.Heading(2, section.Heading);
        md.Paragraphs(section.Paragraphs);
        switch (section)
        {
            case TextSection t:
                md.List(t.Items, t.Numbered);
                break;
            case PurposesSection p:
                md.List(p.Purposes);
                break;
            case AppropriateUseSection a:
                md.List(a.Questions);
                break;
            case CourtesyGuidelinesSection c:
                md.List(c.Do);
                md.Paragraphs(c.DoNotIntro);
                md.List(c.DoNot.Select(u => u.Wording));
                break;
            case InappropriateUsesSection u:
                md.List(u.Uses.Select(x => x.Wording));
                break;
            case ProcedureSection p when !p.LadderInText:
                md.List(p.Escalations.Select(s => s.Wording));
                break;
            case RolesSection r:
                foreach (var role in r.Roles)
                {
                    md.Heading(3, role.Name);
                    if (role.Lead is not null)
                        md.Paragraphs([role.Lead]);
                    md.List(role.Duties);
                }
                break;
            case StaffGuidelinesSection s:
                md.List(s.Guidelines);
                break;
            case DefamationTestSection d:
                md.List(d.Limbs);
                break;
            case LinkedPoliciesSection l:
                md.List(l.Policies);
                break;
        }
        md.Paragraphs(section.Closing);
    }

    /// <summary>
    /// Escapes everything Markdown or HTML could read as markup except <c>*</c> and <c>_</c> (emphasis),
    /// and a leading marker that would turn a paragraph into a list, heading or quote.
    /// </summary>
    internal static string Escape(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        var sb = new StringBuilder(flat.Length + 8);
        foreach (var ch in flat)
        {
            if (ch is '\\' or '`' or '[' or ']' or '<' or '>' or '!' or '#' or '|' or '&' or '~')
                sb.Append('\\');
            sb.Append(ch);
        }
        var escaped = sb.ToString();
        var marker = LeadingBlockMarker().Match(escaped);
        return marker.Success ? escaped.Insert(marker.Groups["mark"].Index, "\\") : escaped;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:\d+(?<mark>[.)])(?:\s|$)|(?<mark>[-+=])(?:\s|$))")]
    private static partial Regex LeadingBlockMarker();

    private sealed class MarkdownWriter
    {
        private readonly StringBuilder _sb = new();

        public void Heading(int level, string text) =>
            _sb.Append('#', level).Append(' ').Append(Escape(text)).Append("\n\n");

        /// <summary>Short Markdown lines kept as lines (letterhead, metadata): a hard line break between them.</summary>
        public void Lines(IEnumerable<string> markdownLines)
        {
            var all = markdownLines.ToList();
            if (all.Count == 0)
                return;
            _sb.AppendJoin("\\\n", all).Append("\n\n");
        }

        public void Paragraphs(IEnumerable<string> paragraphs)
        {
            foreach (var p in paragraphs)
                _sb.Append(Escape(p)).Append("\n\n");
        }

        public void List(IEnumerable<string> items) => List(items.Select(i => new PolicyItem(i)).ToList(), numbered: false);

        public void List(IReadOnlyList<PolicyItem> items, bool numbered = false)
        {
            if (items.Count == 0)
                return;
            Items(items, numbered, 0);
            _sb.Append('\n');
        }

        private void Items(IReadOnlyList<PolicyItem> items, bool numbered, int depth)
        {
            var number = 1;
            foreach (var item in items)
            {
                var marker = numbered ? $"{number++}. " : "- ";
                _sb.Append(' ', depth).Append(marker).Append(Escape(item.Text)).Append('\n');
                if (item.Items.Count > 0)
                    Items(item.Items, numbered: false, depth + marker.Length);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
