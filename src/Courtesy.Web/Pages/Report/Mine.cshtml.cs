using Courtesy.Cases;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Report;

/// <summary>The concerns a member of staff reported, and what became of them.</summary>
[Authorize(Policy = AuthPolicies.Staff)]
public sealed class MineModel(CurrentSchool current, ConcernStore concerns) : PageModel
{
    public IReadOnlyList<Concern> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await current.GetAsync() is not { } school)
            return NotFound();
        Reports = await concerns.ListAsync(school.Id, User.Actor());
        return Page();
    }
}
