using Courtesy.Data;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Tests.Data;

public class MigrationTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Migrations_apply_to_a_fresh_database_and_are_recorded(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider, migrate: false);
        var applied = await Migrator.MigrateAsync(t.Db);
        var expected = Migrator.For(provider).Select(m => m.Version).ToList();
        Assert.Equal(expected, applied);
        Assert.Equal(expected, await Migrator.AppliedAsync(t.Db));
        Assert.Contains(1, expected);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Migrating_an_already_migrated_database_applies_nothing_and_keeps_data(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await t.AddSchoolAsync();
        var again = await Migrator.MigrateAsync(t.Db);
        Assert.Empty(again);
        Assert.NotNull(await t.Schools.FindAsync("st-aidans"));
    }

    [Fact]
    public void Both_dialects_have_the_same_migration_numbers()
    {
        Assert.Equal(
            Migrator.For(DbProvider.Sqlite).Select(m => (m.Version, m.Name)),
            Migrator.For(DbProvider.Postgres).Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task Sqlite_file_is_in_wal_mode_after_migration()
    {
        await using var t = await TestDb.CreateAsync(DbProvider.Sqlite);
        await using var c = await t.Db.OpenAsync();
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.True(File.Exists(t.Db.FilePath));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Times_round_trip_as_utc(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        await t.Schools.AssignPolicyAsync(school.Id, "flitwick-lower", "1", "id: flitwick-lower", "test");
        var p = await t.Schools.CurrentPolicyAsync(school.Id);
        Assert.Equal(DateTimeKind.Utc, p!.InForceFrom.Kind);
        Assert.Equal(t.Clock.UtcNow, p.InForceFrom);
    }
}
