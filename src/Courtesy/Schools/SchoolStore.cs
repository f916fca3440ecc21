using System.Text.Json;
using System.Text.RegularExpressions;
using Courtesy.Audit;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Schools;

public sealed record Trust(long Id, string Slug, string Name);

public sealed class School
{
    public long Id { get; init; }
    public long? TrustId { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Aliases { get; init; } = "[]";
    public string? Town { get; init; }

    public SchoolProfile Profile => new(Name, JsonSerializer.Deserialize<List<string>>(Aliases) ?? [], Town);
}

public sealed class SchoolPolicy
{
    public long SchoolId { get; init; }
    public string PackId { get; init; } = "";
    public string PackVersion { get; init; } = "";
    public string PackSha256 { get; init; } = "";
    public string PackYaml { get; init; } = "";
    public DateTime InForceFrom { get; init; }
    public string AssignedBy { get; init; } = "";

    // a stored pack never changes (its hash is its identity), so each is parsed once per process
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Courtesy.Policies.PolicyPack> Parsed = new(StringComparer.Ordinal);

    /// <summary>The pack as it was when put in force, parsed from the stored YAML.</summary>
    public Courtesy.Policies.PolicyPack Pack =>
        Parsed.GetOrAdd(PackSha256, _ => Courtesy.Policies.PolicyPackLoader.LoadText(PackYaml, $"{PackId}.yaml"));
}

public sealed class SchoolStoreException(string message) : Exception(message);

/// <summary>Trusts, schools, the policy in force at each, and rosters.</summary>
public sealed partial class SchoolStore(Db db, AuditLog audit, IClock clock)
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    public static string CheckSlug(string slug) => SlugPattern().IsMatch(slug)
        ? slug
        : throw new SchoolStoreException($"'{slug}' is not a valid id: use lower-case letters, digits and hyphens (e.g. flitwick-lower)");

    public async Task<Trust> AddTrustAsync(string slug, string name, string actor)
    {
        CheckSlug(slug);
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trusts WHERE slug = @slug", new { slug }, tx) > 0)
            throw new SchoolStoreException($"a trust with id '{slug}' already exists");
        var id = await c.ExecuteScalarAsync<long>(
            "INSERT INTO trusts (slug, name, created_at) VALUES (@slug, @name, @now) RETURNING id",
            new { slug, name, now = clock.UtcNow }, tx);
        await audit.AppendAsync(null, actor, "trust.created", "trust", slug, $"Trust '{name}' created", null, c, tx);
        await tx.CommitAsync();
        return new Trust(id, slug, name);
    }

    public async Task<Trust?> FindTrustAsync(string slug)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<Trust>("SELECT id, slug, name FROM trusts WHERE slug = @slug", new { slug });
    }

    public async Task<School> AddSchoolAsync(string slug, string name, IEnumerable<string> aliases, string? town, long? trustId, string actor)
    {
        CheckSlug(slug);
        if (string.IsNullOrWhiteSpace(name)) throw new SchoolStoreException("a school needs a name");
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schools WHERE slug = @slug", new { slug }, tx) > 0)
            throw new SchoolStoreException($"a school with id '{slug}' already exists");
        var aliasJson = JsonSerializer.Serialize(aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList());
        var id = await c.ExecuteScalarAsync<long>(
            "INSERT INTO schools (trust_id, slug, name, aliases, town, created_at) VALUES (@trustId, @slug, @name, @aliasJson, @town, @now) RETURNING id",
            new { trustId, slug, name = name.Trim(), aliasJson, town, now = clock.UtcNow }, tx);
        await audit.AppendAsync(id, actor, "school.created", "school", slug, $"School '{name}' created", null, c, tx);
        await tx.CommitAsync();
        return new School { Id = id, TrustId = trustId, Slug = slug, Name = name.Trim(), Aliases = aliasJson, Town = town };
    }

    public async Task<School?> FindAsync(string slug)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<School>("SELECT id, trust_id, slug, name, aliases, town FROM schools WHERE slug = @slug", new { slug });
    }

    public async Task<School?> GetAsync(long id)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<School>("SELECT id, trust_id, slug, name, aliases, town FROM schools WHERE id = @id", new { id });
    }

    public async Task<IReadOnlyList<School>> ListAsync(long? trustId = null)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<School>(
            trustId is null
                ? "SELECT id, trust_id, slug, name, aliases, town FROM schools ORDER BY name"
                : "SELECT id, trust_id, slug, name, aliases, town FROM schools WHERE trust_id = @trustId ORDER BY name",
            new { trustId })).ToList();
    }

    /// <summary>Puts a pack in force at a school. The YAML is copied so the version in force on any date can be shown later.</summary>
    public async Task AssignPolicyAsync(long schoolId, string packId, string packVersion, string packYaml, string actor)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(packYaml)));
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        await c.ExecuteAsync(
            """
            INSERT INTO school_policies (school_id, pack_id, pack_version, pack_sha256, pack_yaml, in_force_from, assigned_by)
            VALUES (@schoolId, @packId, @packVersion, @sha, @packYaml, @now, @actor)
            """, new { schoolId, packId, packVersion, sha, packYaml, now = clock.UtcNow, actor }, tx);
        await audit.AppendAsync(schoolId, actor, "policy.assigned", "policy", packId,
            $"Policy pack '{packId}' version {packVersion} put in force", new { sha256 = sha }, c, tx);
        await tx.CommitAsync();
    }

    public async Task<SchoolPolicy?> CurrentPolicyAsync(long schoolId)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<SchoolPolicy>(
            """
            SELECT school_id, pack_id, pack_version, pack_sha256, pack_yaml, in_force_from, assigned_by
            FROM school_policies WHERE school_id = @schoolId ORDER BY in_force_from DESC, id DESC LIMIT 1
            """, new { schoolId });
    }
}
