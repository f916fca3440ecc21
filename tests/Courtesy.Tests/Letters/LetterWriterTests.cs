using System.Diagnostics;
using Courtesy.Letters;

namespace Courtesy.Tests.Letters;

public class LetterWriterTests
{
    internal static Dictionary<string, string?> Values() => new()
    {
        ["letter_date"] = "21 November 2026",
        ["school_name"] = "Flitwick Lower School",
        ["head_name"] = "Mrs Joanna New",
        ["head_role"] = "Headteacher",
        ["parent_name"] = "Ms Dana Whitlock",
        ["case_reference"] = "C-2026-0042",
        ["post_url"] = "https://www.facebook.com/groups/flitwickparents/posts/98765",
        ["post_platform"] = "Facebook",
        ["post_date"] = "18 November 2026",
        ["post_excerpt"] = "Mr Harris <script>alert(1)</script> is a disgrace & should be sacked",
        ["concerns"] = "- Making allegations about staff or anyone else connected with the school\n- Posting negative or offensive comments about staff or any other individual connected to the school",
        ["policy_title"] = "Parental Use of Social Media Policy",
        ["discussion_date"] = "19 November 2026",
        ["removal_by"] = "28 November 2026",
        ["chronology"] = "- 19 November 2026: discussed with the parent, asked to remove the post\n- 21 November 2026: written warning sent",
        ["police_reason"] = "The post threatens violence against a member of staff.",
    };

    public static TheoryData<string, LetterKind> EveryTemplate()
    {
        var data = new TheoryData<string, LetterKind>();
        foreach (var t in LetterTemplates.All)
            data.Add(t.PackId, t.Kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public void Every_template_uses_only_known_fields_and_merges_all_of_them(string packId, LetterKind kind)
    {
        var template = LetterTemplates.All.Single(t => t.PackId == packId && t.Kind == kind);
        var letter = LetterWriter.Merge(template, Values());
        Assert.DoesNotContain("{{", letter.PlainText);
        foreach (var field in LetterWriter.FieldsUsed(template))
            Assert.Contains(Values()[field]!.Split('\n')[0].TrimStart('-', ' '), letter.PlainText);
    }

    [Fact]
    public void Kinds_without_a_pack_template_fall_back_to_the_common_one()
    {
        Assert.Equal("stratford-st-mary", LetterTemplates.For("stratford-st-mary", LetterKind.GoverningBodyLetter).PackId);
        Assert.Equal(LetterTemplate.AnyPack, LetterTemplates.For("stratford-st-mary", LetterKind.WrittenWarning).PackId);
        Assert.Equal(LetterTemplate.AnyPack, LetterTemplates.For("flitwick-lower", LetterKind.GoverningBodyLetter).PackId);
    }

    [Fact]
    public void A_missing_value_names_the_field_and_what_it_is()
    {
        var values = Values();
        values["removal_by"] = null;
        var ex = Assert.Throws<LetterException>(() => LetterWriter.Merge(LetterTemplates.For("flitwick-lower", LetterKind.WrittenWarning), values));
        Assert.Equal("the written warning letter needs {{removal_by}} (the date by which the material must be removed)", ex.Message);
    }

    [Fact]
    public void An_unknown_field_in_a_template_is_refused()
    {
        var ex = Assert.Throws<LetterException>(() => LetterWriter.Merge(new LetterTemplate("x", LetterKind.RemovalRequest, "Hi {{parnet_name}}", "Body"), Values()));
        Assert.Contains("unknown merge field {{parnet_name}}", ex.Message);
    }

    [Fact]
    public void Html_is_encoded_and_bullets_become_a_list()
    {
        var produced = LetterWriter.Produce(LetterTemplates.For("flitwick-lower", LetterKind.RemovalRequest), Values());
        Assert.DoesNotContain("<script>", produced.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; is a disgrace &amp; should be sacked", produced.Html);
        Assert.Contains("<li>Making allegations about staff or anyone else connected with the school</li>", produced.Html);
        Assert.Equal(LetterWriter.Sha256(System.Text.Encoding.UTF8.GetBytes(produced.Html)), produced.HtmlSha256);
        Assert.Equal(LetterWriter.Sha256(produced.Docx), produced.DocxSha256);
        Assert.Equal(64, produced.DocxSha256.Length);
    }

    [Fact]
    public void A_post_with_control_characters_still_makes_a_letter_without_them()
    {
        var values = Values();
        values["post_excerpt"] = "Mr Harris\u0001 is a disgrace\u0008 \ud83d\ude21 \ud800 broken";
        var produced = LetterWriter.Produce(LetterTemplates.For("flitwick-lower", LetterKind.RemovalRequest), values);
        Assert.Contains("Mr Harris is a disgrace \ud83d\ude21  broken", produced.Letter.PlainText);
        Assert.NotEmpty(produced.Docx);
    }

    [Fact]
    public void Docx_opens_in_LibreOffice_and_contains_the_merged_fields()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-letter-").FullName;
        try
        {
            foreach (var (pack, kind) in new[] { ("flitwick-lower", LetterKind.WrittenWarning), ("stratford-st-mary", LetterKind.GoverningBodyLetter), ("bexton-primary", LetterKind.PoliceReferral) })
            {
                var produced = LetterWriter.Produce(LetterTemplates.For(pack, kind), Values());
                var name = $"{pack}-{kind}";
                File.WriteAllBytes(Path.Combine(dir, name + ".docx"), produced.Docx);
                Run("soffice", dir, "--headless", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, Path.Combine(dir, name + ".docx"));
                Run("pdftotext", dir, "-layout", Path.Combine(dir, name + ".pdf"), Path.Combine(dir, name + ".txt"));
                var text = string.Join(" ", File.ReadAllText(Path.Combine(dir, name + ".txt")).Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(produced.Letter.Subject, text);
                foreach (var field in LetterWriter.FieldsUsed(LetterTemplates.For(pack, kind)).Where(f => f is not ("chronology" or "concerns" or "post_excerpt")))
                    Assert.Contains(Values()[field]!, text);
                Assert.Contains("Making allegations about staff or anyone else connected with the school", text);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Run(string file, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), $"{file} did not finish in 120 s");
        Assert.True(p.ExitCode == 0, $"{file} exited {p.ExitCode}: {stdout.Result} {stderr.Result}");
    }
}
