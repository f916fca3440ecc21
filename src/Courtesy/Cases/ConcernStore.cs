using System.Data.Common;
using System.Text.Json;
using Courtesy.Audit;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Cases;

public sealed record SubmittedConcern(Concern Concern, string Secret, bool WasDuplicate);

/// <summary>Concerns in SQL. Every query names the school: a concern id alone never finds a row.</summary>
public sealed class ConcernStore(Db db, AuditLog audit, IClock clock)
{
    internal const string Columns =
        """
        id, school_id, reference, submitted_at, submitted_by, reporter_name, reporter_email, reporter_relation, post_text, platform,
        post_url, posted_at, poster_name, reporter_note, on_school_site, screened_at, findings, categories, police_flag,
        safeguarding_flag, triaged_at, triaged_by, decision, decision_reason, case_id, resolved_at, resolved_by
        """;

    private static bool SameReport(Concern c, ConcernSubmission s) =>
        c.PostText == s.PostText && c.Platform == s.Platform && c.PostUrl == s.PostUrl && c.PosterName == s.PosterName
        && c.ReporterNote == s.ReporterNote && c.ReporterName == s.ReporterName && c.ReporterEmail == s.ReporterEmail;

    /// <summary>Saves a concern and its evidence in one transaction and returns the reference and the secret.
    /// The same submission key twice with the same report (a double click, a retried request) gives the one
    /// concern, with a fresh secret replacing the one the first response may never have shown.</summary>
    /// <param name="screened">Screening done before saving, so a report is stored screened in one transaction;
    /// null when screening was not possible (the screening job picks the concern up later).</param>
    public async Task<SubmittedConcern> SubmitAsync(long schoolId, ConcernSubmission s, IReadOnlyList<AcceptedEvidence> evidence, string? submittedBy,
        ScreeningOutcome? screened = null)
    {
        var now = clock.UtcNow;
        var errors = s.Validate(now);
        if (errors.Count > 0)
            throw new ConcernValidationException(errors);
        var secret = ConcernSecret.New();
        var actor = submittedBy ?? "public";
        var key = string.IsNullOrWhiteSpace(s.SubmissionKey) ? null : s.SubmissionKey.Trim();

        // under load, SQLite commits many reports at once (Db.WriteAsync); the unit itself never commits
        return await db.WriteAsync(async (c, tx) =>
        {
            if (!db.IsSqlite)
                await c.ExecuteAsync("SELECT pg_advisory_xact_lock(72437100, @k)", new { k = (int)(schoolId % int.MaxValue) }, tx);
            if (key is not null)
            {
                var existing = await c.QueryFirstOrDefaultAsync<Concern>(
                    $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND submission_key = @key", new { schoolId, key }, tx);
                if (existing is not null)
                {
                    // only the same report again: a different one under a known key must not take over its secret
                    if (!SameReport(existing, s))
                        throw new ConcernValidationException(new Dictionary<string, string>
                        {
                            ["submissionKey"] = "submission key: already used for a different report; send this one without it, or with a new key",
                        });
                    await c.ExecuteAsync("UPDATE concerns SET secret_hash = @hash WHERE school_id = @schoolId AND id = @id",
                        new { hash = ConcernSecret.Hash(secret), schoolId = schoolId, id = existing.Id }, tx);
                    await audit.AppendAsync(schoolId, actor, "concern.resubmitted", "concern", existing.Reference,
                        $"Concern {existing.Reference} submitted again (same submission key); one concern kept, secret re-issued", null, c, tx);
                    return new SubmittedConcern(existing, secret, true);
                }
            }
            var year = London.ToLocal(now).Year;
            var seq = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(seq), 0) + 1 FROM concerns WHERE school_id = @schoolId AND year = @year", new { schoolId, year }, tx);
            var reference = $"C-{year}-{seq:0000}";
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO concerns (school_id, year, seq, reference, secret_hash, submission_key, submitted_at, submitted_by, reporter_name,
                    reporter_email, reporter_relation, post_text, platform, post_url, posted_at, poster_name, reporter_note, on_school_site,
                    screened_at, findings, categories, police_flag, safeguarding_flag)
                VALUES (@schoolId, @year, @seq, @reference, @hash, @key, @now, @submittedBy, @ReporterName, @ReporterEmail, @ReporterRelation,
                    @PostText, @Platform, @PostUrl, @PostedAt, @PosterName, @ReporterNote, @OnSchoolSite,
                    @screenedAt, @findings, @categories, @police, @safeguarding)
                RETURNING id
                """,
                new
                {
                    schoolId, year, seq, reference, hash = ConcernSecret.Hash(secret), key, now, submittedBy,
                    ReporterName = Clean(s.ReporterName), ReporterEmail = Clean(s.ReporterEmail), ReporterRelation = Clean(s.ReporterRelation),
                    PostText = s.PostText!.Trim(), Platform = Clean(s.Platform), PostUrl = Clean(s.PostUrl), s.PostedAt,
                    PosterName = Clean(s.PosterName), ReporterNote = Clean(s.ReporterNote), s.OnSchoolSite,
                    screenedAt = screened is null ? (DateTime?)null : now,
                    findings = screened is null ? null : JsonSerializer.Serialize(screened.Findings),
                    categories = screened is null ? "[]" : JsonSerializer.Serialize(screened.Categories),
                    police = screened?.Police ?? false, safeguarding = screened?.Safeguarding ?? false,
                }, tx);
            foreach (var e in evidence)
                await EvidenceStore.InsertAsync(c, tx, schoolId, id, null, e, now, now, actor);
            var received = new AuditEntry(actor, "concern.submitted", "concern", reference,
                $"Concern {reference} received{(evidence.Count > 0 ? $" with {evidence.Count} evidence file(s)" : "")}",
                new { evidence = evidence.Select(e => new { e.FileName, e.Sha256 }) });
            await audit.AppendAllAsync(schoolId, screened is null
                ? [received]
                : [received, new AuditEntry("screening", "concern.screened", "concern", reference, screened.Summary(reference))], c, tx);
            var concern = await c.QueryFirstAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND id = @id", new { schoolId, id }, tx);
            return new SubmittedConcern(concern, secret, false);
        });
    }

    public async Task<Concern?> GetAsync(long schoolId, long id)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND id = @id", new { schoolId, id });
    }

    public async Task<Concern?> FindAsync(long schoolId, string reference)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND reference = @reference",
            new { schoolId, reference = reference.Trim().ToUpperInvariant() });
    }

    /// <summary>New concerns awaiting a decision, oldest first (safeguarding flags first of all).</summary>
    /// <summary>Concerns awaiting triage, safeguarding flags first, then oldest first; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Concern>> QueueAsync(long schoolId, int limit = 100)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Concern>(
            $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND triaged_at IS NULL ORDER BY safeguarding_flag DESC, submitted_at, id LIMIT @limit",
            new { schoolId, limit })).ToList();
    }

    public async Task<int> QueueCountAsync(long schoolId)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM concerns WHERE school_id = @schoolId AND triaged_at IS NULL", new { schoolId });
    }

    /// <summary>Concerns routed to the DSL and not yet resolved, however old.</summary>
    public async Task<IReadOnlyList<Concern>> SafeguardingOpenAsync(long schoolId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Concern>(
            $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND decision = 'safeguarding' AND resolved_at IS NULL ORDER BY submitted_at, id",
            new { schoolId })).ToList();
    }

    public async Task<IReadOnlyList<Concern>> ListAsync(long schoolId, string? submittedBy = null, int limit = 200)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Concern>(
            submittedBy is null
                ? $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId ORDER BY submitted_at DESC, id DESC LIMIT @limit"
                : $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND submitted_by = @submittedBy ORDER BY submitted_at DESC, id DESC LIMIT @limit",
            new { schoolId, submittedBy, limit })).ToList();
    }

    public async Task<IReadOnlyList<Concern>> ForCaseAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND case_id = @caseId ORDER BY submitted_at",
            new { schoolId, caseId })).ToList();
    }

    /// <summary>Concerns not yet screened (submitted before a screening engine was available, or while it failed).</summary>
    public async Task<IReadOnlyList<Concern>> UnscreenedAsync(long? schoolId = null, int limit = 100)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Concern>(
            schoolId is null
                ? $"SELECT {Columns} FROM concerns WHERE screened_at IS NULL ORDER BY id LIMIT @limit"
                : $"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND screened_at IS NULL ORDER BY id LIMIT @limit",
            new { schoolId, limit })).ToList();
    }

    public async Task SaveScreeningAsync(long schoolId, long id, ScreeningOutcome outcome)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var reference = await c.ExecuteScalarAsync<string?>("SELECT reference FROM concerns WHERE school_id = @schoolId AND id = @id", new { schoolId, id }, tx)
            ?? throw new KeyNotFoundException($"concern {id} not found");
        await c.ExecuteAsync(
            "UPDATE concerns SET screened_at = @now, findings = @f, categories = @cats, police_flag = @police, safeguarding_flag = @safeguarding WHERE school_id = @schoolId AND id = @id",
            new
            {
                now = clock.UtcNow, f = JsonSerializer.Serialize(outcome.Findings), cats = JsonSerializer.Serialize(outcome.Categories),
                police = outcome.Police, safeguarding = outcome.Safeguarding, schoolId, id,
            }, tx);
        await audit.AppendAsync(schoolId, "screening", "concern.screened", "concern", reference, outcome.Summary(reference), null, c, tx);
        await tx.CommitAsync();
    }

    /// <summary>Triage without a case: no breach (with the reason) or safeguarding (off the parent ladder, to the DSL).</summary>
    public async Task<Concern> DecideAsync(long schoolId, long id, TriageDecision decision, string? reason, string actor)
    {
        if (decision == TriageDecision.Case)
            throw new ArgumentException("open a case through CaseStore.OpenFromConcernAsync", nameof(decision));
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == TriageDecision.NoBreach && why is null)
            throw new CaseRuleException("no breach: give the reason (it is kept on the record)");
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var concern = await LockUntriagedAsync(c, tx, schoolId, id);
        var now = clock.UtcNow;
        var code = decision == TriageDecision.NoBreach ? "no-breach" : "safeguarding";
        await c.ExecuteAsync(
            """
            UPDATE concerns SET triaged_at = @now, triaged_by = @actor, decision = @code, decision_reason = @why,
                resolved_at = CASE WHEN @code = 'no-breach' THEN @now ELSE NULL END,
                resolved_by = CASE WHEN @code = 'no-breach' THEN @actor ELSE NULL END
            WHERE school_id = @schoolId AND id = @id
            """, new { now, actor, code, why, schoolId, id }, tx);
        await audit.AppendAsync(schoolId, actor, decision == TriageDecision.NoBreach ? "concern.no-breach" : "concern.safeguarding", "concern", concern.Reference,
            decision == TriageDecision.NoBreach ? $"Concern {concern.Reference}: no breach ({why})" : $"Concern {concern.Reference} routed to the Designated Safeguarding Lead",
            null, c, tx);
        await tx.CommitAsync();
        return (await GetAsync(schoolId, id))!;
    }

    internal static async Task<Concern> LockUntriagedAsync(DbConnection c, DbTransaction tx, long schoolId, long id)
    {
        var concern = await c.QueryFirstOrDefaultAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND id = @id", new { schoolId, id }, tx)
            ?? throw new KeyNotFoundException($"concern {id} not found");
        if (concern.TriagedAt is not null)
            throw new CaseRuleException($"{concern.Reference} was already triaged by {concern.TriagedBy} on {London.Time(concern.TriagedAt.Value)} ({concern.Decision})");
        return concern;
    }

    /// <summary>The reporter's view, found by reference and secret. A wrong secret and an unknown reference
    /// give the same null, so neither can be probed.</summary>
    public async Task<ConcernStatus?> StatusAsync(long schoolId, string reference, string secret)
    {
        var hash = ConcernSecret.Hash(secret);
        await using var c = await db.OpenAsync();
        var row = await c.QueryFirstOrDefaultAsync<(long Id, string SecretHash)?>(
            "SELECT id, secret_hash FROM concerns WHERE school_id = @schoolId AND reference = @reference",
            new { schoolId, reference = (reference ?? "").Trim().ToUpperInvariant() });
        if (row is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(row.Value.SecretHash), System.Text.Encoding.ASCII.GetBytes(hash)))
            return null;
        var concern = await c.QueryFirstAsync<Concern>($"SELECT {Columns} FROM concerns WHERE school_id = @schoolId AND id = @id", new { schoolId, id = row.Value.Id });
        var updates = new List<(DateTime, string)>();
        Case? kase = null;
        if (concern.CaseId is { } caseId)
        {
            kase = await c.QueryFirstOrDefaultAsync<Case>($"SELECT {CaseStore.Columns} FROM cases WHERE school_id = @schoolId AND id = @caseId", new { schoolId, caseId });
            updates.AddRange((await c.QueryAsync<CaseNote>(
                "SELECT written_at, text FROM case_notes WHERE school_id = @schoolId AND case_id = @caseId AND shared_with_reporter = @yes ORDER BY written_at",
                new { schoolId, caseId, yes = true })).Select(n => (n.WrittenAt, n.Text)));
        }
        var (state, explanation) = concern switch
        {
            { TriagedAt: null } => ("Received", "Your concern has been received and is waiting to be looked at by the school."),
            { Decision: "no-breach" } => ("Reviewed", "The school has looked at your concern and decided that the post does not break its policy."),
            { Decision: "safeguarding" } => ("Passed to the safeguarding lead", "Your concern has been passed to the school's Designated Safeguarding Lead, who will act on it."),
            _ when kase?.ClosedAt is not null => ("Closed", $"The school acted on your concern. Outcome: {CaseWorkflow.Describe(kase.OutcomeValue!.Value)}."),
            _ => ("In progress", "The school is acting on your concern under its social media policy."),
        };
        return new ConcernStatus(concern.Reference, concern.SubmittedAt, state, explanation, updates);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
