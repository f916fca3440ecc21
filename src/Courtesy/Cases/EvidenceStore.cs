using System.Data.Common;
using Courtesy.Audit;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Cases;

/// <summary>Evidence files in SQL, bytes and all, so every web process behind a load balancer sees the
/// same files. Insert only: the table's triggers refuse updates and deletes.</summary>
public sealed class EvidenceStore(Db db, AuditLog audit, IClock clock)
{
    private const string Columns = "id, school_id, concern_id, case_id, file_name, content_type, size, sha256, captured_at, stored_at, stored_by";

    internal static Task<long> InsertAsync(DbConnection c, DbTransaction tx, long schoolId, long? concernId, long? caseId,
        AcceptedEvidence e, DateTime capturedAt, DateTime storedAt, string storedBy) =>
        c.ExecuteScalarAsync<long>(
            """
            INSERT INTO evidence (school_id, concern_id, case_id, file_name, content_type, size, sha256, captured_at, stored_at, stored_by, content)
            VALUES (@schoolId, @concernId, @caseId, @FileName, @ContentType, @size, @Sha256, @capturedAt, @storedAt, @storedBy, @Content)
            RETURNING id
            """,
            new { schoolId, concernId, caseId, e.FileName, e.ContentType, size = (long)e.Content.Length, e.Sha256, capturedAt, storedAt, storedBy, e.Content }, tx);

    /// <summary>Adds a file to a case (staff found more screenshots). <paramref name="capturedAt"/> is when the
    /// screenshot was taken, if the person knows; otherwise now.</summary>
    public async Task<Evidence> AddToCaseAsync(long schoolId, long caseId, AcceptedEvidence e, DateTime? capturedAt, string actor)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var reference = await c.ExecuteScalarAsync<string?>("SELECT reference FROM cases WHERE school_id = @schoolId AND id = @caseId", new { schoolId, caseId }, tx)
            ?? throw new KeyNotFoundException($"case {caseId} not found");
        var now = clock.UtcNow;
        var id = await InsertAsync(c, tx, schoolId, null, caseId, e, capturedAt ?? now, now, actor);
        await audit.AppendAsync(schoolId, actor, "evidence.added", "case", reference,
            $"Evidence '{e.FileName}' added to {reference} (SHA-256 {e.Sha256})", new { evidenceId = id, e.Sha256, e.ContentType }, c, tx);
        await tx.CommitAsync();
        return (await c.QueryFirstAsync<Evidence>($"SELECT {Columns} FROM evidence WHERE school_id = @schoolId AND id = @id", new { schoolId, id }));
    }

    /// <summary>The case's own files and those of the concerns it took in.</summary>
    public async Task<IReadOnlyList<Evidence>> ForCaseAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Evidence>(
            $"""
            SELECT {Columns} FROM evidence
            WHERE school_id = @schoolId AND (case_id = @caseId OR concern_id IN (SELECT id FROM concerns WHERE school_id = @schoolId AND case_id = @caseId))
            ORDER BY stored_at, id
            """, new { schoolId, caseId })).ToList();
    }

    public async Task<IReadOnlyList<Evidence>> ForConcernAsync(long schoolId, long concernId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Evidence>($"SELECT {Columns} FROM evidence WHERE school_id = @schoolId AND concern_id = @concernId ORDER BY id",
            new { schoolId, concernId })).ToList();
    }

    public async Task<(Evidence Evidence, byte[] Content)?> ContentAsync(long schoolId, long id)
    {
        await using var c = await db.OpenAsync();
        var e = await c.QueryFirstOrDefaultAsync<Evidence>($"SELECT {Columns} FROM evidence WHERE school_id = @schoolId AND id = @id", new { schoolId, id });
        if (e is null)
            return null;
        var content = await c.ExecuteScalarAsync<byte[]>("SELECT content FROM evidence WHERE school_id = @schoolId AND id = @id", new { schoolId, id });
        return (e, content!);
    }
}
