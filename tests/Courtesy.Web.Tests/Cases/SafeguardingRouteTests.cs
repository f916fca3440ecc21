using System.Net;
using System.Net.Http.Json;
using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Tests.Mail;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests.Cases;

public class SafeguardingRouteTests
{
    [Fact]
    public async Task Routing_a_concern_to_safeguarding_mails_every_dsl_and_logs_it()
    {
        using var sink = new SmtpSink();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Courtesy:Mail:Host"] = "127.0.0.1",
            ["Courtesy:Mail:Port"] = sink.Port.ToString(),
            ["Courtesy:Mail:From"] = "office@staidans.example",
        });
        var school = await app.AddSchoolAsync();
        var (headEmail, headPassword) = await app.AddUserAsync(Roles.Head, school.Id, email: "head@staidans.example");
        await app.AddUserAsync(Roles.Dsl, school.Id, email: "dsl@staidans.example");
        await app.AddUserAsync(Roles.Staff, school.Id, email: "teacher@staidans.example");
        var submitted = await app.Get<ConcernStore>().SubmitAsync(school.Id,
            new ConcernSubmission("My friend in Year 5 says she wants to hurt herself", "Instagram"), [], null);
        var head = await app.SignedInAsync(headEmail, headPassword);

        var response = await head.PostAsJsonAsync($"/api/concerns/{submitted.Concern.Id}/triage", new { decision = "safeguarding", reason = "Disclosure of self-harm" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = Assert.Single(sink.Decoded());
        Assert.Equal(["dsl@staidans.example"], mail.RcptTos);
        Assert.Contains(submitted.Concern.Reference, mail.Subject);
        var concern = await app.Get<ConcernStore>().GetAsync(school.Id, submitted.Concern.Id);
        Assert.Equal("safeguarding", concern!.Decision);
        var logged = await app.Get<Courtesy.Audit.AuditLog>().ForTargetAsync(school.Id, "concern", submitted.Concern.Reference);
        Assert.Contains(logged, e => e.Action == "mail.sent");
    }

    [Fact]
    public async Task Evidence_of_a_safeguarding_concern_is_for_the_dsl_and_each_viewing_is_logged()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (headEmail, headPassword) = await app.AddUserAsync(Roles.Head, school.Id);
        var (dslEmail, dslPassword) = await app.AddUserAsync(Roles.Dsl, school.Id);
        var screenshot = EvidenceFiles.Inspect("screenshot.png", ConcernsWebTests.Png);
        var submitted = await app.Get<ConcernStore>().SubmitAsync(school.Id,
            new ConcernSubmission("My friend in Year 5 says she wants to hurt herself", "Instagram"), [screenshot], null);
        var evidenceId = Assert.Single(await app.Get<EvidenceStore>().ForConcernAsync(school.Id, submitted.Concern.Id)).Id;
        var url = $"/api/concerns/{submitted.Concern.Id}/evidence/{evidenceId}";
        var head = await app.SignedInAsync(headEmail, headPassword);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync(url)).StatusCode);

        var routed = await head.PostAsJsonAsync($"/api/concerns/{submitted.Concern.Id}/triage", new { decision = "safeguarding", reason = "Disclosure of self-harm" });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(url)).StatusCode);
        var dsl = await app.SignedInAsync(dslEmail, dslPassword);
        var asDsl = await dsl.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, asDsl.StatusCode);
        Assert.Equal(ConcernsWebTests.Png, await asDsl.Content.ReadAsByteArrayAsync());
        var logged = await app.Get<Courtesy.Audit.AuditLog>().ForTargetAsync(school.Id, "concern", submitted.Concern.Reference);
        Assert.Equal(2, logged.Count(e => e.Action == "concern.evidence-viewed"));
    }
}
