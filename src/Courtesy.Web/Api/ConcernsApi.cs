using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Cases;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Courtesy.Web.Api;

/// <summary>Concerns: the public report and status endpoints (no account, rate-limited) and the staff ones.</summary>
public static class ConcernsApi
{
    public sealed record EvidenceUpload(string FileName, string ContentBase64);

    public sealed record ConcernRequest(
        string? School,
        string? PostText,
        string? Platform = null,
        string? PostUrl = null,
        DateTime? PostedAt = null,
        string? PosterName = null,
        string? ReporterNote = null,
        string? ReporterName = null,
        string? ReporterEmail = null,
        string? ReporterRelation = null,
        bool OnSchoolSite = false,
        string? SubmissionKey = null,
        IReadOnlyList<EvidenceUpload>? Evidence = null);

    public sealed record ConcernReceipt(string Reference, string Secret, string StatusUrl, bool Duplicate);
    public sealed record StatusRequest(string? School, string? Reference, string? Secret);
    public sealed record StatusUpdate(DateTime At, string Text);
    public sealed record StatusAnswer(string Reference, DateTime SubmittedAt, string State, string Explanation, IReadOnlyList<StatusUpdate> Updates);
    public sealed record FindingDto(string CategoryId, int Severity, int Start, int Length, string Text, string Reason);
    public sealed record ConcernDto(long Id, string Reference, DateTime SubmittedAt, string? SubmittedBy, string PostText, string? Platform, string? PostUrl,
        string? PosterName, IReadOnlyList<string> Categories, bool PoliceFlag, bool SafeguardingFlag, IReadOnlyList<FindingDto> Findings,
        DateTime? TriagedAt, string? TriagedBy, string? Decision, string? DecisionReason, long? CaseId);
    public sealed record TriageRequest(string Decision, string? Reason, IReadOnlyList<string>? Categories, bool PoliceFlag = false, bool OnSchoolSite = false, string? PosterName = null, long? CaseId = null);
    public sealed record TriageAnswer(string Decision, long? CaseId, string? CaseReference);

    public const int MaxFiles = 5;

    public static void MapConcernsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concerns").WithTags("Concerns");

        group.MapPost("/", SubmitAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Public)
            .DisableAntiforgery()
            .WithName("SubmitConcern")
            .WithSummary("Report a post (public, no account; anonymous allowed). Returns the reference and a secret shown once. " +
                         "The same submissionKey (or Idempotency-Key header) twice gives one concern.");

        group.MapPost("/status", StatusAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Public)
            .DisableAntiforgery()
            .WithName("ConcernStatus")
            .WithSummary("Follow a concern with its reference and secret (public). A wrong secret and an unknown reference both answer 404.");

        group.MapGet("/", ListAsync)
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("ListConcerns")
            .WithSummary("The newest concerns at the signed-in user's school (?limit=1..200, default 50): all of them for heads, DSLs and trust admins; staff see their own reports");

        group.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("GetConcern")
            .WithSummary("One concern with its screening findings (staff: only their own reports)");

        group.MapPost("/{id:long}/triage", TriageAsync)
            .RequireAuthorization(AuthPolicies.Leaders)
            .WithName("TriageConcern")
            .WithSummary("Decide: no-breach (with reason), safeguarding (to the DSL), case (open one), or add-to-case (caseId)");

