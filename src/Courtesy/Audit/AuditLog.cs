using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Audit;

/// <summary>One entry of the append-only log. It copies the labels it needs (summary) so it reads
/// correctly after its target changes or is deleted.</summary>
public sealed record AuditEvent(
    long Id, long Chain, long Seq, DateTime At, string Actor, string Action,
    string TargetType, string TargetId, string Summary, string? Data, string PrevHash, string Hash);

public sealed record AuditVerification(bool Ok, long Checked, AuditEvent? FirstBroken, string? Problem)
{
    public override string ToString() => Ok
        ? $"ok: {Checked} events, every link verified"
        : $"broken at event {FirstBroken!.Id} (chain {FirstBroken.Chain}, seq {FirstBroken.Seq}, {FirstBroken.Action} {FirstBroken.TargetType} {FirstBroken.TargetId}): {Problem}";
}

/// <summary>Append-only audit events with one hash chain per school (chain 0 is the system's).
/// Each event's hash covers its content and the previous event's hash, so editing, deleting or
/// reordering any row breaks every later link.</summary>
/// <summary>One event to append, for <see cref="AuditLog.AppendAllAsync"/>.</summary>
public sealed record AuditEntry(string Actor, string Action, string TargetType, string TargetId, string Summary, object? Data = null);

public sealed class AuditLog(Db db, IClock clock)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task<AuditEvent> AppendAsync(long? schoolId, string actor, string action, string targetType, string targetId,
        string summary, object? data = null, DbConnection? connection = null, DbTransaction? transaction = null)
    {
        if (connection is not null && transaction is not null)
            return await AppendCoreAsync(connection, transaction, schoolId ?? 0, actor, action, targetType, targetId, summary, data);
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var e = await AppendCoreAsync(c, tx, schoolId ?? 0, actor, action, targetType, targetId, summary, data);
        await tx.CommitAsync();
        return e;
    }

    /// <summary>Several events for one chain in one go, inside the caller's transaction: the chain's head is read once.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AppendAllAsync(long? schoolId, IReadOnlyList<AuditEntry> entries, DbConnection connection, DbTransaction transaction)
    {
        var chain = schoolId ?? 0;
        var head = await HeadAsync(connection, transaction, chain);
        var events = new List<AuditEvent>(entries.Count);
        foreach (var e in entries)
        {
            var appended = await InsertAsync(connection, transaction, chain, head.Seq + 1, head.Hash, e.Actor, e.Action, e.TargetType, e.TargetId, e.Summary, e.Data);
            events.Add(appended);
            head = (appended.Seq, appended.Hash);
        }
        return events;
    }

    private async Task<(long Seq, string Hash)> HeadAsync(DbConnection c, DbTransaction tx, long chain)
    {
        if (!db.IsSqlite)
            // serialises appends to one chain across processes; SQLite's write transaction already does
            await c.ExecuteAsync("SELECT pg_advisory_xact_lock(72437002, @k)", new { k = (int)(chain % int.MaxValue) }, tx);
        var last = await c.QueryFirstOrDefaultAsync<(long Seq, string Hash)?>(
            "SELECT seq, hash FROM audit_events WHERE chain = @chain ORDER BY seq DESC LIMIT 1", new { chain }, tx);
        return last ?? (0, Genesis);
    }

    private async Task<AuditEvent> AppendCoreAsync(DbConnection c, DbTransaction tx, long chain, string actor, string action,
        string targetType, string targetId, string summary, object? data)
    {
        var head = await HeadAsync(c, tx, chain);
        return await InsertAsync(c, tx, chain, head.Seq + 1, head.Hash, actor, action, targetType, targetId, summary, data);
    }

    private async Task<AuditEvent> InsertAsync(DbConnection c, DbTransaction tx, long chain, long seq, string prev, string actor, string action,
        string targetType, string targetId, string summary, object? data)
    {
        var at = TruncateToMicroseconds(clock.UtcNow);
        var json = data is null ? null : JsonSerializer.Serialize(data);
        var hash = ComputeHash(chain, seq, at, actor, action, targetType, targetId, summary, json, prev);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO audit_events (chain, seq, at, actor, action, target_type, target_id, summary, data, prev_hash, hash)
            VALUES (@chain, @seq, @at, @actor, @action, @targetType, @targetId, @summary, @json, @prev, @hash)
            RETURNING id
            """, new { chain, seq, at, actor, action, targetType, targetId, summary, json, prev, hash }, tx);
        return new AuditEvent(id, chain, seq, at, actor, action, targetType, targetId, summary, json, prev, hash);
    }

    public async Task<IReadOnlyList<AuditEvent>> ForTargetAsync(long schoolId, string targetType, string targetId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<AuditEvent>(
            "SELECT * FROM audit_events WHERE chain = @schoolId AND target_type = @targetType AND target_id = @targetId ORDER BY seq",
            new { schoolId, targetType, targetId })).ToList();
    }

    /// <summary>Walks every chain (or one school's) and reports the first broken link.</summary>
    public async Task<AuditVerification> VerifyAsync(long? schoolId = null)
    {
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync<AuditEvent>(
            schoolId is null
                ? "SELECT * FROM audit_events ORDER BY chain, seq"
                : "SELECT * FROM audit_events WHERE chain = @schoolId ORDER BY seq",
            new { schoolId });
        long count = 0, chain = -1, expectSeq = 0;
        var prev = Genesis;
        foreach (var e in rows)
        {
            if (e.Chain != chain) { chain = e.Chain; expectSeq = 1; prev = Genesis; }
            count++;
            if (e.Seq != expectSeq)
                return new AuditVerification(false, count, e, $"expected sequence {expectSeq}, found {e.Seq} (a row is missing)");
            if (e.PrevHash != prev)
                return new AuditVerification(false, count, e, "its previous-hash does not match the event before it");
            var hash = ComputeHash(e.Chain, e.Seq, e.At, e.Actor, e.Action, e.TargetType, e.TargetId, e.Summary, e.Data, e.PrevHash);
            if (hash != e.Hash)
                return new AuditVerification(false, count, e, "its content does not match its hash (the row was changed)");
            prev = e.Hash;
            expectSeq++;
        }
        return new AuditVerification(true, count, null, null);
    }

    internal static string ComputeHash(long chain, long seq, DateTime at, string actor, string action, string targetType,
        string targetId, string summary, string? data, string prevHash)
    {
        // a JSON array is an unambiguous encoding: no field can bleed into the next
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            prevHash, chain, seq, at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"), actor, action, targetType, targetId, summary, data,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    // PostgreSQL keeps microseconds; hashing what both databases store keeps the chain verifiable on either.
    private static DateTime TruncateToMicroseconds(DateTime t) =>
        new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
