using Courtesy.Audit;
using Courtesy.Cases;
using Courtesy.Letters;
using Courtesy.Web.Auth;
using Courtesy.Web.Pages.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Courtesy.Web.Api;

/// <summary>Cases for heads, DSLs and trust admins. Every route finds the case within the caller's school:
/// another school's case id is 404. A rule that says no is 422 with the reason, and nothing changes.</summary>
public static class CasesApi
{
    public sealed record StepOptionDto(string StepId, string Kind, string Wording, string Availability, string? Why);
    public sealed record ActionDto(long Id, string StepId, string Kind, DateTime TakenAt, string TakenBy, string? Notes, string? Reason,
        DateOnly? RemovalBy, DateOnly? FollowUpOn, string? Result, DateTime? ResultAt, string? ResultBy, string? ResultNote,
        DateOnly? EndsOn, DateTime? AppealedAt, string? AppealedBy, string? AppealNote, DateTime? AppealDecidedAt, string? AppealDecidedBy, bool? AppealUpheld);
    public sealed record LetterDto(long Id, long? ActionId, string Kind, string Subject, string DocxSha256, string HtmlSha256, DateTime CreatedAt, string CreatedBy);
    public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, DateTime CapturedAt, DateTime StoredAt);
    public sealed record NoteDto(DateTime At, string By, string Text, bool SharedWithReporter);
    public sealed record CaseSummary(long Id, string Reference, DateTime OpenedAt, string? PosterName, string? Platform, string? PostUrl, string? AssignedTo,
        DateTime? ClosedAt, string? Outcome);
    public sealed record CaseDto(long Id, string Reference, string PackId, string? PosterName, string? Platform, string? PostUrl, string PostText,
        IReadOnlySet<string> Categories, bool PoliceFlag, bool OnSchoolSite, DateTime OpenedAt, string OpenedBy, string? AssignedTo,
        DateTime? ClosedAt, string? ClosedBy, string? Outcome, string? OutcomeNote, bool Overdue,
        IReadOnlyList<StepOptionDto> Options, IReadOnlyList<ActionDto> Actions, IReadOnlyList<LetterDto> Letters,
        IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<NoteDto> Notes, IReadOnlyList<string> Concerns);
    public sealed record StepBody(string StepId, string? Notes, string? Reason, DateOnly? RemovalBy, DateOnly? FollowUpOn, DateOnly? EndsOn);
    public sealed record AppealBody(string? Note);
    public sealed record AppealDecisionBody(bool Upheld, string? Note);
    public sealed record ResultBody(string Result, string? Note);
    public sealed record SendBody(string To);
    public sealed record SentDto(long Id, string To, DateTime? SentAt, string? Error);
    public sealed record NoteBody(string Text, bool SharedWithReporter);
    public sealed record AssignBody(string To);
    public sealed record CloseBody(string Outcome, string? Note);

    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(AuthPolicies.Leaders);

        g.MapGet("/", async Task<Results<Ok<List<CaseSummary>>, NotFound>> (CurrentSchool current, CaseStore cases, bool? closed) =>
        {
            if (await current.GetAsync() is not { } s) return TypedResults.NotFound();
            return TypedResults.Ok((await cases.ListAsync(s.Id, open: closed != true)).Select(c =>
                new CaseSummary(c.Id, c.Reference, c.OpenedAt, c.PosterName, c.Platform, c.PostUrl, c.AssignedTo, c.ClosedAt, c.Outcome)).ToList());
        }).WithName("ListCases").WithSummary("Open cases (or ?closed=true)");

        g.MapGet("/{id:long}", async Task<Results<Ok<CaseDto>, NotFound>> (long id, HttpContext http, CurrentSchool current, Casework work) =>
        {
            var s = await current.GetAsync();
            var f = s is null ? null : await work.LoadAsync(s.Id, id, http.User.Actor());
            return f is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(f));
        }).WithName("GetCase").WithSummary("A case with the ladder (allowed now, and why not), steps, letters, evidence and notes");

        g.MapPost("/{id:long}/steps", (long id, StepBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s => Action(await work.TakeStepAsync(s, id, new StepRequest(body.StepId, body.Notes, body.Reason, body.RemovalBy, body.FollowUpOn, body.EndsOn), http.User.Actor()))))
            .WithName("TakeStep").WithSummary("Take a ladder step; 422 with the reason when the pack's guard does not allow it now");

        g.MapPost("/{id:long}/steps/{actionId:long}/result", (long id, long actionId, ResultBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s =>
            {
                if (!EnumNames.TryParse<StepResult>(body.Result, out var result))
                    throw new CaseRuleException($"result: '{body.Result}' is not one of Removed, NotRemoved, NoReply");
                return Action(await work.RecordResultAsync(s, id, actionId, result, body.Note, http.User.Actor()));
            }))
            .WithName("RecordStepResult").WithSummary("Record what came of a step: Removed, NotRemoved or NoReply");

        g.MapPost("/{id:long}/steps/{actionId:long}/appeal", (long id, long actionId, AppealBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s => Action(await work.RecordAppealAsync(s, id, actionId, body.Note, http.User.Actor()))))
            .WithName("RecordAppeal").WithSummary("Record the parent's appeal against a forum restriction (one appeal, within 14 days)");

        g.MapPost("/{id:long}/steps/{actionId:long}/appeal/decision", (long id, long actionId, AppealDecisionBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s => Action(await work.DecideAppealAsync(s, id, actionId, body.Upheld, body.Note, http.User.Actor()))))
            .WithName("DecideAppeal").WithSummary("Decide an appeal: upheld lifts the restriction; not upheld needs a reason");

        g.MapPost("/{id:long}/steps/{actionId:long}/letter", (long id, long actionId, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s => Letter(await work.ProduceLetterAsync(s, id, actionId, CaseModel.SignatoryOf(http.User), http.User.Actor()))))
            .WithName("ProduceLetter").WithSummary("Produce the letter for a step from the pack's template (docx and printable HTML, with SHA-256)");

        g.MapPost("/{id:long}/letters/{letterId:long}/send", (long id, long letterId, SendBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s =>
            {
                if (!System.Net.Mail.MailAddress.TryCreate(body.To?.Trim(), out _))
                    throw new CaseRuleException($"to: '{body.To}' is not an e-mail address");
                var m = await work.SendLetterAsync(s, id, letterId, body.To!, http.User.Actor(), http.RequestAborted);
                return new SentDto(m.Id, m.ToAddress, m.SentAt, m.Error);
            }))
            .WithName("SendLetter").WithSummary("E-mail a letter (docx attached); every attempt is logged on the case");

        g.MapGet("/{id:long}/letters/{letterId:long}/docx", async Task<Results<FileContentHttpResult, NotFound>> (long id, long letterId, HttpContext http, CurrentSchool current, CaseStore cases, AuditLog audit) =>
        {
            var s = await current.GetAsync();
            var l = s is null ? null : await cases.LetterContentAsync(s.Id, id, letterId);
            if (l is not { } x) return TypedResults.NotFound();
            await AuditReadAsync(audit, cases, s!.Id, id, http, $"letter {letterId} downloaded (docx)");
            return TypedResults.File(x.Docx, ProducedLetter.DocxContentType, $"{x.Letter.Kind}-{x.Letter.Id}.docx");
        }).WithName("GetLetterDocx").WithSummary("A letter as a Word document");

        g.MapGet("/{id:long}/letters/{letterId:long}/html", async Task<Results<ContentHttpResult, NotFound>> (long id, long letterId, HttpContext http, CurrentSchool current, CaseStore cases, AuditLog audit) =>
        {
            var s = await current.GetAsync();
            var l = s is null ? null : await cases.LetterContentAsync(s.Id, id, letterId);
            if (l is not { } x) return TypedResults.NotFound();
            await AuditReadAsync(audit, cases, s!.Id, id, http, $"letter {letterId} opened (printable HTML)");
            return TypedResults.Content(x.Html, "text/html; charset=utf-8");
        }).WithName("GetLetterHtml").WithSummary("A letter as printable HTML");

        g.MapGet("/{id:long}/evidence/{evidenceId:long}", async Task<Results<FileContentHttpResult, NotFound>> (long id, long evidenceId, HttpContext http, CurrentSchool current, Casework work, EvidenceStore evidence, AuditLog audit) =>
        {
            var s = await current.GetAsync();
            var f = s is null ? null : await work.LoadAsync(s.Id, id, null);
            if (f is null || f.Evidence.All(e => e.Id != evidenceId)) return TypedResults.NotFound();
            var content = (await evidence.ContentAsync(s!.Id, evidenceId))!.Value;
            await audit.AppendAsync(s.Id, http.User.Actor(), "case.evidence-viewed", "case", f.Case.Reference,
                $"{f.Case.Reference}: evidence '{content.Evidence.FileName}' opened", new { evidenceId });
            return TypedResults.File(content.Content, content.Evidence.ContentType, content.Evidence.FileName);
        }).WithName("GetCaseEvidence").WithSummary("An evidence file as received");

        g.MapPost("/{id:long}/notes", (long id, NoteBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s => { var n = await work.AddNoteAsync(s, id, body.Text, body.SharedWithReporter, http.User.Actor()); return new NoteDto(n.WrittenAt, n.WrittenBy, n.Text, n.SharedWithReporter); }))
            .WithName("AddCaseNote").WithSummary("Add an internal note, or one shared with the person who reported the concern");

        g.MapPost("/{id:long}/assign", (long id, AssignBody body, HttpContext http, CurrentSchool current, Casework work, CaseStore cases) =>
            Change(current, async s =>
            {
                if ((await cases.ColleaguesAsync(s)).All(c => c.Email != body.To?.Trim()))
                    throw new CaseRuleException($"to: '{body.To}' is not a head or DSL at this school");
                var c = await work.AssignAsync(s, id, body.To!, http.User.Actor());
                return Summary(c);
            }))
            .WithName("AssignCase").WithSummary("Assign the case to a head or DSL at the school");

        g.MapPost("/{id:long}/close", (long id, CloseBody body, HttpContext http, CurrentSchool current, Casework work) =>
            Change(current, async s =>
            {
                if (!EnumNames.TryParse<CaseOutcome>(body.Outcome, out var outcome))
                    throw new CaseRuleException($"outcome: '{body.Outcome}' is not one of {string.Join(", ", Enum.GetNames<CaseOutcome>())}");
                return Summary(await work.CloseAsync(s, id, outcome, body.Note, http.User.Actor()));
            }))
            .WithName("CloseCase").WithSummary("Close the case with an outcome");

        g.MapGet("/{id:long}/export", async Task<Results<FileContentHttpResult, NotFound>> (long id, HttpContext http, CurrentSchool current, CaseStore cases, EvidencePack pack) =>
        {
            var s = await current.GetAsync();
            if (s is null || await cases.GetAsync(s.Id, id) is null) return TypedResults.NotFound();
            var zip = await pack.BuildAsync(s.Id, id, http.User.Actor());
            return TypedResults.File(zip.Zip, "application/zip", zip.FileName);
        }).WithName("ExportCase").WithSummary("The evidence pack: chronology, findings, evidence with hashes, letters, audit trail and a manifest of SHA-256s, as a ZIP");
    }

    private static async Task AuditReadAsync(AuditLog audit, CaseStore cases, long schoolId, long caseId, HttpContext http, string what)
    {
        var kase = await cases.GetAsync(schoolId, caseId);
        if (kase is not null)
            await audit.AppendAsync(schoolId, http.User.Actor(), "case.letter-viewed", "case", kase.Reference, $"{kase.Reference}: {what}");
    }

    private static async Task<Results<Ok<T>, NotFound, ProblemHttpResult>> Change<T>(CurrentSchool current, Func<long, Task<T>> change)
    {
        if (await current.GetAsync() is not { } s)
            return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await change(s.Id));
        }
        catch (CaseNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (Exception ex) when (ex is CaseRuleException or LetterException or EvidenceRejectedException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "not allowed now");
        }
    }

    private static ActionDto Action(CaseAction a) => new(a.Id, a.StepId, a.Kind, a.TakenAt, a.TakenBy, a.Notes, a.Reason, a.RemovalBy, a.FollowUpOn,
        a.Result, a.ResultAt, a.ResultBy, a.ResultNote, a.EndsOn, a.AppealedAt, a.AppealedBy, a.AppealNote, a.AppealDecidedAt, a.AppealDecidedBy, a.AppealUpheld);

    private static LetterDto Letter(StoredLetter l) => new(l.Id, l.ActionId, l.Kind, l.Subject, l.DocxSha256, l.HtmlSha256, l.CreatedAt, l.CreatedBy);

    private static CaseSummary Summary(Case c) => new(c.Id, c.Reference, c.OpenedAt, c.PosterName, c.Platform, c.PostUrl, c.AssignedTo, c.ClosedAt, c.Outcome);

    private static CaseDto Dto(CaseFile f) => new(f.Case.Id, f.Case.Reference, f.Case.PackId, f.Case.PosterName, f.Case.Platform, f.Case.PostUrl, f.Case.PostText,
        f.Case.CategoryIds, f.Case.PoliceFlag, f.Case.OnSchoolSite, f.Case.OpenedAt, f.Case.OpenedBy, f.Case.AssignedTo,
        f.Case.ClosedAt, f.Case.ClosedBy, f.Case.Outcome, f.Case.OutcomeNote, f.Overdue,
        f.Options.Select(o => new StepOptionDto(o.Step.Id, o.Step.Kind.ToString(), o.Step.Wording, o.Availability.ToString(), o.Why)).ToList(),
        f.Actions.Select(Action).ToList(), f.Letters.Select(Letter).ToList(),
        f.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.CapturedAt, e.StoredAt)).ToList(),
        f.Notes.Select(n => new NoteDto(n.WrittenAt, n.WrittenBy, n.Text, n.SharedWithReporter)).ToList(),
        f.Concerns.Select(c => c.Reference).ToList());
}
