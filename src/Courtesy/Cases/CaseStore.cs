using System.Text.Json;
using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.Letters;
using Courtesy.Policies;
using Dapper;

namespace Courtesy.Cases;

/// <summary>What triage decided the case is about: confirmed categories, police flag, where it was posted.</summary>
public sealed record CaseOpening(IReadOnlyList<string> Categories, bool PoliceFlag, bool OnSchoolSite, string? PosterName = null);

public sealed class StoredLetter
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public long CaseId { get; init; }
    public long? ActionId { get; init; }
    public string Kind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string DocxSha256 { get; init; } = "";
    public string HtmlSha256 { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
}

public sealed record OverdueFollowUp(Case Case, CaseAction Action);

/// <summary>Cases, their steps, notes and letters in SQL. Every query names the school; every change and every
/// view by a person is an audit event in the same transaction.</summary>
public sealed class CaseStore(Db db, AuditLog audit, IClock clock)
{
    internal const string Columns =
        """
        id, school_id, reference, pack_id, poster_name, platform, post_url, posted_at, post_text, categories, police_flag, on_school_site,
        opened_at, opened_by, assigned_to, assigned_at, assigned_by, closed_at, closed_by, outcome, outcome_note
        """;

    private const string ActionColumns =
        """
        id, school_id, case_id, step_id, kind, wording, taken_at, taken_by, notes, reason, removal_by, follow_up_on,
        result, result_at, result_by, result_note, reminder_sent_at, ends_on, appealed_at, appealed_by, appeal_note,
        appeal_decided_at, appeal_decided_by, appeal_upheld, appeal_decision_note
        """;

    private const string LetterColumns = "id, school_id, case_id, action_id, kind, subject, docx_sha256, html_sha256, created_at, created_by";

