using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages;

public sealed class IndexModel(CurrentSchool current, SchoolStore schools, RosterStore roster, IClock clock) : PageModel
{
    public School? School { get; private set; }
    public PolicyPack? Pack { get; private set; }
    public bool ReviewOverdue { get; private set; }
    public int Pupils { get; private set; }
    public int Staff { get; private set; }
    public int Governors { get; private set; }
    public int Parents { get; private set; }

    public async Task OnGetAsync()
    {
        School = await current.GetAsync();
        if (School is null) return;
        var policy = await schools.CurrentPolicyAsync(School.Id);
        if (policy is not null)
        {
            Pack = policy.Pack;
            ReviewOverdue = Pack.IsReviewOverdue(London.Today(clock));
        }
        Pupils = await roster.CountAsync(School.Id, PersonKind.Pupil);
        Staff = await roster.CountAsync(School.Id, PersonKind.Staff);
        Governors = await roster.CountAsync(School.Id, PersonKind.Governor);
        Parents = await roster.CountAsync(School.Id, PersonKind.Parent);
    }
}