        group.MapGet("/{id:long}/evidence/{evidenceId:long}", EvidenceAsync)
            .RequireAuthorization(AuthPolicies.Leaders)
            .WithName("GetConcernEvidence")
            .WithSummary("An evidence file as received");
    }

    private static async Task<Results<Created<ConcernReceipt>, ValidationProblem, NotFound<ProblemDetails>>> SubmitAsync(
        ConcernRequest request, HttpContext http, SchoolStore schools, CurrentSchool current, ConcernStore concerns, ConcernScreening screening, IClock clock)
    {
        var school = await PublicSchoolAsync(request.School, schools, current);
        if (school is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "school not found", Detail = $"school: no school with id '{request.School}'", Status = 404 });
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var files = new List<AcceptedEvidence>();
        var uploads = request.Evidence ?? [];
        if (uploads.Count > MaxFiles)
            errors["evidence"] = [$"evidence: at most {MaxFiles} files ({uploads.Count} given)"];
        else
            for (var i = 0; i < uploads.Count; i++)
            {
                if (uploads[i] is null)
                {
                    errors[$"evidence[{i}]"] = [$"evidence[{i}]: missing (null); give fileName and contentBase64"];
                    continue;
                }
                try
                {
                    files.Add(EvidenceFiles.Inspect(uploads[i].FileName, Convert.FromBase64String(uploads[i].ContentBase64 ?? "")));
                }
                catch (FormatException)
                {
                    errors[$"evidence[{i}]"] = [$"evidence[{i}] ({EvidenceFiles.CleanName(uploads[i].FileName)}): contentBase64 is not base64"];
                }
                catch (EvidenceRejectedException ex)
                {
                    errors[$"evidence[{i}]"] = [$"evidence[{i}]: {ex.Message}"];
                }
            }
        var key = request.SubmissionKey ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var submission = new ConcernSubmission(request.PostText, request.Platform, request.PostUrl, request.PostedAt, request.PosterName,
            request.ReporterNote, request.ReporterName, request.ReporterEmail, request.ReporterRelation, request.OnSchoolSite, key);
        foreach (var (k, v) in submission.Validate(clock.UtcNow))
            errors[k] = [v];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "the concern was not saved");
        var mine = await current.GetAsync();
        var by = mine?.Id == school.Id && !http.User.IsInRole(Roles.Governor) ? http.User.Actor() : null;
        var s = await concerns.SubmitAsync(school.Id, submission, files, by, await screening.TryScreenSubmissionAsync(school.Id, submission));
        return TypedResults.Created($"/Report/Status?school={school.Slug}",
            new ConcernReceipt(s.Concern.Reference, s.Secret, $"/Report/Status?school={school.Slug}", s.WasDuplicate));
    }

    private static async Task<Results<Ok<StatusAnswer>, NotFound<ProblemDetails>>> StatusAsync(StatusRequest request, SchoolStore schools, CurrentSchool current, ConcernStore concerns)
    {
        var school = await PublicSchoolAsync(request.School, schools, current);
        var status = school is null || string.IsNullOrWhiteSpace(request.Reference) || string.IsNullOrWhiteSpace(request.Secret)
            ? null
            : await concerns.StatusAsync(school.Id, request.Reference, request.Secret);
        if (status is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "not found", Detail = "No concern with that reference and secret.", Status = 404 });
        return TypedResults.Ok(new StatusAnswer(status.Reference, status.SubmittedAt, status.State, status.Explanation,
            status.Updates.Select(u => new StatusUpdate(u.At, u.Text)).ToList()));
    }

    private static async Task<Results<Ok<List<ConcernDto>>, NotFound, ValidationProblem>> ListAsync(HttpContext http, CurrentSchool current, ConcernStore concerns, int? limit)
    {
        if (await current.GetAsync() is not { } school)
            return TypedResults.NotFound();
        if (limit is < 1 or > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit: between 1 and 200 ({limit} given)"] });
        var list = await concerns.ListAsync(school.Id, OwnOnly(http) ? http.User.Actor() : null, limit ?? 50);
        return TypedResults.Ok(list.Where(c => Visible(http, c)).Select(Dto).ToList());
    }

    private static async Task<Results<Ok<ConcernDto>, NotFound>> GetAsync(long id, HttpContext http, CurrentSchool current, ConcernStore concerns)
    {
        var school = await current.GetAsync();
        var c = school is null ? null : await concerns.GetAsync(school.Id, id);
        if (c is null || !Visible(http, c) || (OwnOnly(http) && c.SubmittedBy != http.User.Actor()))
            return TypedResults.NotFound();
        return TypedResults.Ok(Dto(c));
    }

    private static async Task<Results<Ok<TriageAnswer>, NotFound, ProblemHttpResult>> TriageAsync(long id, TriageRequest request, HttpContext http,
        CurrentSchool current, ConcernStore concerns, CaseStore cases, Casework work)
    {
        var school = await current.GetAsync();
        var concern = school is null ? null : await concerns.GetAsync(school.Id, id);
        if (concern is null || !Visible(http, concern))
            return TypedResults.NotFound();
        try
        {
            switch (request.Decision)
            {
                case "no-breach":
                    await concerns.DecideAsync(school!.Id, id, TriageDecision.NoBreach, request.Reason, http.User.Actor());
                    return TypedResults.Ok(new TriageAnswer("no-breach", null, null));
                case "safeguarding":
                    await work.RouteToSafeguardingAsync(school!.Id, id, request.Reason, http.User.Identity?.Name ?? http.User.Actor(), http.User.Actor());
                    return TypedResults.Ok(new TriageAnswer("safeguarding", null, null));
                case "case":
                    if (request.Categories is not { Count: > 0 })
                        throw new CaseRuleException("categories: at least one category the post falls under");
                    if (ApiErrors.FirstNull(request.Categories) is { } blank)
                        throw new CaseRuleException($"categories[{blank}]: missing (null); give a category id");
                    var pack = await work.PackAsync(school!.Id);
                    var kase = await cases.OpenFromConcernAsync(school.Id, id, pack,
                        new CaseOpening(request.Categories, request.PoliceFlag, request.OnSchoolSite, request.PosterName), http.User.Actor());
                    return TypedResults.Ok(new TriageAnswer("case", kase.Id, kase.Reference));
                case "add-to-case":
                    var target = request.CaseId is { } caseId ? await cases.GetAsync(school!.Id, caseId) : null;
                    if (target is null)
                        return TypedResults.NotFound();
                    await cases.AddConcernAsync(school!.Id, target.Id, id, http.User.Actor());
                    return TypedResults.Ok(new TriageAnswer("case", target.Id, target.Reference));
                default:
                    throw new CaseRuleException($"decision: '{request.Decision}' is not one of no-breach, safeguarding, case, add-to-case");
            }
        }
        catch (CaseRuleException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "not allowed");
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> EvidenceAsync(long id, long evidenceId, HttpContext http, CurrentSchool current,
        ConcernStore concerns, EvidenceStore evidence, AuditLog audit)
    {
        var school = await current.GetAsync();
        var concern = school is null ? null : await concerns.GetAsync(school.Id, id);
        // The same visibility as the concern itself: a safeguarding concern's evidence is for the DSL.
        if (concern is null || !Visible(http, concern))
            return TypedResults.NotFound();
        var file = await evidence.ContentAsync(school!.Id, evidenceId);
        if (file is not { } f || f.Evidence.ConcernId != id)
            return TypedResults.NotFound();
        await audit.AppendAsync(school.Id, http.User.Actor(), "concern.evidence-viewed", "concern", concern.Reference,
            $"{concern.Reference}: evidence '{f.Evidence.FileName}' opened", new { evidenceId });
        return TypedResults.File(f.Content, f.Evidence.ContentType, f.Evidence.FileName);
    }

    internal static async Task<School?> PublicSchoolAsync(string? slug, SchoolStore schools, CurrentSchool current) =>
        (await Pages.Report.PublicSchool.ResolveAsync(slug, schools, current)).School;

    /// <summary>Staff (not heads, DSLs or trust admins) see only the concerns they reported themselves.</summary>
    private static bool OwnOnly(HttpContext http) => http.User.IsInRole(Roles.Staff);

    private static bool Visible(HttpContext http, Concern c) => http.User.MaySee(c);

    private static ConcernDto Dto(Concern c) => new(c.Id, c.Reference, c.SubmittedAt, c.SubmittedBy, c.PostText, c.Platform, c.PostUrl, c.PosterName,
        c.CategoryIds, c.PoliceFlag, c.SafeguardingFlag,
        c.FindingList.Select(f => new FindingDto(f.CategoryId, f.Severity, f.Start, f.Length, f.Text, f.Reason)).ToList(),
        c.TriagedAt, c.TriagedBy, c.Decision, c.DecisionReason, c.CaseId);
}
