using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Courtesy.Letters;

public sealed class LetterException(string message) : Exception(message);

/// <summary>A block of a merged letter: a paragraph (lines kept) or a bullet.</summary>
public sealed record LetterBlock(IReadOnlyList<string> Lines, bool Bullet);

public sealed record MergedLetter(LetterKind Kind, string Subject, IReadOnlyList<LetterBlock> Blocks)
{
    public string PlainText => Subject + "\n\n" + string.Join("\n\n", Blocks.Select(b => (b.Bullet ? "- " : "") + string.Join("\n", b.Lines)));
}

/// <summary>The files a letter is kept as: a Word document to sign and send, and printable HTML.</summary>
public sealed record ProducedLetter(MergedLetter Letter, byte[] Docx, string DocxSha256, string Html, string HtmlSha256)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

public static partial class LetterWriter
{
    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex FieldPattern();

    /// <summary>The merge fields a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> FieldsUsed(LetterTemplate template) =>
        FieldPattern().Matches(template.Subject + "\n" + template.Body).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>Fills the template. A field the template uses but the case has no value for is an error naming
    /// the field, so no letter goes out with a blank where the removal date should be.</summary>
    public static MergedLetter Merge(LetterTemplate template, IReadOnlyDictionary<string, string?> values)
    {
        var unknown = FieldsUsed(template).Where(f => !LetterTemplates.Fields.ContainsKey(f)).ToList();
        if (unknown.Count > 0)
            throw new LetterException($"template {template.PackId}/{template.Kind}: unknown merge field {string.Join(", ", unknown.Select(f => "{{" + f + "}}"))}");
        var missing = FieldsUsed(template).Where(f => string.IsNullOrWhiteSpace(values.GetValueOrDefault(f))).ToList();
        if (missing.Count > 0)
            throw new LetterException($"the {Describe(template.Kind)} needs {string.Join(", ", missing.Select(f => "{{" + f + "}} (" + LetterTemplates.Fields[f] + ")"))}");

        string Fill(string text) => FieldPattern().Replace(text, m => XmlSafe.Clean(values[m.Groups[1].Value]!.Trim()));

        var blocks = new List<LetterBlock>();
        foreach (var para in template.Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = Fill(para.Trim('\n')).Split('\n');
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
                blocks.AddRange(lines.Select(l => new LetterBlock([l[2..]], true)));
            else
                blocks.Add(new LetterBlock(lines, false));
        }
        return new MergedLetter(template.Kind, Fill(template.Subject), blocks);
    }

    public static string Describe(LetterKind kind) => kind switch
    {
        LetterKind.RemovalRequest => "removal request letter",
        LetterKind.WrittenWarning => "written warning letter",
        LetterKind.PlatformComplaint => "complaint to the platform",
        LetterKind.PoliceReferral => "police referral summary",
        LetterKind.GoverningBodyLetter => "Governing Body letter",
        _ => kind.ToString(),
    };

    public static ProducedLetter Produce(LetterTemplate template, IReadOnlyDictionary<string, string?> values)
    {
        var letter = Merge(template, values);
        var docx = ToDocx(letter, values.GetValueOrDefault("school_name"));
        var html = ToHtml(letter);
        return new ProducedLetter(letter, docx, Sha256(docx), html, Sha256(Encoding.UTF8.GetBytes(html)));
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] ToDocx(MergedLetter letter, string? author)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = letter.Subject;
            doc.PackageProperties.Creator = author is null ? "Courtesy" : XmlSafe.Clean(author);
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { After = "240" }),
                new Run(new RunProperties(new Bold(), new FontSize { Val = "28" }), new Text(letter.Subject) { Space = SpaceProcessingModeValues.Preserve })));
            foreach (var block in letter.Blocks)
            {
                var run = new Run(new RunProperties(new FontSize { Val = "22" }));
                for (var i = 0; i < block.Lines.Count; i++)
                {
                    if (i > 0)
                        run.Append(new Break());
                    run.Append(new Text((block.Bullet ? "• " : "") + block.Lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                }
                var props = new ParagraphProperties(new SpacingBetweenLines { After = "160" });
                if (block.Bullet)
                    props.Append(new Indentation { Left = "720", Hanging = "360" });
                body.Append(new Paragraph(props, run));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>A standalone printable page. Every value is HTML-encoded: the post excerpt is the parent's text.</summary>
    public static string ToHtml(MergedLetter letter)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
          .Append(WebUtility.HtmlEncode(letter.Subject))
          .Append("</title><style>body{font-family:Georgia,serif;max-width:42em;margin:2em auto;line-height:1.45}h1{font-size:1.2em}li{margin:.3em 0}@media print{body{margin:0}@page{size:A4;margin:2.5cm}}</style></head><body>\n<h1>")
          .Append(WebUtility.HtmlEncode(letter.Subject)).Append("</h1>\n");
        var inList = false;
        foreach (var block in letter.Blocks)
        {
            if (block.Bullet != inList)
            {
                sb.Append(inList ? "</ul>\n" : "<ul>\n");
                inList = block.Bullet;
            }
            var inner = string.Join("<br>", block.Lines.Select(WebUtility.HtmlEncode));
            sb.Append(block.Bullet ? "<li>" : "<p>").Append(inner).Append(block.Bullet ? "</li>\n" : "</p>\n");
        }
        if (inList)
            sb.Append("</ul>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
