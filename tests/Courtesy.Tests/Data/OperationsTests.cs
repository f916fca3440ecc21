using System.Xml.Linq;
using Courtesy.Data;
using Courtesy.Jobs;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Data;

public class OperationsTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Only_one_holder_has_a_lease_until_it_expires(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var leases = new Leases(t.Db, t.Clock);
        Assert.True(await leases.TryAcquireAsync("reminders", "web-1", TimeSpan.FromMinutes(2)));
        Assert.False(await leases.TryAcquireAsync("reminders", "web-2", TimeSpan.FromMinutes(2)));
        Assert.True(await leases.TryAcquireAsync("reminders", "web-1", TimeSpan.FromMinutes(2)), "the holder renews");
        Assert.True(await leases.TryAcquireAsync("exports", "web-2", TimeSpan.FromMinutes(2)), "another job's lease is separate");
        t.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await leases.TryAcquireAsync("reminders", "web-2", TimeSpan.FromMinutes(2)), "an expired lease passes on");
        Assert.Equal("web-2", await leases.HolderAsync("reminders"));
        await leases.ReleaseAsync("reminders", "web-2");
        Assert.Null(await leases.HolderAsync("reminders"));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Racing_processes_get_the_lease_exactly_once(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var leases = new Leases(t.Db, t.Clock);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => leases.TryAcquireAsync("reminders", $"web-{i}", TimeSpan.FromMinutes(2)))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Data_protection_keys_are_shared_through_the_database(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var one = new DbXmlRepository(t.Db, t.Clock);
        var two = new DbXmlRepository(t.Db, t.Clock);
        one.StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1");
        one.StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1"); // a racing duplicate is ignored
        var seen = two.GetAllElements();
        Assert.Equal("k1", Assert.Single(seen).Attribute("id")!.Value);
    }
}
