using Courtesy.Letters;
using Courtesy.Mail;
using Courtesy.Policies;
using Courtesy.Schools;

namespace Courtesy.Cases;

/// <summary>Who signs a letter.</summary>
public sealed record Signatory(string Name, string Role);

/// <summary>Everything the case page shows, read in one go.</summary>
public sealed record CaseFile(
    Case Case,
    PolicyPack Pack,
    IReadOnlyList<CaseAction> Actions,
    IReadOnlyList<StepOption> Options,
    IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<Concern> Concerns,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<StoredLetter> Letters,
    IReadOnlyList<SentMessage> Messages,
    bool Overdue);

public sealed class CaseNotFoundException(string message) : Exception(message);

/// <summary>
/// The operations a person performs on a case: load it, take a step, record a result, produce and send a
/// letter, assign, note, close. Each one reads the case, asks <see cref="CaseWorkflow"/> whether the rules
/// allow it, and saves what the workflow returned. The web pages, the API and the CLI all call this.
/// </summary>
public sealed class Casework(CaseStore cases, ConcernStore concerns, EvidenceStore evidence, SchoolStore schools, Outbox outbox, IClock clock)
{
    public IClock Clock => clock;

    /// <summary>The pack in force at the school (the copy stored when it was assigned).</summary>
    public async Task<PolicyPack> PackAsync(long schoolId)
    {
        var policy = await schools.CurrentPolicyAsync(schoolId)
            ?? throw new CaseRuleException("this school has no policy pack in force: assign one first (courtesy school policy)");
        return policy.Pack;
    }

    public async Task<CaseWorkflow> WorkflowAsync(long schoolId) => new(await PackAsync(schoolId), clock);

    /// <summary>The case as a person sees it; their viewing is audited. Null when the case is not this school's.</summary>
    public async Task<CaseFile?> LoadAsync(long schoolId, long caseId, string? viewer)
    {
        var kase = viewer is null ? await cases.GetAsync(schoolId, caseId) : await cases.ViewAsync(schoolId, caseId, viewer);
        if (kase is null)
            return null;
        var pack = await PackAsync(schoolId);
        var wf = new CaseWorkflow(pack, clock);
        var actions = await cases.ActionsAsync(schoolId, caseId);
        return new CaseFile(kase, pack, actions, wf.Options(kase, actions),
            await cases.NotesAsync(schoolId, caseId),
            await concerns.ForCaseAsync(schoolId, caseId),
            await evidence.ForCaseAsync(schoolId, caseId),
            await cases.LettersAsync(schoolId, caseId),
            await outbox.ForCaseAsync(schoolId, caseId),
            wf.IsOverdue(kase, actions));
    }

    private async Task<(Case Case, IReadOnlyList<CaseAction> Actions, CaseWorkflow Workflow)> ReadAsync(long schoolId, long caseId)
    {
        var kase = await cases.GetAsync(schoolId, caseId) ?? throw new CaseNotFoundException($"case {caseId} not found");
        return (kase, await cases.ActionsAsync(schoolId, caseId), await WorkflowAsync(schoolId));
    }

    public async Task<CaseAction> TakeStepAsync(long schoolId, long caseId, StepRequest request, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        return await cases.AddActionAsync(kase, wf.TakeStep(kase, actions, request, actor));
    }

    public async Task<CaseAction> RecordResultAsync(long schoolId, long caseId, long actionId, StepResult result, string? note, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        var action = actions.FirstOrDefault(a => a.Id == actionId) ?? throw new CaseNotFoundException($"step {actionId} is not on {kase.Reference}");
        var done = wf.RecordResult(kase, action, result, note, actor);
        await cases.SaveResultAsync(kase, done);
        return done;
    }

    public async Task<CaseAction> RecordAppealAsync(long schoolId, long caseId, long actionId, string? note, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        var action = actions.FirstOrDefault(a => a.Id == actionId) ?? throw new CaseNotFoundException($"step {actionId} is not on {kase.Reference}");
        var appealed = wf.RecordAppeal(kase, action, note, actor);
        await cases.SaveAppealAsync(kase, appealed);
        return appealed;
    }

    public async Task<CaseAction> DecideAppealAsync(long schoolId, long caseId, long actionId, bool upheld, string? note, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        var action = actions.FirstOrDefault(a => a.Id == actionId) ?? throw new CaseNotFoundException($"step {actionId} is not on {kase.Reference}");
        var decided = wf.DecideAppeal(kase, action, upheld, note, actor);
        await cases.SaveAppealDecisionAsync(kase, decided);
        return decided;
    }

