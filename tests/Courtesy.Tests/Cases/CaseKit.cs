using Courtesy.Cases;
using Courtesy.Data;
using Courtesy.Mail;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Cases;

/// <summary>A migrated database with a school on a seed pack, and every case store over it.</summary>
public sealed class CaseKit : IAsyncDisposable
{
    public TestDb T { get; }
    public School School { get; private set; } = null!;
    public ConcernStore Concerns { get; }
    public CaseStore Cases { get; }
    public EvidenceStore Evidence { get; }
    public Outbox Outbox { get; }
    public Casework Work { get; }

    private CaseKit(TestDb t, IMailSender? sender)
    {
        T = t;
        Concerns = new ConcernStore(t.Db, t.Audit, t.Clock);
        Cases = new CaseStore(t.Db, t.Audit, t.Clock);
        Evidence = new EvidenceStore(t.Db, t.Audit, t.Clock);
        Outbox = new Outbox(t.Db, t.Audit, t.Clock, sender);
        Work = new Casework(Cases, Concerns, Evidence, t.Schools, Outbox, t.Clock);
    }

    public static async Task<CaseKit> CreateAsync(DbProvider provider, string packId = "flitwick-lower", IMailSender? sender = null)
    {
        var kit = new CaseKit(await TestDb.CreateAsync(provider), sender);
        kit.School = await kit.AddSchoolAsync("flitwick", "Flitwick Lower School", packId);
        return kit;
    }

    public async Task<School> AddSchoolAsync(string slug, string name, string packId = "flitwick-lower")
    {
        var school = await T.Schools.AddSchoolAsync(slug, name, [], null, null, "test");
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "policies", packId + ".yaml"));
        await T.Schools.AssignPolicyAsync(school.Id, packId, "1", yaml, "test");
        return school;
    }

    public static ConcernSubmission Post(string? key = null, string url = "https://www.facebook.com/groups/flitwickparents/posts/98765") => new(
        "Mr Harris is a disgrace <script>alert('x')</script> and should be sacked",
        "Facebook", url, new DateTime(2026, 10, 30, 19, 0, 0, DateTimeKind.Utc), "Dana Whitlock",
        "Shared in the year 3 parents group", null, null, "parent", false, key);

    public ValueTask DisposeAsync() => T.DisposeAsync();
}
