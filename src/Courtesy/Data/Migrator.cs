using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Courtesy.Data;

public sealed record Migration(int Version, string Name, string Sql);

/// <summary>Numbered migration files per dialect (embedded resources Data/Migrations/{sqlite,postgres}/NNNN_name.sql),
/// applied in order at start-up and recorded in schema_migrations. Ranges keep features apart:
/// 0001-0099 foundation, 0100-0199 cases, 0200-0299 screening, 0300-0399 registers and reports.</summary>
public static partial class Migrator
{
    [GeneratedRegex(@"Migrations\.(?<dialect>sqlite|postgres)\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<Migration> For(DbProvider provider)
    {
        var dialect = provider == DbProvider.Sqlite ? "sqlite" : "postgres";
        var asm = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var name in asm.GetManifestResourceNames())
        {
            var m = ResourceName().Match(name);
            if (!m.Success || m.Groups["dialect"].Value != dialect) continue;
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(m.Groups["version"].Value), m.Groups["name"].Value, reader.ReadToEnd()));
        }
        var dup = list.GroupBy(x => x.Version).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidOperationException($"two {dialect} migrations share number {dup.Key:D4}");
        return list.OrderBy(x => x.Version).ToList();
    }

    /// <summary>Applies what is missing; returns the versions applied now. Safe to call from several processes at once.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(Db db, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        if (db.IsSqlite)
            await c.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        await c.ExecuteAsync(db.Sql(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"));
        var applied = new List<int>();
        foreach (var m in For(db.Provider))
        {
            await using var tx = await db.BeginWriteAsync(c, ct);
            if (!db.IsSqlite)
                // one migrator at a time across web processes sharing the server
                await c.ExecuteAsync("SELECT pg_advisory_xact_lock(72437001)", transaction: tx);
            var done = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations WHERE version = @v", new { v = m.Version }, tx);
            if (done > 0) { await tx.RollbackAsync(ct); continue; }
            await c.ExecuteAsync(m.Sql, transaction: tx);
            await c.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { m.Version, m.Name, At = DateTime.UtcNow }, tx);
            await tx.CommitAsync(ct);
            applied.Add(m.Version);
        }
        return applied;
    }

    public static async Task<IReadOnlyList<int>> AppliedAsync(Db db)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
    }
}