    public async Task<Case> AssignAsync(long schoolId, long caseId, string to, string actor)
    {
        var (kase, _, wf) = await ReadAsync(schoolId, caseId);
        var assigned = wf.Assign(kase, to, actor);
        await cases.SaveAssignmentAsync(assigned);
        return assigned;
    }

    public async Task<Case> CloseAsync(long schoolId, long caseId, CaseOutcome outcome, string? note, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        var closed = wf.Close(kase, actions, outcome, note, actor);
        await cases.SaveClosureAsync(closed);
        return closed;
    }

    public async Task<CaseNote> AddNoteAsync(long schoolId, long caseId, string text, bool shared, string actor)
    {
        var (kase, _, wf) = await ReadAsync(schoolId, caseId);
        return await cases.AddNoteAsync(kase, wf.Note(kase, text, shared, actor));
    }

    public async Task<Evidence> AddEvidenceAsync(long schoolId, long caseId, string? fileName, byte[] content, DateTime? capturedAt, string actor)
    {
        var (kase, _, _) = await ReadAsync(schoolId, caseId);
        if (kase.IsClosed)
            throw new CaseRuleException($"{kase.Reference} is closed");
        return await evidence.AddToCaseAsync(schoolId, caseId, EvidenceFiles.Inspect(fileName, content), capturedAt, actor);
    }

    /// <summary>Produces the letter the step's kind sends, from the pack's template, filled from the case.</summary>
    public async Task<StoredLetter> ProduceLetterAsync(long schoolId, long caseId, long actionId, Signatory signatory, string actor)
    {
        var (kase, actions, wf) = await ReadAsync(schoolId, caseId);
        var action = actions.FirstOrDefault(a => a.Id == actionId) ?? throw new CaseNotFoundException($"step {actionId} is not on {kase.Reference}");
        var kind = CaseWorkflow.LetterFor(action.KindValue)
            ?? throw new CaseRuleException($"step '{action.StepId}' ({CaseWorkflow.Label(wf.Ladder.FirstOrDefault(s => s.Id == action.StepId) ?? new LadderStep(action.StepId, "", action.KindValue, StepGuard.None))}) has no letter");
        var pack = await PackAsync(schoolId);
        var school = await schools.GetAsync(schoolId) ?? throw new CaseNotFoundException($"school {schoolId} not found");
        var values = MergeValues(school.Name, pack, kase, actions, action, signatory);
        var produced = LetterWriter.Produce(LetterTemplates.For(pack.Id, kind), values);
        return await cases.SaveLetterAsync(kase, action.Id, produced, actor);
    }

    internal Dictionary<string, string?> MergeValues(string schoolName, PolicyPack pack, Case kase, IReadOnlyList<CaseAction> actions, CaseAction action, Signatory signatory)
    {
        var categories = kase.CategoryIds;
        var wordings = pack.InappropriateUses.Where(u => u.Categories.Any(categories.Contains)).Select(u => u.Wording.TrimEnd(';', '.')).Distinct().ToList();
        if (wordings.Count == 0)
            wordings = categories.Select(pack.TitleOf).ToList();
        var discussion = actions.FirstOrDefault(a => a.KindValue == LadderStepKind.DiscussAndRequestRemoval);
        var removalBy = action.RemovalBy ?? actions.LastOrDefault(a => a.RemovalBy is not null)?.RemovalBy;
        var police = categories.Where(Policies.Categories.IsPoliceThreshold).Select(id => Policies.Categories.Get(id).Meaning).ToList();
        var excerpt = kase.PostText.Length > 600 ? kase.PostText[..600] + "…" : kase.PostText;
        return new Dictionary<string, string?>
        {
            ["letter_date"] = London.Date(London.Today(clock)),
            ["school_name"] = schoolName,
            ["head_name"] = signatory.Name,
            ["head_role"] = signatory.Role,
            ["parent_name"] = kase.PosterName,
            ["case_reference"] = kase.Reference,
            ["post_url"] = kase.PostUrl,
            ["post_platform"] = kase.Platform,
            ["post_date"] = kase.PostedAt is { } p ? London.Date(p) : null,
            ["post_excerpt"] = excerpt,
            ["concerns"] = wordings.Count == 0 ? null : string.Join("\n", wordings.Select(w => "- " + w)),
            ["policy_title"] = pack.Title,
            ["discussion_date"] = discussion is null ? null : London.Date(discussion.TakenAt),
            ["removal_by"] = removalBy is { } r ? London.Date(r) : null,
            ["chronology"] = string.Join("\n", actions.Where(a => a.TakenAt <= action.TakenAt).Select(a =>
                $"- {London.Date(a.TakenAt)}: {a.Wording.TrimEnd(';', '.')}{(a.Result is null ? "" : $" (result: {CaseWorkflow.Describe(a.ResultValue!.Value)})")}")),
            ["police_reason"] = action.Reason ?? (police.Count > 0 ? string.Join(" ", police) : action.Notes),
        };
    }

