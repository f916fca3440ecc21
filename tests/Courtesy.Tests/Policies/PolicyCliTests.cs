using System.CommandLine;
using Courtesy.Cli;

namespace Courtesy.Tests.Policies;

/// <summary>The `courtesy policy` verbs, run in-process with their output captured.</summary>
public class PolicyCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { PolicyCommands.Build() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Validate_a_good_pack_prints_ok_and_exits_zero()
    {
        var (exit, output, error) = Run("policy", "validate", Repo.Pack("heartwood-trust"));

        Assert.Equal(0, exit);
        Assert.StartsWith("ok", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Validate_a_bad_pack_prints_each_error_as_file_line_column_and_exits_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"courtesy-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, File.ReadAllText(Repo.Pack("flitwick-lower"))
            .Replace("categories: [racist-comment]", "categories: [racism]")
            .Replace("kind: legal-action", "kind: lawsuit"));
        try
        {
            var (exit, output, error) = Run("policy", "validate", path);

            Assert.Equal(1, exit);
            Assert.Equal("", output);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: unknown category id 'racism'", lines[0]);
            Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: unknown ladder kind 'lawsuit'", lines[1]);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_a_missing_file_exits_one_without_a_trace()
    {
        var (exit, _, error) = Run("policy", "validate", "/no/such/pack.yaml");

        Assert.Equal(1, exit);
        Assert.StartsWith("/no/such/pack.yaml:1:1: cannot read the file", error);
    }

    [Fact]
    public void Render_prints_the_markdown_document()
    {
        var (exit, output, _) = Run("policy", "render", "flitwick-lower", "--dir", Repo.PoliciesDir);

        Assert.Equal(0, exit);
        Assert.Contains("# Parental Use of Social Media Policy\n", output);
        Assert.Contains("- Posting racist comments;\n", output);
    }

    [Fact]
    public void Render_html_to_a_file_writes_a_standalone_page()
    {
        var path = Path.Combine(Path.GetTempPath(), $"courtesy-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, output, _) = Run("policy", "render", "bexton-primary", "--format", "html", "--out", path);

            Assert.Equal(0, exit);
            Assert.Contains(path, output);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_an_unknown_id_names_the_known_ones_and_exits_non_zero()
    {
        var (exit, output, error) = Run("policy", "render", "flitwick");

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Contains("unknown policy pack 'flitwick'; known packs: bexton-primary, default, flitwick-lower", error);
    }

    [Fact]
    public void Render_an_unknown_format_exits_non_zero()
    {
        var (exit, _, error) = Run("policy", "render", "flitwick-lower", "--format", "pdf");

        Assert.NotEqual(0, exit);
        Assert.Contains("unknown format 'pdf': use md or html", error);
    }

    [Fact]
    public void List_shows_every_pack_and_marks_an_overdue_review()
    {
        var (exit, output, _) = Run("policy", "list");

        Assert.Equal(0, exit);
        foreach (var id in Repo.SeedPackIds.Append("default"))
            Assert.Contains(id, output);
        var heartwood = output.Split('\n').Single(l => l.Contains("heartwood-trust"));
        Assert.Contains("December 2021 (overdue)", heartwood);
        var bexton = output.Split('\n').Single(l => l.Contains("bexton-primary"));
        var bextonOverdue = Courtesy.Policies.PolicyPackLoader.LoadFile(Repo.Pack("bexton-primary")).IsReviewOverdue(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(bextonOverdue, bexton.Contains("(overdue)"));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("render")]
    [InlineData("validate")]
    public void Every_verb_has_help(string verb)
    {
        var (exit, output, _) = Run("policy", verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains($"policy {verb}", output);
    }
}