    /// <summary>Triage: opens a case on the concern's post under the school's pack.</summary>
    public async Task<Case> OpenFromConcernAsync(long schoolId, long concernId, PolicyPack pack, CaseOpening opening, string actor)
    {
        var packId = pack.Id;
        foreach (var id in opening.Categories)
            if (pack.FindCategory(id) is null)
                throw new CaseRuleException($"category '{id}' is neither in the catalogue nor one of the policy's own ({pack.Id})");
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        if (!db.IsSqlite)
            await c.ExecuteAsync("SELECT pg_advisory_xact_lock(72437101, @k)", new { k = (int)(schoolId % int.MaxValue) }, tx);
        var concern = await ConcernStore.LockUntriagedAsync(c, tx, schoolId, concernId);
        var now = clock.UtcNow;
        var year = London.ToLocal(now).Year;
        var seq = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(seq), 0) + 1 FROM cases WHERE school_id = @schoolId AND year = @year", new { schoolId, year }, tx);
        var reference = $"CASE-{year}-{seq:0000}";
        var caseId = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO cases (school_id, year, seq, reference, pack_id, poster_name, platform, post_url, posted_at, post_text, categories,
                police_flag, on_school_site, opened_at, opened_by)
            VALUES (@schoolId, @year, @seq, @reference, @packId, @poster, @Platform, @PostUrl, @PostedAt, @PostText, @cats,
                @PoliceFlag, @OnSchoolSite, @now, @actor)
            RETURNING id
            """,
            new
            {
                schoolId, year, seq, reference, packId, poster = opening.PosterName ?? concern.PosterName, concern.Platform, concern.PostUrl,
                concern.PostedAt, concern.PostText, cats = JsonSerializer.Serialize(opening.Categories.Distinct().ToList()),
                opening.PoliceFlag, opening.OnSchoolSite, now, actor,
            }, tx);
        await c.ExecuteAsync(
            "UPDATE concerns SET triaged_at = @now, triaged_by = @actor, decision = 'case', case_id = @caseId WHERE school_id = @schoolId AND id = @concernId",
            new { now, actor, caseId, schoolId, concernId }, tx);
        await audit.AppendAsync(schoolId, actor, "case.opened", "case", reference,
            $"Case {reference} opened from concern {concern.Reference} under pack {packId}",
            new { concern = concern.Reference, categories = opening.Categories, opening.PoliceFlag, opening.OnSchoolSite }, c, tx);
        await tx.CommitAsync();
        return (await GetAsync(schoolId, caseId))!;
    }

    /// <summary>Triage: the concern is about the same person or post as an open case.</summary>
    public async Task AddConcernAsync(long schoolId, long caseId, long concernId, string actor)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var kase = await c.QueryFirstOrDefaultAsync<Case>($"SELECT {Columns} FROM cases WHERE school_id = @schoolId AND id = @caseId", new { schoolId, caseId }, tx)
            ?? throw new KeyNotFoundException($"case {caseId} not found");
        if (kase.IsClosed)
            throw new CaseRuleException($"{kase.Reference} is closed: open a new case instead");
        var concern = await ConcernStore.LockUntriagedAsync(c, tx, schoolId, concernId);
        await c.ExecuteAsync(
            "UPDATE concerns SET triaged_at = @now, triaged_by = @actor, decision = 'case', case_id = @caseId WHERE school_id = @schoolId AND id = @concernId",
            new { now = clock.UtcNow, actor, caseId, schoolId, concernId }, tx);
        await audit.AppendAsync(schoolId, actor, "case.concern-added", "case", kase.Reference,
            $"Concern {concern.Reference} added to case {kase.Reference}", null, c, tx);
        await tx.CommitAsync();
    }

    /// <summary>Open cases about the same post (same address) or the same person (same name), for triage to offer.</summary>
    public async Task<IReadOnlyList<Case>> MatchingOpenCasesAsync(long schoolId, Concern concern)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Case>(
            $"""
            SELECT {Columns} FROM cases
            WHERE school_id = @schoolId AND closed_at IS NULL
              AND ((@url IS NOT NULL AND post_url = @url) OR (@poster IS NOT NULL AND LOWER(poster_name) = LOWER(@poster)))
            ORDER BY opened_at DESC
            """, new { schoolId, url = concern.PostUrl, poster = concern.PosterName })).ToList();
    }

    public async Task<Case?> GetAsync(long schoolId, long id)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<Case>($"SELECT {Columns} FROM cases WHERE school_id = @schoolId AND id = @id", new { schoolId, id });
    }

    public async Task<Case?> FindAsync(long schoolId, string reference)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<Case>($"SELECT {Columns} FROM cases WHERE school_id = @schoolId AND reference = @reference",
            new { schoolId, reference = reference.Trim().ToUpperInvariant() });
    }

    /// <summary>Signed-in colleagues at the school who can hold a case, for assignment and notifications.</summary>
    public async Task<IReadOnlyList<(string Email, string DisplayName, string Role)>> ColleaguesAsync(long schoolId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<(string, string, string)>(
            "SELECT email, display_name, role FROM users WHERE school_id = @schoolId AND disabled_at IS NULL AND role IN ('head', 'dsl') ORDER BY display_name",
            new { schoolId })).ToList();
    }

    /// <summary>A person opening the case page: the view itself is an audit event.</summary>
    public async Task<Case?> ViewAsync(long schoolId, long id, string actor)
    {
        var kase = await GetAsync(schoolId, id);
        if (kase is not null)
            await audit.AppendAsync(schoolId, actor, "case.viewed", "case", kase.Reference, $"Case {kase.Reference} viewed");
        return kase;
    }

    public async Task<IReadOnlyList<Case>> ListAsync(long schoolId, bool open = true, int limit = 200)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Case>(
            open
                ? $"SELECT {Columns} FROM cases WHERE school_id = @schoolId AND closed_at IS NULL ORDER BY opened_at DESC LIMIT @limit"
                : $"SELECT {Columns} FROM cases WHERE school_id = @schoolId AND closed_at IS NOT NULL ORDER BY closed_at DESC LIMIT @limit",
            new { schoolId, limit })).ToList();
    }

    public async Task<IReadOnlyList<CaseAction>> ActionsAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<CaseAction>($"SELECT {ActionColumns} FROM case_actions WHERE school_id = @schoolId AND case_id = @caseId ORDER BY taken_at, id",
            new { schoolId, caseId })).ToList();
    }

    public async Task<IReadOnlyList<CaseNote>> NotesAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<CaseNote>(
            "SELECT id, school_id, case_id, written_at, written_by, text, shared_with_reporter FROM case_notes WHERE school_id = @schoolId AND case_id = @caseId ORDER BY written_at, id",
            new { schoolId, caseId })).ToList();
    }

    /// <summary>Saves a step the workflow allowed. Taking a real step resolves the open concerns about the same
    /// post: those on the case, and untriaged ones with the same address, which join the case.</summary>
    public async Task<CaseAction> AddActionAsync(Case kase, CaseAction a)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO case_actions (school_id, case_id, step_id, kind, wording, taken_at, taken_by, notes, reason, removal_by, follow_up_on, ends_on)
            VALUES (@SchoolId, @CaseId, @StepId, @Kind, @Wording, @TakenAt, @TakenBy, @Notes, @Reason, @RemovalBy, @FollowUpOn, @EndsOn)
            RETURNING id
            """, a, tx);
        var resolved = (await c.QueryAsync<string>(
            """
            SELECT reference FROM concerns
            WHERE school_id = @SchoolId AND resolved_at IS NULL
              AND (case_id = @CaseId OR (triaged_at IS NULL AND @url IS NOT NULL AND post_url = @url))
            """, new { kase.SchoolId, CaseId = kase.Id, url = kase.PostUrl }, tx)).ToList();
        await c.ExecuteAsync(
            """
            UPDATE concerns SET
                triaged_at = COALESCE(triaged_at, @TakenAt), triaged_by = COALESCE(triaged_by, @TakenBy),
                decision = COALESCE(decision, 'case'), case_id = COALESCE(case_id, @CaseId),
                resolved_at = @TakenAt, resolved_by = @TakenBy
            WHERE school_id = @SchoolId AND resolved_at IS NULL
              AND (case_id = @CaseId OR (triaged_at IS NULL AND @url IS NOT NULL AND post_url = @url))
            """, new { a.TakenAt, a.TakenBy, kase.SchoolId, CaseId = kase.Id, url = kase.PostUrl }, tx);
        await audit.AppendAsync(kase.SchoolId, a.TakenBy, "case.step", "case", kase.Reference,
            $"{kase.Reference}: step '{a.StepId}' taken{(a.Reason is null ? "" : $" (reason recorded: {a.Reason})")}",
            new { actionId = id, a.StepId, a.Kind, a.Notes, a.Reason, a.RemovalBy, a.FollowUpOn, resolvedConcerns = resolved }, c, tx);
        await tx.CommitAsync();
        return (await c.QueryFirstAsync<CaseAction>($"SELECT {ActionColumns} FROM case_actions WHERE school_id = @SchoolId AND id = @id", new { a.SchoolId, id }));
    }

    public async Task SaveResultAsync(Case kase, CaseAction a)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var n = await c.ExecuteAsync(
            "UPDATE case_actions SET result = @Result, result_at = @ResultAt, result_by = @ResultBy, result_note = @ResultNote WHERE school_id = @SchoolId AND id = @Id AND result IS NULL",
            a, tx);
        if (n == 0)
            throw new CaseRuleException("the result of this step was already recorded");
        await audit.AppendAsync(kase.SchoolId, a.ResultBy!, "case.step-result", "case", kase.Reference,
            $"{kase.Reference}: result of step '{a.StepId}': {CaseWorkflow.Describe(a.ResultValue!.Value)}", new { actionId = a.Id, a.Result, a.ResultNote }, c, tx);
        await tx.CommitAsync();
    }

    public async Task SaveAppealAsync(Case kase, CaseAction a)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var n = await c.ExecuteAsync(
            "UPDATE case_actions SET appealed_at = @AppealedAt, appealed_by = @AppealedBy, appeal_note = @AppealNote WHERE school_id = @SchoolId AND id = @Id AND appealed_at IS NULL",
            a, tx);
        if (n == 0)
            throw new CaseRuleException("appeal: one was already made; a restriction has one appeal");
        await audit.AppendAsync(kase.SchoolId, a.AppealedBy!, "case.appeal", "case", kase.Reference,
            $"{kase.Reference}: appeal against the restriction recorded", new { actionId = a.Id, a.AppealNote }, c, tx);
        await tx.CommitAsync();
    }

    public async Task SaveAppealDecisionAsync(Case kase, CaseAction a)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var n = await c.ExecuteAsync(
            """
            UPDATE case_actions SET appeal_decided_at = @AppealDecidedAt, appeal_decided_by = @AppealDecidedBy, appeal_upheld = @AppealUpheld,
                appeal_decision_note = @AppealDecisionNote
            WHERE school_id = @SchoolId AND id = @Id AND appealed_at IS NOT NULL AND appeal_decided_at IS NULL
            """, a, tx);
        if (n == 0)
            throw new CaseRuleException("appeal decision: already decided");
        await audit.AppendAsync(kase.SchoolId, a.AppealDecidedBy!, "case.appeal-decided", "case", kase.Reference,
            $"{kase.Reference}: appeal {(a.AppealUpheld == true ? "upheld, restriction lifted" : "not upheld, restriction stays")}",
            new { actionId = a.Id, a.AppealUpheld, a.AppealDecisionNote }, c, tx);
        await tx.CommitAsync();
    }

    public async Task SaveAssignmentAsync(Case kase)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        await c.ExecuteAsync("UPDATE cases SET assigned_to = @AssignedTo, assigned_at = @AssignedAt, assigned_by = @AssignedBy WHERE school_id = @SchoolId AND id = @Id AND closed_at IS NULL", kase, tx);
        await audit.AppendAsync(kase.SchoolId, kase.AssignedBy!, "case.assigned", "case", kase.Reference, $"{kase.Reference} assigned to {kase.AssignedTo}", null, c, tx);
        await tx.CommitAsync();
    }

    public async Task SaveClosureAsync(Case kase)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var n = await c.ExecuteAsync(
            "UPDATE cases SET closed_at = @ClosedAt, closed_by = @ClosedBy, outcome = @Outcome, outcome_note = @OutcomeNote WHERE school_id = @SchoolId AND id = @Id AND closed_at IS NULL",
            kase, tx);
        if (n == 0)
            throw new CaseRuleException($"{kase.Reference} was already closed");
        await c.ExecuteAsync("UPDATE concerns SET resolved_at = @ClosedAt, resolved_by = @ClosedBy WHERE school_id = @SchoolId AND case_id = @Id AND resolved_at IS NULL", kase, tx);
        await audit.AppendAsync(kase.SchoolId, kase.ClosedBy!, "case.closed", "case", kase.Reference,
            $"{kase.Reference} closed: {CaseWorkflow.Describe(kase.OutcomeValue!.Value)}", new { kase.Outcome, kase.OutcomeNote }, c, tx);
        await tx.CommitAsync();
    }

    public async Task<CaseNote> AddNoteAsync(Case kase, CaseNote note)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var id = await c.ExecuteScalarAsync<long>(
            "INSERT INTO case_notes (school_id, case_id, written_at, written_by, text, shared_with_reporter) VALUES (@SchoolId, @CaseId, @WrittenAt, @WrittenBy, @Text, @SharedWithReporter) RETURNING id",
            note, tx);
        await audit.AppendAsync(kase.SchoolId, note.WrittenBy, note.SharedWithReporter ? "case.note-shared" : "case.note", "case", kase.Reference,
            $"{kase.Reference}: {(note.SharedWithReporter ? "note shared with the reporter" : "internal note")} added", new { noteId = id }, c, tx);
        await tx.CommitAsync();
        return new CaseNote { Id = id, SchoolId = note.SchoolId, CaseId = note.CaseId, WrittenAt = note.WrittenAt, WrittenBy = note.WrittenBy, Text = note.Text, SharedWithReporter = note.SharedWithReporter };
    }

    public async Task<StoredLetter> SaveLetterAsync(Case kase, long? actionId, ProducedLetter letter, string actor)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO letters (school_id, case_id, action_id, kind, subject, docx, docx_sha256, html, html_sha256, created_at, created_by)
            VALUES (@SchoolId, @CaseId, @actionId, @kind, @subject, @Docx, @DocxSha256, @Html, @HtmlSha256, @now, @actor)
            RETURNING id
            """,
            new
            {
                kase.SchoolId, CaseId = kase.Id, actionId, kind = letter.Letter.Kind.ToString(), subject = letter.Letter.Subject,
                letter.Docx, letter.DocxSha256, letter.Html, letter.HtmlSha256, now = clock.UtcNow, actor,
            }, tx);
        await audit.AppendAsync(kase.SchoolId, actor, "case.letter", "case", kase.Reference,
            $"{kase.Reference}: {LetterWriter.Describe(letter.Letter.Kind)} produced (docx SHA-256 {letter.DocxSha256})",
            new { letterId = id, letter.DocxSha256, letter.HtmlSha256 }, c, tx);
        await tx.CommitAsync();
        return (await c.QueryFirstAsync<StoredLetter>($"SELECT {LetterColumns} FROM letters WHERE school_id = @SchoolId AND id = @id", new { kase.SchoolId, id }));
    }

    public async Task<IReadOnlyList<StoredLetter>> LettersAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<StoredLetter>($"SELECT {LetterColumns} FROM letters WHERE school_id = @schoolId AND case_id = @caseId ORDER BY created_at, id",
            new { schoolId, caseId })).ToList();
    }

    public async Task<(StoredLetter Letter, byte[] Docx, string Html)?> LetterContentAsync(long schoolId, long caseId, long id)
    {
        await using var c = await db.OpenAsync();
        var l = await c.QueryFirstOrDefaultAsync<StoredLetter>($"SELECT {LetterColumns} FROM letters WHERE school_id = @schoolId AND case_id = @caseId AND id = @id",
            new { schoolId, caseId, id });
        if (l is null)
            return null;
        var row = await c.QueryFirstAsync<(byte[] Docx, string Html)>("SELECT docx, html FROM letters WHERE school_id = @schoolId AND id = @id", new { schoolId, id });
        return (l, row.Docx, row.Html);
    }

    /// <summary>Steps whose follow-up date has passed with no result, on open cases; all schools when
    /// <paramref name="schoolId"/> is null (the reminder job).</summary>
    public async Task<IReadOnlyList<OverdueFollowUp>> OverdueAsync(long? schoolId, DateOnly today, bool onlyUnreminded = false)
    {
        await using var c = await db.OpenAsync();
        var actions = (await c.QueryAsync<CaseAction>(
            $"""
            SELECT {string.Join(", ", ActionColumns.Split(',').Select(x => "a." + x.Trim()))} FROM case_actions a
            JOIN cases k ON k.school_id = a.school_id AND k.id = a.case_id
            WHERE (@schoolId IS NULL OR a.school_id = @schoolId) AND k.closed_at IS NULL AND a.result IS NULL
              AND a.follow_up_on IS NOT NULL AND a.follow_up_on < @today
              AND (@onlyUnreminded = @no OR a.reminder_sent_at IS NULL)
            ORDER BY a.follow_up_on, a.id
            """, new { schoolId, today, onlyUnreminded, no = false })).ToList();
        var result = new List<OverdueFollowUp>();
        foreach (var a in actions)
            result.Add(new OverdueFollowUp((await c.QueryFirstAsync<Case>($"SELECT {Columns} FROM cases WHERE school_id = @SchoolId AND id = @CaseId", a)), a));
        return result;
    }

    public async Task MarkReminderSentAsync(long schoolId, long actionId)
    {
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("UPDATE case_actions SET reminder_sent_at = @now WHERE school_id = @schoolId AND id = @actionId", new { now = clock.UtcNow, schoolId, actionId });
    }

    public async Task AuditExportAsync(Case kase, string actor, string sha256)
    {
        await audit.AppendAsync(kase.SchoolId, actor, "case.exported", "case", kase.Reference,
            $"Evidence pack for {kase.Reference} exported (SHA-256 {sha256})", new { sha256 });
    }
}