    /// <summary>Tells the people who reported the case's concerns (those who gave an e-mail address) about a
    /// shared note: the school chooses which updates go out, and each one is logged on the case.</summary>
    public async Task<IReadOnlyList<SentMessage>> EmailReportersAsync(long schoolId, long caseId, CaseNote note, string actor, CancellationToken ct = default)
    {
        if (!note.SharedWithReporter)
            throw new CaseRuleException("only a note shared with the reporter can be e-mailed to them");
        var (kase, _, _) = await ReadAsync(schoolId, caseId);
        var school = await schools.GetAsync(schoolId);
        var sent = new List<SentMessage>();
        foreach (var c in (await concerns.ForCaseAsync(schoolId, caseId)).Where(c => c.ReporterEmail is not null))
        {
            var mail = new OutgoingMail(c.ReporterEmail!, $"Update on your concern {c.Reference} – {school?.Name}",
                $"{note.Text}\n\nYou can follow your concern at the school's Courtesy status page with your reference {c.Reference} and the secret you were given.\n");
            sent.Add(await outbox.SendAsync(new MessageContext(schoolId, "reporter-update", caseId, c.Id, null, "case", kase.Reference), mail, actor, ct));
        }
        return sent;
    }

    /// <summary>Routes a concern to the Designated Safeguarding Lead, off the parent ladder, and e-mails every DSL
    /// of the school at once; each message is logged on the concern.</summary>
    public async Task<Concern> RouteToSafeguardingAsync(long schoolId, long concernId, string? reason, string routedBy, string actor, CancellationToken ct = default)
    {
        var c = await concerns.DecideAsync(schoolId, concernId, TriageDecision.Safeguarding, reason, actor);
        foreach (var (email, _, role) in await cases.ColleaguesAsync(schoolId))
            if (role == Accounts.Roles.Dsl)
                await outbox.SendAsync(new MessageContext(schoolId, "safeguarding", null, c.Id, null, "concern", c.Reference),
                    new OutgoingMail(email, $"Safeguarding concern {c.Reference} routed to you",
                        $"{routedBy} has routed concern {c.Reference} to the Designated Safeguarding Lead.\nOpen it in Courtesy: /Triage/Concern/{c.Id}\n"),
                    actor, ct);
        return c;
    }

    /// <summary>Sends a stored letter (Word document attached, printable text in the body) and logs it on the case.</summary>
    public async Task<SentMessage> SendLetterAsync(long schoolId, long caseId, long letterId, string to, string actor, CancellationToken ct = default)
    {
        var (kase, _, _) = await ReadAsync(schoolId, caseId);
        var content = await cases.LetterContentAsync(schoolId, caseId, letterId) ?? throw new CaseNotFoundException($"letter {letterId} is not on {kase.Reference}");
        var text = HtmlToText(content.Html);
        var mail = new OutgoingMail(to.Trim(), content.Letter.Subject, text, content.Html,
            [new MailAttachment($"{kase.Reference}-{content.Letter.Kind}.docx", ProducedLetter.DocxContentType, content.Docx)]);
        return await outbox.SendAsync(new MessageContext(schoolId, "letter", caseId, null, letterId, "case", kase.Reference), mail, actor, ct);
    }

    private static string HtmlToText(string html)
    {
        var body = html[(html.IndexOf("<body>", StringComparison.Ordinal) + 6)..];
        body = System.Text.RegularExpressions.Regex.Replace(body, "<br>", "\n");
        body = System.Text.RegularExpressions.Regex.Replace(body, "</(p|h1|li)>", "\n\n");
        body = System.Text.RegularExpressions.Regex.Replace(body, "<li>", "- ");
        body = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", "");
        return System.Net.WebUtility.HtmlDecode(body).Trim() + "\n";
    }
}
