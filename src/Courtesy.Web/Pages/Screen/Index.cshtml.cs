using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Courtesy.Web.Api;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Screen;

[Authorize(Policy = AuthPolicies.Staff)]
public sealed class IndexModel(CurrentSchool current, SchoolStore schools, RosterStore roster) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public ScreeningResult? Result { get; private set; }
    public IReadOnlyList<HighlightRun> Runs { get; private set; } = [];
    public string Policy { get; private set; } = "";
    public PolicyPack? Pack { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        return await current.GetAsync() is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Paste the text of the post to screen.");
            return Page();
        }
        if (Text.Length > NormalizedText.MaxChars)
        {
            ModelState.AddModelError(nameof(Text), "That is longer than any post; paste the post itself.");
            return Page();
        }
        var screening = await ScreenApi.EngineForAsync(current, schools, roster);
        if (screening is null) return NotFound();
        Policy = screening.Value.Policy;
        Pack = screening.Value.Pack;
        Result = screening.Value.Engine.Screen(Post.OfText(Text));
        Runs = Highlighter.Runs(Text, Result.Findings);
        return Page();
    }

    public string TitleOf(string id) => Categories.TitleOf(id, Pack);

    /// <summary>The post with its flagged runs in &lt;mark&gt;; every piece of text and every tooltip HTML-encoded.</summary>
    public string HighlightedHtml(IReadOnlyList<HighlightRun> runs)
    {
        var html = new System.Text.StringBuilder();
        foreach (var run in runs)
        {
            if (run.Findings.Count == 0)
                html.Append(System.Net.WebUtility.HtmlEncode(run.Text));
            else
                html.Append("<mark class=\"").Append(CssClass(run)).Append("\" title=\"")
                    .Append(System.Net.WebUtility.HtmlEncode(Tooltip(run))).Append("\">")
                    .Append(System.Net.WebUtility.HtmlEncode(run.Text)).Append("</mark>");
        }
        return html.ToString();
    }

    public string Tooltip(HighlightRun run) =>
        string.Join("\n", run.Findings.Select(f => $"{TitleOf(f.CategoryId)}: {f.Reason}").Distinct());

    public static string CssClass(HighlightRun run) =>
        "hl sev-" + (run.Findings.Max(f => f.Severity) >= 80 ? "high" : run.Findings.Max(f => f.Severity) >= 50 ? "mid" : "low");
}
