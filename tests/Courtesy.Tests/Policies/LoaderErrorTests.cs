using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

/// <summary>Each kind of mistake in a pack file is reported as file:line:column: message, at the node at fault.</summary>
public class LoaderErrorTests
{
    // Line numbers below are 1-based lines of this text; columns are 1-based.
    private const string Valid = """
        id: test-school
        name: Test School
        title: Social Media Policy
        version: 1
        next_review: December 2021
        sections:
          - kind: procedure
            paragraphs:
              - First the school will discuss the matter with the parent.
            first_step:
              id: discuss
              wording: discuss the matter with the parent
              kind: discuss-and-request-removal
            ladder:
              - id: police
                wording: Contact the police.
                kind: police
                guard:
                  requires_any_category: [racist-comment]
                  or_recorded_reason: true
          - kind: inappropriate-uses
            uses:
              - wording: Posting racist comments;
                categories: [racist-comment]
        """;

    private static PolicyError Single(string yaml)
    {
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadText(yaml, "test.yaml"));
        return Assert.Single(e.Errors);
    }

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Valid);
        return Valid.Replace(from, to);
    }

    [Fact]
    public void The_valid_pack_loads()
    {
        var pack = PolicyPackLoader.LoadText(Valid, "test.yaml");
        Assert.Equal("test-school", pack.Id);
        Assert.Equal(2, pack.Ladder.Count);
        Assert.Equal(new DateOnly(2021, 12, 31), pack.NextReview!.End);
    }

    [Fact]
    public void Unknown_category_id_is_reported_with_line_and_column_and_nearest_known_ids()
    {
        var error = Single(Edit("categories: [racist-comment]", "categories: [racist-coment]"));

        Assert.Equal(("test.yaml", 24, 22), (error.File, error.Line, error.Column));
        Assert.Contains("unknown category id 'racist-coment'", error.Message);
        Assert.Contains("nearest known: racist-comment", error.Message);
    }

    [Fact]
    public void Missing_required_field_is_reported_at_the_mapping_that_lacks_it()
    {
        var error = Single(Edit("title: Social Media Policy\n", ""));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("missing required field 'title' in the pack", error.Message);
    }

    [Fact]
    public void Missing_wording_of_a_use_is_reported_at_that_use()
    {
        var error = Single(Edit("      - wording: Posting racist comments;\n        categories:", "      - categories:"));

        Assert.Equal((23, 9), (error.Line, error.Column));
        Assert.Equal("missing required field 'wording' in an inappropriate use", error.Message);
    }

    [Fact]
    public void Duplicate_step_id_is_reported_at_the_second_id()
    {
        var error = Single(Edit("      - id: police", "      - id: discuss"));

        Assert.Equal((15, 13), (error.Line, error.Column));
        Assert.Equal("duplicate step id 'discuss'; first used at line 11", error.Message);
    }

    [Fact]
    public void Bad_date_is_reported_with_the_formats_accepted()
    {
        var error = Single(Edit("next_review: December 2021", "next_review: Decembre 2021"));

        Assert.Equal((5, 14), (error.Line, error.Column));
        Assert.StartsWith("bad date 'Decembre 2021' in 'next_review': expected a month and year", error.Message);
    }

    [Fact]
    public void Unknown_ladder_kind_is_reported_with_a_suggestion()
    {
        var error = Single(Edit("kind: police\n", "kind: polise\n"));

        Assert.Equal((17, 15), (error.Line, error.Column));
        Assert.StartsWith("unknown ladder kind 'polise' (did you mean 'police'?)", error.Message);
    }

    [Fact]
    public void Unknown_key_typo_is_reported_at_the_key_with_a_suggestion()
    {
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadText(Edit("title: Social", "titel: Social"), "test.yaml"));

        Assert.Equal(
            ["test.yaml:1:1: missing required field 'title' in the pack",
             "test.yaml:3:1: unknown key 'titel' in the pack (did you mean 'title'?)"],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_with_a_position_not_a_trace()
    {
        var error = Single(Edit("name: Test School", "name: [Test School"));

        Assert.Equal(("test.yaml", 2, 7), (error.File, error.Line, error.Column));
        Assert.StartsWith("YAML syntax: ", error.Message);
    }

    [Fact]
    public void Yaml_indentation_error_is_reported_where_the_parser_stopped()
    {
        var error = Single(Edit("version: 1\n", "version: 1\n  owner: x: y\n"));

        Assert.Equal(("test.yaml", 5, 8), (error.File, error.Line, error.Column));
        Assert.StartsWith("YAML syntax: ", error.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key()
    {
        var error = Single(Edit("version: 1\n", "version: 1\nname: Other School\n"));

        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Equal("YAML syntax: Duplicate key name", error.Message);
    }

    [Fact]
    public void Unknown_section_kind_is_reported_at_the_kind()
    {
        var error = Single(Edit("  - kind: inappropriate-uses", "  - kind: inappropriate-usage"));

        Assert.Equal((21, 11), (error.Line, error.Column));
        Assert.StartsWith("unknown section kind 'inappropriate-usage' (did you mean 'inappropriate-uses'?)", error.Message);
    }

    [Fact]
    public void Guard_after_must_name_an_earlier_step()
    {
        var error = Single(Edit("          or_recorded_reason: true", "          or_recorded_reason: true\n          after: warning"));

        Assert.Equal((21, 18), (error.Line, error.Column));
        Assert.Equal("'after: warning' must name an earlier step; earlier steps: discuss", error.Message);
    }

    [Fact]
    public void Police_step_may_only_require_police_threshold_categories()
    {
        var error = Single(Edit("requires_any_category: [racist-comment]", "requires_any_category: [racist-comment, complaint-about-school]"));

        Assert.Equal((19, 51), (error.Line, error.Column));
        Assert.StartsWith("category 'complaint-about-school' is not a police-threshold category", error.Message);
    }

    [Fact]
    public void Police_step_without_a_category_guard_is_refused()
    {
        var error = Single(Edit("""
                    guard:
                      requires_any_category: [racist-comment]
                      or_recorded_reason: true

            """.Replace("\r", ""), ""));

        Assert.Equal((15, 9), (error.Line, error.Column));
        Assert.StartsWith("a police step needs a guard with 'requires_any_category'", error.Message);
    }

    [Fact]
    public void Restrict_forum_access_must_be_limited_to_the_school_site()
    {
        var yaml = Edit("""
                  - id: police
                    wording: Contact the police.
                    kind: police
            """.Replace("\r", ""), """
                  - id: restrict
                    wording: Block access to the school forum.
                    kind: restrict-forum-access
            """.Replace("\r", ""));
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadText(yaml, "test.yaml"));

        Assert.Contains(e.Errors, x => x.Line == 15 && x.Column == 9 && x.Message.Contains("only_on_school_site: true"));
    }

    [Fact]
    public void First_step_wording_must_be_quoted_from_the_procedure_paragraphs()
    {
        var error = Single(Edit("wording: discuss the matter with the parent", "wording: talk to the parent"));

        Assert.Equal((12, 16), (error.Line, error.Column));
        Assert.Equal("the step's wording must be quoted word for word from the procedure section's paragraphs", error.Message);
    }

    [Fact]
    public void A_procedure_without_a_first_step_is_reported_once()
    {
        var error = Single(Edit("""
                first_step:
                  id: discuss
                  wording: discuss the matter with the parent
                  kind: discuss-and-request-removal

            """.Replace("\r", ""), ""));

        Assert.Equal((7, 5), (error.Line, error.Column));
        Assert.Equal("missing required field 'first_step' in the procedure section", error.Message);
    }

    [Fact]
    public void An_empty_required_text_is_reported()
    {
        var error = Single(Edit("name: Test School", "name: \"  \""));

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Equal("'name' in the pack is empty", error.Message);
    }

    [Fact]
    public void A_pack_without_a_procedure_section_is_refused()
    {
        var start = Valid.IndexOf("  - kind: procedure", StringComparison.Ordinal);
        var end = Valid.IndexOf("  - kind: inappropriate-uses", StringComparison.Ordinal);
        var error = Single(Valid.Remove(start, end - start));

        Assert.Equal((7, 3), (error.Line, error.Column));
        Assert.StartsWith("missing required section of kind 'procedure'", error.Message);
    }

    [Fact]
    public void Several_errors_are_reported_together_in_file_order()
    {
        var yaml = Valid
            .Replace("next_review: December 2021", "next_review: soon")
            .Replace("kind: police\n", "kind: polise\n")
            .Replace("categories: [racist-comment]", "categories: [racism]");
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadText(yaml, "test.yaml"));

        Assert.Equal([5, 17, 24], e.Errors.Select(x => x.Line));
        Assert.Equal("test.yaml:5:14: bad date 'soon' in 'next_review': " + PolicyDates.Expected, e.Errors[0].ToString());
    }

    [Fact]
    public void An_unreadable_file_is_an_error_not_a_trace()
    {
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadFile("/no/such/pack.yaml"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("/no/such/pack.yaml", 1, 1), (error.File, error.Line, error.Column));
        Assert.StartsWith("cannot read the file", error.Message);
    }
}
