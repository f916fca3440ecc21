using Courtesy.Data;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Tests.Data;

public class GroupCommitTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Concurrent_units_are_all_committed_and_each_gets_its_own_result(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            t.Db.WriteAsync((c, tx) => c.ExecuteScalarAsync<long>(
                "INSERT INTO trusts (slug, name, created_at) VALUES (@slug, @name, @now) RETURNING id",
                new { slug = $"t{i}", name = $"Trust {i}", now = DateTime.UtcNow }, tx)))));
        Assert.Equal(200, results.Distinct().Count());
        await using var conn = await t.Db.OpenAsync();
        Assert.Equal(200, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trusts"));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_failing_unit_fails_alone_and_its_batch_mates_are_kept(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        Task<long> Insert(string slug) => t.Db.WriteAsync((c, tx) => c.ExecuteScalarAsync<long>(
            "INSERT INTO trusts (slug, name, created_at) VALUES (@slug, 'x', @now) RETURNING id", new { slug, now = DateTime.UtcNow }, tx));
        // the duplicate slugs break the unique constraint, and only their own units roll back
        var attempts = Enumerable.Range(0, 60).Select(i => Insert(i % 3 == 0 ? "same" : $"t{i}")).ToList();
        var settled = await Task.WhenAll(attempts.Select(async a => { try { await a; return true; } catch (System.Data.Common.DbException) { return false; } }));
        Assert.Equal(41, settled.Count(ok => ok)); // 40 distinct + the first "same"
        await using var conn = await t.Db.OpenAsync();
        Assert.Equal(41, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trusts"));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_unit_that_throws_leaves_nothing_behind(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Db.WriteAsync<int>(async (c, tx) =>
        {
            await c.ExecuteAsync("INSERT INTO trusts (slug, name, created_at) VALUES ('half', 'x', @now)", new { now = DateTime.UtcNow }, tx);
            throw new InvalidOperationException("changed my mind");
        }));
        Assert.Equal("changed my mind", ex.Message);
        await using var conn = await t.Db.OpenAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trusts"));
    }
}
