using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

public class RendererTests
{
    private static PolicyPack Pack(string paragraph) => PolicyPackLoader.LoadText($$"""
        id: hostile
        name: Test <School>
        title: Policy
        version: 1
        sections:
          - kind: procedure
            paragraphs:
              - {{paragraph}}
              - First the school will discuss the matter with the parent.
            first_step: { id: discuss, wording: discuss the matter, kind: discuss-and-request-removal }
            ladder: []
        """, "hostile.yaml");

    [Fact]
    public void Html_in_pack_text_is_printed_as_text_not_markup()
    {
        var html = PolicyRenderer.ToHtmlFragment(Pack("\"<script>alert(1)</script> <img src=x onerror=alert(1)>\""));

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Markdown_links_and_images_in_pack_text_are_not_followed()
    {
        var html = PolicyRenderer.ToHtmlFragment(Pack("\"[click](javascript:alert(1)) ![x](http://example.org/x.png)\""));

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("[click](javascript:alert(1))", html);
    }

    [Fact]
    public void A_paragraph_that_looks_like_a_list_or_heading_stays_a_paragraph()
    {
        var html = PolicyRenderer.ToHtmlFragment(Pack("\"1. not a list # nor a heading\""));

        Assert.Contains("<p>1. not a list # nor a heading</p>", html);
    }

    [Fact]
    public void Emphasis_is_kept_as_the_one_formatting_a_pack_may_use()
    {
        var heartwood = PolicyRenderer.ToHtmlFragment(PolicyPackLoader.LoadFile(Repo.Pack("heartwood-trust")));

        Assert.Contains("setting a good example for our children by <em>not</em>:", heartwood);
    }

    [Fact]
    public void Standalone_html_escapes_the_title_and_fragment_has_no_document_wrapper()
    {
        var pack = Pack("\"Some text.\"");

        Assert.Contains("<title>Policy - Test &lt;School&gt;</title>", PolicyRenderer.ToHtml(pack));
        Assert.DoesNotContain("<html", PolicyRenderer.ToHtmlFragment(pack));
    }

    [Fact]
    public void Roose_nested_duties_render_as_a_nested_list()
    {
        var markdown = PolicyRenderer.ToMarkdown(PolicyPackLoader.LoadFile(Repo.Pack("roose-community-primary")));

        Assert.Contains("- discuss with the school council:\n  - Are pupils aware of this policy?\n", markdown);
        Assert.Contains("### Role of the Headteacher\n\nThe Headteacher will:\n\n- ensure all school personnel", markdown);
    }
}
