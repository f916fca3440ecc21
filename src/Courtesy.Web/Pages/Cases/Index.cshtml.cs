using Courtesy.Cases;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Cases;

[Authorize(Policy = AuthPolicies.Leaders)]
public sealed class IndexModel(CurrentSchool current, CaseStore cases, IClock clock) : PageModel
{
    public IReadOnlyList<(Case Case, IReadOnlyList<CaseAction> Actions, bool Overdue)> Open { get; private set; } = [];
    public IReadOnlyList<Case> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var school = await current.GetAsync();
        if (school is null)
            return NotFound();
        var today = London.Today(clock);
        var open = new List<(Case, IReadOnlyList<CaseAction>, bool)>();
        foreach (var c in await cases.ListAsync(school.Id))
        {
            var actions = await cases.ActionsAsync(school.Id, c.Id);
            open.Add((c, actions, actions.Any(a => CaseWorkflow.IsOverdue(a, today))));
        }
        Open = open.OrderByDescending(o => o.Item3).ToList();
        Closed = await cases.ListAsync(school.Id, open: false, limit: 50);
        return Page();
    }
}
