using Courtesy.Audit;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Schools;

public sealed record RosterImportResult(int Added, int Updated, int Unchanged);

/// <summary>A school's people. An import is all or nothing: one bad row and nothing is written.</summary>
public sealed class RosterStore(Db db, AuditLog audit, IClock clock)
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Title { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string? PreferredName { get; init; }
        public string? Role { get; init; }
        public string? YearGroup { get; init; }

        public Person ToPerson() => new(Enum.Parse<PersonKind>(Kind, true), Title, FirstName, LastName, PreferredName, Role, YearGroup);
    }

    public async Task<RosterImportResult> ImportAsync(long schoolId, IReadOnlyList<Person> people, string actor, string source)
    {
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schools WHERE id = @schoolId", new { schoolId }, tx) == 0)
            throw new SchoolStoreException($"no school with id {schoolId}");
        var existing = (await c.QueryAsync<Row>(
                "SELECT id, kind, title, first_name, last_name, preferred_name, role, year_group FROM people WHERE school_id = @schoolId",
                new { schoolId }, tx))
            .ToDictionary(r => (r.Kind, r.FirstName, r.LastName));
        int added = 0, updated = 0, unchanged = 0;
        var now = clock.UtcNow;
        foreach (var p in people)
        {
            var kind = p.Kind.ToString().ToLowerInvariant();
            if (existing.TryGetValue((kind, p.FirstName, p.LastName), out var row))
            {
                if (row.ToPerson() == p) { unchanged++; continue; }
                await c.ExecuteAsync(
                    "UPDATE people SET title = @Title, preferred_name = @PreferredName, role = @Role, year_group = @YearGroup WHERE id = @id AND school_id = @schoolId",
                    new { p.Title, p.PreferredName, p.Role, p.YearGroup, id = row.Id, schoolId }, tx);
                updated++;
            }
            else
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO people (school_id, kind, title, first_name, last_name, preferred_name, role, year_group, created_at)
                    VALUES (@schoolId, @kind, @Title, @FirstName, @LastName, @PreferredName, @Role, @YearGroup, @now)
                    """, new { schoolId, kind, p.Title, p.FirstName, p.LastName, p.PreferredName, p.Role, p.YearGroup, now }, tx);
                added++;
            }
        }
        await audit.AppendAsync(schoolId, actor, "roster.imported", "roster", source,
            $"Roster imported from {Path.GetFileName(source)}: {added} added, {updated} updated, {unchanged} unchanged", null, c, tx);
        await tx.CommitAsync();
        return new RosterImportResult(added, updated, unchanged);
    }

    public async Task<IReadOnlyList<Person>> ListAsync(long schoolId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<Row>(
                "SELECT id, kind, title, first_name, last_name, preferred_name, role, year_group FROM people WHERE school_id = @schoolId ORDER BY id",
                new { schoolId }))
            .Select(r => r.ToPerson()).ToList();
    }

    public async Task<int> CountAsync(long schoolId, PersonKind? kind = null)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>(
            kind is null ? "SELECT COUNT(*) FROM people WHERE school_id = @schoolId" : "SELECT COUNT(*) FROM people WHERE school_id = @schoolId AND kind = @k",
            new { schoolId, k = kind?.ToString().ToLowerInvariant() });
    }
}
