using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Triage;

/// <summary>New concerns awaiting a decision, safeguarding flags first; for the DSL also the concerns routed to them.</summary>
[Authorize(Policy = AuthPolicies.Leaders)]
public sealed class IndexModel(CurrentSchool current, ConcernStore concerns, Schools.SchoolStore schools) : PageModel
{
    public IReadOnlyList<Concern> Queue { get; private set; } = [];
    /// <summary>All waiting, of which <see cref="Queue"/> shows the first.</summary>
    public int Waiting { get; private set; }
    public IReadOnlyList<Concern> Safeguarding { get; private set; } = [];
    public bool IsDsl { get; private set; }
    public Policies.PolicyPack? Pack { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var school = await current.GetAsync();
        if (school is null)
            return NotFound();
        Queue = await concerns.QueueAsync(school.Id);
        Waiting = await concerns.QueueCountAsync(school.Id);
        Pack = (await schools.CurrentPolicyAsync(school.Id))?.Pack;
        IsDsl = User.IsInRole(Roles.Dsl) || User.IsInRole(Roles.TrustAdmin);
        if (IsDsl)
            Safeguarding = await concerns.SafeguardingOpenAsync(school.Id);
        return Page();
    }
}
