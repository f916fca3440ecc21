using Courtesy.Accounts;
using Courtesy.Data;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Schools;

public class SchoolStoreTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_school_is_added_with_its_aliases_and_found_by_id(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var trust = await t.Schools.AddTrustAsync("heartwood", "Heartwood CE Academy Trust", "test");
        var s = await t.Schools.AddSchoolAsync("bexton", "Bexton Primary School", ["Bexton", " Bexton ", ""], "Knutsford", trust.Id, "test");
        var found = await t.Schools.FindAsync("bexton");
        Assert.NotNull(found);
        Assert.Equal(s.Id, found.Id);
        Assert.Equal(trust.Id, found.TrustId);
        Assert.Equal(["Bexton"], found.Profile.Aliases);
        Assert.Single(await t.Schools.ListAsync(trust.Id));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_duplicate_or_malformed_school_id_is_refused_with_a_reason(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await t.AddSchoolAsync();
        var dup = await Assert.ThrowsAsync<SchoolStoreException>(() => t.AddSchoolAsync());
        Assert.Contains("already exists", dup.Message);
        var bad = await Assert.ThrowsAsync<SchoolStoreException>(() => t.Schools.AddSchoolAsync("St Aidans!", "x", [], null, null, "test"));
        Assert.Contains("not a valid id", bad.Message);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task The_latest_assigned_pack_is_the_one_in_force(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var s = await t.AddSchoolAsync();
        Assert.Null(await t.Schools.CurrentPolicyAsync(s.Id));
        await t.Schools.AssignPolicyAsync(s.Id, "default", "1", "id: default", "head");
        t.Clock.Advance(TimeSpan.FromDays(1));
        await t.Schools.AssignPolicyAsync(s.Id, "flitwick-lower", "2", "id: flitwick-lower", "head");
        var current = await t.Schools.CurrentPolicyAsync(s.Id);
        Assert.Equal(("flitwick-lower", "2"), (current!.PackId, current.PackVersion));
        Assert.Equal(64, current.PackSha256.Length);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Passwords_are_hashed_and_checked(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var s = await t.AddSchoolAsync();
        var password = UserStore.NewPassword();
        var u = await t.Users.AddAsync("Head@Example.com", "Mrs J New", Roles.Head, s.Id, null, password, "test");
        Assert.DoesNotContain(password, u.PasswordHash);
        Assert.NotNull(await t.Users.CheckPasswordAsync("head@example.com", password));
        Assert.Null(await t.Users.CheckPasswordAsync("head@example.com", password + "x"));
        Assert.Null(await t.Users.CheckPasswordAsync("nobody@example.com", password));
        await Assert.ThrowsAsync<AccountException>(() => t.Users.AddAsync("head@example.com", "Again", Roles.Head, s.Id, null, password, "test"));
        await Assert.ThrowsAsync<AccountException>(() => t.Users.AddAsync("x@example.com", "X", "janitor", s.Id, null, password, "test"));
    }
}
