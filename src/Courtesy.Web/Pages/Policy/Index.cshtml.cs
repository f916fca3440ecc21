using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Policy;

public sealed class IndexModel(CurrentSchool current, SchoolStore schools, IClock clock) : PageModel
{
    public PolicyPack? Pack { get; private set; }
    /// <summary>Markdig output with raw HTML disabled: every piece of pack text arrives escaped.</summary>
    public string Html { get; private set; } = "";
    public DateTime InForceFrom { get; private set; }
    public bool ReviewOverdue { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var school = await current.GetAsync();
        if (school is null) return NotFound();
        var policy = await schools.CurrentPolicyAsync(school.Id);
        if (policy is null) return Page();
        Pack = policy.Pack;
        Html = PolicyRenderer.ToHtmlFragment(Pack);
        InForceFrom = London.ToLocal(policy.InForceFrom);
        ReviewOverdue = Pack.IsReviewOverdue(London.Today(clock));
        return Page();
    }
}
