using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Tests.Data;

public class AuditLogTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_fresh_chain_verifies(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        for (var i = 0; i < 5; i++)
        {
            t.Clock.Advance(TimeSpan.FromMinutes(1));
            await t.Audit.AppendAsync(school.Id, "head@example.com", "case.viewed", "case", "1", $"Case 1 viewed #{i}", new { i });
        }
        var result = await t.Audit.VerifyAsync();
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(6, result.Checked); // school.created + 5
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Changing_a_row_is_detected_at_that_row(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var events = new List<AuditEvent>();
        for (var i = 0; i < 4; i++)
            events.Add(await t.Audit.AppendAsync(school.Id, "head@example.com", "case.step", "case", "7", $"step {i}"));
        await using (var c = await t.Db.OpenAsync())
        {
            // someone with direct database access removes the guard, then rewrites history
            await c.ExecuteAsync(t.Db.Sql("DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_change ON audit_events"));
            await c.ExecuteAsync("UPDATE audit_events SET summary = 'nothing happened' WHERE id = @id", new { id = events[2].Id });
        }
        var result = await t.Audit.VerifyAsync(school.Id);
        Assert.False(result.Ok);
        Assert.Equal(events[2].Id, result.FirstBroken!.Id);
        Assert.Contains("content does not match", result.Problem);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Deleting_a_row_is_detected_at_the_next_row(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var events = new List<AuditEvent>();
        for (var i = 0; i < 4; i++)
            events.Add(await t.Audit.AppendAsync(school.Id, "dsl@example.com", "case.step", "case", "7", $"step {i}"));
        await using (var c = await t.Db.OpenAsync())
        {
            await c.ExecuteAsync(t.Db.Sql("DROP TRIGGER audit_events_no_delete", "DROP TRIGGER audit_events_no_change ON audit_events"));
            await c.ExecuteAsync("DELETE FROM audit_events WHERE id = @id", new { id = events[1].Id });
        }
        var result = await t.Audit.VerifyAsync(school.Id);
        Assert.False(result.Ok);
        Assert.Equal(events[2].Id, result.FirstBroken!.Id);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task The_database_refuses_updates_and_deletes_of_audit_rows(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await t.AddSchoolAsync();
        await using var c = await t.Db.OpenAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("UPDATE audit_events SET actor = 'x'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("DELETE FROM audit_events"));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Concurrent_appends_keep_one_unbroken_chain(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => t.Audit.AppendAsync(school.Id, "staff@example.com", "concern.created", "concern", i.ToString(), "Concern reported"))));
        var result = await t.Audit.VerifyAsync(school.Id);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(41, result.Checked);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Several_events_appended_together_extend_the_chain_in_order(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var appended = await t.Db.WriteAsync((c, tx) => t.Audit.AppendAllAsync(school.Id,
        [
            new AuditEntry("public", "concern.submitted", "concern", "C-2026-0001", "Concern received"),
            new AuditEntry("screening", "concern.screened", "concern", "C-2026-0001", "Concern screened: no findings"),
        ], c, tx));
        Assert.Equal([2L, 3L], appended.Select(e => e.Seq));
        Assert.Equal(appended[0].Hash, appended[1].PrevHash);
        var result = await t.Audit.VerifyAsync(school.Id);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(["concern.submitted", "concern.screened"], (await t.Audit.ForTargetAsync(school.Id, "concern", "C-2026-0001")).Select(e => e.Action));
    }
}
