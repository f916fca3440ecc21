using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Mail;
using Courtesy.Policies;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Triage;

/// <summary>One concern: the post with its findings marked, its evidence, open cases about the same post or
/// person, and the decision: no breach, safeguarding, open a case, or add to an open case.</summary>
[Authorize(Policy = AuthPolicies.Leaders)]
public sealed class ConcernModel(CurrentSchool current, ConcernStore concerns, CaseStore cases, EvidenceStore evidence, Casework work) : PageModel
{
    public Concern Concern { get; private set; } = null!;
    public IReadOnlyList<Evidence> Files { get; private set; } = [];
    public IReadOnlyList<Case> Matches { get; private set; } = [];
    public IReadOnlyList<Category> Choosable { get; private set; } = [];
    public PolicyPack? Pack { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string> CategoryIds { get; set; } = [];
    [BindProperty] public bool PoliceFlag { get; set; }
    [BindProperty] public bool OnSchoolSite { get; set; }
    [BindProperty] public string? PosterName { get; set; }
    [BindProperty] public long? CaseId { get; set; }

    private async Task<bool> LoadAsync(long id)
    {
        var school = await current.GetAsync();
        var concern = school is null ? null : await concerns.GetAsync(school.Id, id);
        if (concern is null || !User.MaySee(concern))
            return false;
        Concern = concern;
        Files = await evidence.ForConcernAsync(school!.Id, id);
        Matches = concern.TriagedAt is null ? await cases.MatchingOpenCasesAsync(school.Id, concern) : [];
        var pack = await work.PackAsync(school.Id);
        Pack = pack;
        // The catalogue's order, then the school's own categories.
        Choosable = Categories.All.Where(c => c.Id != Categories.SafeguardingConcern && pack.CategoryIds.Contains(c.Id))
            .Concat(pack.OwnCategories.Select(o => o.Category)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        CategoryIds = Concern.CategoryIds.ToList();
        PoliceFlag = Concern.PoliceFlag;
        OnSchoolSite = Concern.OnSchoolSite;
        PosterName = Concern.PosterName;
        return Page();
    }

    public Task<IActionResult> OnPostNoBreachAsync(long id) =>
        Decide(id, async schoolId => { await concerns.DecideAsync(schoolId, id, TriageDecision.NoBreach, Reason, User.Actor()); return "/Triage"; });

    public Task<IActionResult> OnPostSafeguardingAsync(long id) =>
        Decide(id, async schoolId =>
        {
            await work.RouteToSafeguardingAsync(schoolId, id, Reason, User.Identity?.Name ?? User.Actor(), User.Actor());
            return "/Triage";
        });

    public Task<IActionResult> OnPostOpenCaseAsync(long id) =>
        Decide(id, async schoolId =>
        {
            if (CategoryIds.Count == 0)
                throw new CaseRuleException("open a case: tick at least one category the post falls under");
            var pack = await work.PackAsync(schoolId);
            var kase = await cases.OpenFromConcernAsync(schoolId, id, pack,
                new CaseOpening(CategoryIds, PoliceFlag, OnSchoolSite, string.IsNullOrWhiteSpace(PosterName) ? null : PosterName.Trim()), User.Actor());
            return $"/Cases/{kase.Id}";
        });

    public Task<IActionResult> OnPostAddToCaseAsync(long id) =>
        Decide(id, async schoolId =>
        {
            if (CaseId is not { } caseId || await cases.GetAsync(schoolId, caseId) is null)
                throw new CaseRuleException("add to a case: choose one of the open cases");
            await cases.AddConcernAsync(schoolId, caseId, id, User.Actor());
            return $"/Cases/{caseId}";
        });

    private async Task<IActionResult> Decide(long id, Func<long, Task<string>> action)
    {
        if (!await LoadAsync(id))
            return NotFound();
        try
        {
            return Redirect(await action(Concern.SchoolId));
        }
        catch (CaseRuleException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
