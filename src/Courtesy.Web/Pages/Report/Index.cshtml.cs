using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Courtesy.Web.Pages.Report;

/// <summary>The public form: parents, carers and pupils report a post without an account; staff use it signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Public)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(SchoolStore schools, CurrentSchool current, ConcernStore concerns, ConcernScreening screening, IClock clock) : PageModel
{
    public const int MaxFiles = 5;
    public const long MaxRequestBytes = MaxFiles * EvidenceFiles.DefaultMaxBytes + 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty] public string? PostText { get; set; }
    [BindProperty] public string? Platform { get; set; }
    [BindProperty] public string? PostUrl { get; set; }
    [BindProperty] public DateOnly? PostedOn { get; set; }
    [BindProperty] public string? PosterName { get; set; }
    [BindProperty] public string? ReporterNote { get; set; }
    [BindProperty] public string? ReporterName { get; set; }
    [BindProperty] public string? ReporterEmail { get; set; }
    [BindProperty] public string? ReporterRelation { get; set; }
    [BindProperty] public bool OnSchoolSite { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }
    [BindProperty] public List<IFormFile> Evidence { get; set; } = [];

    public Courtesy.Schools.School? Target { get; private set; }
    public IReadOnlyList<Courtesy.Schools.School> Choices { get; private set; } = [];
    public SubmittedConcern? Submitted { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        (Target, Choices) = await PublicSchool.ResolveAsync(School, schools, current);
        if (Target is null && Choices.Count == 0)
            return NotFound();
        SubmissionKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        (Target, Choices) = await PublicSchool.ResolveAsync(School, schools, current);
        if (Target is null)
            return NotFound();
        if (!ModelState.IsValid)
            foreach (var (key, entry) in ModelState)
                foreach (var e in entry.Errors)
                    Errors[char.ToLowerInvariant(key[0]) + key[1..]] = $"{key}: {e.ErrorMessage}";

        var files = new List<AcceptedEvidence>();
        if (Evidence.Count > MaxFiles)
            Errors["evidence"] = $"evidence: at most {MaxFiles} files ({Evidence.Count} chosen)";
        else
        {
            foreach (var f in Evidence.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
            {
                try
                {
                    using var ms = new MemoryStream();
                    await f.CopyToAsync(ms);
                    files.Add(EvidenceFiles.Inspect(f.FileName, ms.ToArray()));
                }
                catch (EvidenceRejectedException ex)
                {
                    Errors["evidence"] = "evidence: " + ex.Message;
                }
            }
        }
        var submission = new ConcernSubmission(PostText, Platform, PostUrl,
            PostedOn is { } d ? DateTime.SpecifyKind(d.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc) : null,
            PosterName, ReporterNote, ReporterName, ReporterEmail, ReporterRelation, OnSchoolSite, SubmissionKey);
        foreach (var (k, v) in submission.Validate(clock.UtcNow))
            Errors[k] = v;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Staff of this school who report while signed in see their reports later; anyone else is the public.
        var mine = await current.GetAsync();
        var by = mine?.Id == Target.Id && User.IsInRole(Roles.Governor) == false ? User.Actor() : null;
        Submitted = await concerns.SubmitAsync(Target.Id, submission, files, by, await screening.TryScreenSubmissionAsync(Target.Id, submission));
        return Page();
    }
}
