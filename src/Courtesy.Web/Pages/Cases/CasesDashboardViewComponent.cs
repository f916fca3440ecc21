using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Courtesy.Web.Pages.Cases;

public sealed record CasesDashboard(int NewConcerns, int OpenCases, IReadOnlyList<OverdueFollowUp> Overdue, int MyReports, bool Leader);

/// <summary>The dashboard's concerns-and-cases card: new concerns, open cases and overdue follow-ups for
/// leaders; a staff member's own reports. Governors see no cases at all.</summary>
public sealed class CasesDashboardViewComponent(CurrentSchool current, ConcernStore concerns, CaseStore cases, IClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var school = await current.GetAsync();
        if (school is null || UserClaimsPrincipal.IsInRole(Roles.Governor))
            return Content("");
        var leader = UserClaimsPrincipal.IsInRole(Roles.Head) || UserClaimsPrincipal.IsInRole(Roles.Dsl) || UserClaimsPrincipal.IsInRole(Roles.TrustAdmin);
        var model = leader
            ? new CasesDashboard(await concerns.QueueCountAsync(school.Id), (await cases.ListAsync(school.Id)).Count,
                await cases.OverdueAsync(school.Id, London.Today(clock)), 0, true)
            : new CasesDashboard(0, 0, [], (await concerns.ListAsync(school.Id, UserClaimsPrincipal.Actor())).Count, false);
        return View("/Pages/Cases/_Dashboard.cshtml", model);
    }
}
