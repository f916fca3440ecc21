using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Letters;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Courtesy.Web.Pages.Cases;

/// <summary>The case page: the ladder with what is allowed now and why not, the steps taken, letters,
/// evidence, notes, assignment and closing. Every change goes through <see cref="Casework"/>; a rule that
/// says no is shown as the reason, with nothing changed.</summary>
[Authorize(Policy = AuthPolicies.Leaders)]
// Room above the 10 MB evidence limit, so an oversized screenshot reaches the check that names the
// limit instead of failing as an unreadable form.
[RequestSizeLimit(32 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class CaseModel(CurrentSchool current, Casework work, CaseStore cases) : PageModel
{
    public CaseFile Current { get; private set; } = null!;
    public IReadOnlyList<(string Email, string DisplayName, string Role)> Colleagues { get; private set; } = [];
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    [BindProperty] public string? StepId { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? RemovalBy { get; set; }
    [BindProperty] public DateOnly? FollowUpOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public bool Upheld { get; set; }
    [BindProperty] public long ActionId { get; set; }
    [BindProperty] public string? Result { get; set; }
    [BindProperty] public long LetterId { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Shared { get; set; }
    [BindProperty] public bool EmailReporter { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    private async Task<long?> SchoolIdAsync() => (await current.GetAsync())?.Id;

    private async Task<bool> LoadAsync(long schoolId, long id, bool audited)
    {
        var file = await work.LoadAsync(schoolId, id, audited ? User.Actor() : null);
        if (file is null)
            return false;
        Current = file;
        Colleagues = await cases.ColleaguesAsync(schoolId);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id) =>
        await SchoolIdAsync() is { } s && await LoadAsync(s, id, audited: true) ? Page() : NotFound();

    public Task<IActionResult> OnPostStepAsync(long id) => Change(id, async s =>
    {
        var action = await work.TakeStepAsync(s, id, new StepRequest(StepId ?? "", Notes, Reason, RemovalBy, FollowUpOn, EndsOn), User.Actor());
        return $"Step '{action.StepId}' recorded.";
    });

    public Task<IActionResult> OnPostResultAsync(long id) => Change(id, async s =>
    {
        if (!EnumNames.TryParse<StepResult>(Result, out var result))
            throw new CaseRuleException("result: choose removed, not removed or no reply");
        await work.RecordResultAsync(s, id, ActionId, result, Notes, User.Actor());
        return "Result recorded.";
    });

    public Task<IActionResult> OnPostAppealAsync(long id) => Change(id, async s =>
    {
        await work.RecordAppealAsync(s, id, ActionId, Notes, User.Actor());
        return "Appeal recorded.";
    });

    public Task<IActionResult> OnPostAppealDecisionAsync(long id) => Change(id, async s =>
    {
        var a = await work.DecideAppealAsync(s, id, ActionId, Upheld, Notes, User.Actor());
        return a.AppealUpheld == true ? "Appeal upheld: the restriction is lifted." : "Appeal not upheld: the restriction stays.";
    });

    public Task<IActionResult> OnPostLetterAsync(long id) => Change(id, async s =>
    {
        var letter = await work.ProduceLetterAsync(s, id, ActionId, SignatoryOf(User), User.Actor());
        return $"Letter produced: {letter.Subject}";
    });

    public Task<IActionResult> OnPostSendLetterAsync(long id) => Change(id, async s =>
    {
        if (string.IsNullOrWhiteSpace(To) || !System.Net.Mail.MailAddress.TryCreate(To.Trim(), out _))
            throw new CaseRuleException($"send to: '{To}' is not an e-mail address");
        var message = await work.SendLetterAsync(s, id, LetterId, To, User.Actor(), HttpContext.RequestAborted);
        if (message.SentAt is null)
            throw new CaseRuleException($"the letter was not sent: {message.Error} (the attempt is logged on the case)");
        return $"Letter sent to {message.ToAddress}.";
    });

    public Task<IActionResult> OnPostNoteAsync(long id) => Change(id, async s =>
    {
        var note = await work.AddNoteAsync(s, id, Text ?? "", Shared, User.Actor());
        if (!Shared)
            return "Internal note added.";
        if (!EmailReporter)
            return "Note shared with the person who reported the concern.";
        var sent = await work.EmailReportersAsync(s, id, note, User.Actor(), HttpContext.RequestAborted);
        return $"Note shared; e-mailed to {sent.Count(m => m.SentAt is not null)} of {sent.Count} reporter(s) who gave an address.";
    });

    public Task<IActionResult> OnPostAssignAsync(long id) => Change(id, async s =>
    {
        var to = To?.Trim() ?? "";
        if (Colleagues.All(c => c.Email != to))
            throw new CaseRuleException("assign to: choose a head or DSL at this school");
        await work.AssignAsync(s, id, to, User.Actor());
        return $"Assigned to {to}.";
    });

    public Task<IActionResult> OnPostCloseAsync(long id) => Change(id, async s =>
    {
        if (!EnumNames.TryParse<CaseOutcome>(Outcome, out var outcome))
            throw new CaseRuleException("outcome: choose how the case ended");
        await work.CloseAsync(s, id, outcome, Notes, User.Actor());
        return "Case closed.";
    });

    public Task<IActionResult> OnPostEvidenceAsync(long id) => Change(id, async s =>
    {
        if (Upload is null || Upload.Length == 0)
            throw new CaseRuleException("evidence: choose a file");
        if (Upload.Length > EvidenceFiles.DefaultMaxBytes)
            throw new EvidenceRejectedException($"{EvidenceFiles.CleanName(Upload.FileName)}: over the 10 MB limit for an evidence file");
        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms);
        var e = await work.AddEvidenceAsync(s, id, Upload.FileName, ms.ToArray(), null, User.Actor());
        return $"Evidence '{e.FileName}' stored (SHA-256 {e.Sha256}).";
    });

    private async Task<IActionResult> Change(long id, Func<long, Task<string>> change)
    {
        if (await SchoolIdAsync() is not { } s || !await LoadAsync(s, id, audited: false))
            return NotFound();
        // a field that could not be read (a date typed as "next Friday") is named, not silently taken as blank
        var unreadable = ModelState.Where(e => e.Value?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            .Select(e => $"{e.Key}: '{e.Value!.AttemptedValue}' is not a valid value").ToList();
        if (unreadable.Count > 0)
        {
            Error = "Nothing was changed. " + string.Join("; ", unreadable);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            // Post-redirect-get: a refresh must not take the step twice.
            Done = await change(s);
            return Redirect($"/Cases/{id}");
        }
        catch (Exception ex) when (ex is CaseRuleException or LetterException or EvidenceRejectedException or CaseNotFoundException)
        {
            Error = ex.Message;
            Response.StatusCode = ex is CaseNotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(s, id, audited: false);
        return Page();
    }

    public static Signatory SignatoryOf(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? user.Actor(), user.IsInRole(Roles.Dsl) ? "Designated Safeguarding Lead" : user.IsInRole(Roles.TrustAdmin) ? "Trust" : "Headteacher");
}
