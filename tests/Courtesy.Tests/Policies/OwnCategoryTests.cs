using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

/// <summary>A pack may add its own categories (categories.md); they are used like the catalogue's, never
/// reach the police threshold, and every mistake in them is named at its line and column.</summary>
public class OwnCategoryTests
{
    private const string Pack = """
        id: test-school
        name: Test School
        title: Social Media Policy
        version: 1
        own_categories:
          - id: uniform-mockery
            title: Mocking the uniform
            meaning: Ridicules the school uniform or pupils for wearing it.
            severity: 25
            phrases: [clown uniform, bin bag blazer]
        sections:
          - kind: procedure
            paragraphs:
              - The school will discuss the matter with the parent. Send a written warning. Contact the police.
            first_step:
              id: discuss
              wording: discuss the matter with the parent
              kind: discuss-and-request-removal
            ladder:
              - id: warning
                wording: Send a written warning.
                kind: written-warning
                guard:
                  requires_any_category: [uniform-mockery]
                  or_recorded_reason: true
          - kind: inappropriate-uses
            uses:
              - wording: Posting racist comments;
                categories: [racist-comment]
              - wording: Mocking the school uniform;
                categories: [uniform-mockery]
        """;

    private static IReadOnlyList<PolicyError> Errors(string yaml) =>
        Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadText(yaml, "test.yaml")).Errors;

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Pack);
        return Pack.Replace(from, to);
    }

    [Fact]
    public void An_own_category_is_part_of_the_pack_with_its_title_severity_and_phrases()
    {
        var pack = PolicyPackLoader.LoadText(Pack, "test.yaml");

        var own = Assert.Single(pack.OwnCategories);
        Assert.Equal(("uniform-mockery", "Mocking the uniform", 25, PoliceThreshold.None), (own.Category.Id, own.Category.Title, own.Category.Severity, own.Category.Police));
        Assert.Equal(["clown uniform", "bin bag blazer"], own.Phrases);
        Assert.Contains("uniform-mockery", pack.CategoryIds);
        Assert.Equal("Mocking the uniform", pack.TitleOf("uniform-mockery"));
        Assert.Equal("Racist comment", pack.TitleOf("racist-comment"));
        Assert.Equal("retired-category", pack.TitleOf("retired-category"));
        Assert.False(Categories.IsPoliceThreshold("uniform-mockery"));
    }

    [Fact]
    public void A_catalogue_id_cannot_be_redefined()
    {
        var error = Assert.Single(Errors(Edit("  - id: uniform-mockery\n", "  - id: racist-comment\n")
            .Replace("requires_any_category: [uniform-mockery]", "requires_any_category: [racist-comment]")
            .Replace("categories: [uniform-mockery]", "categories: [racist-comment]")));
        Assert.Equal((6, 9), (error.Line, error.Column));
        Assert.Contains("'racist-comment' is already in the catalogue", error.Message);
    }

    [Fact]
    public void An_own_category_no_use_names_is_reported()
    {
        var error = Assert.Single(Errors(Edit("categories: [uniform-mockery]", "categories: [racist-comment]")));
        Assert.Equal((6, 5), (error.Line, error.Column));
        Assert.Contains("'uniform-mockery' is not named by any inappropriate use", error.Message);
    }

    [Fact]
    public void An_own_category_cannot_open_the_police_step()
    {
        var yaml = Edit("""
                  - id: warning
                    wording: Send a written warning.
                    kind: written-warning
            """, """
                  - id: police
                    wording: Contact the police.
                    kind: police
            """);
        var error = Assert.Single(Errors(yaml));
        Assert.Equal((24, 35), (error.Line, error.Column));
        Assert.Contains("'uniform-mockery' is not a police-threshold category", error.Message);
    }

    [Theory]
    [InlineData("severity: 25", "severity: 250", 9, 15, "severity '250' must be a whole number from 1 to 199")]
    [InlineData("severity: 25", "severity: high", 9, 15, "severity 'high' must be a whole number")]
    [InlineData("phrases: [clown uniform, bin bag blazer]", "phrases: [clown uniform, '!!!']", 10, 30, "phrase '!!!' in own category 'uniform-mockery' must have a letter or digit")]
    [InlineData("    title: Mocking the uniform\n", "", 6, 5, "missing required field 'title' in an own category")]
    [InlineData("    meaning: Ridicules the school uniform or pupils for wearing it.\n", "    police: true\n", 8, 5, "unknown key 'police' in an own category")]
    [InlineData("  - id: uniform-mockery\n", "  - id: Uniform Mockery\n", 6, 9, "the category id 'Uniform Mockery' must be lower-case letters, digits and single hyphens")]
    public void A_mistake_in_an_own_category_is_named_at_its_line(string from, string to, int line, int column, string message)
    {
        var errors = Errors(Edit(from, to));
        Assert.Contains(errors, e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_own_category_is_suggested()
    {
        var errors = Errors(Edit("categories: [uniform-mockery]", "categories: [uniform-mocker]"));
        Assert.Contains(errors, e => e.Line == 31 && e.Message.Contains("unknown category id 'uniform-mocker'; nearest known: uniform-mockery", StringComparison.Ordinal));
    }
}
