using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests.Cases;

/// <summary>Who may do what with concerns and cases, route by route, and the case ladder over HTTP.</summary>
public class CaseRolesTests
{
    private sealed record World(TestApp App, School School, long ConcernId, long CaseId, Dictionary<string, HttpClient> Clients);

    private static async Task<World> WorldAsync(TestApp app)
    {
        var school = await app.AddSchoolAsync();
        var concerns = app.Get<ConcernStore>();
        var submitted = await concerns.SubmitAsync(school.Id, new ConcernSubmission("The head is a liar", "Facebook", "https://facebook.com/p/1", PosterName: "Sam Parent"), [], null);
        var kase = await app.Get<CaseStore>().OpenFromConcernAsync(school.Id, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.AllegationAboutStaff], false, false), "test");
        var second = await concerns.SubmitAsync(school.Id, new ConcernSubmission("Another post"), [], null);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.Client() };
        foreach (var role in new[] { Roles.Head, Roles.Dsl, Roles.Staff, Roles.Governor })
        {
            var (email, password) = await app.AddUserAsync(role, school.Id);
            clients[role] = await app.SignedInAsync(email, password);
        }
        var trust = await app.Get<SchoolStore>().AddTrustAsync("t", "Trust", "test");
        var trustSchool = await app.AddSchoolAsync("trust-school", "Trust School", "flitwick-lower", trust.Id);
        var (te, tp) = await app.AddUserAsync(Roles.TrustAdmin, null, trust.Id);
        clients[Roles.TrustAdmin] = await app.SignedInAsync(te, tp);
        return new World(app, school, second.Concern.Id, kase.Id, clients);
    }

    public static TheoryData<string, string, string> Matrix()
    {
        // route, role, expected outcome: "ok", "denied" (403 or sign-in), "404"
        var data = new TheoryData<string, string, string>();
        void Row(string route, string head, string dsl, string staff, string governor, string anonymous)
        {
            data.Add(route, Roles.Head, head);
            data.Add(route, Roles.Dsl, dsl);
            data.Add(route, Roles.Staff, staff);
            data.Add(route, Roles.Governor, governor);
            data.Add(route, "anonymous", anonymous);
        }
        Row("GET /Triage", "ok", "ok", "denied", "denied", "denied");
        Row("GET /Triage/Concern/{concern}", "ok", "ok", "denied", "denied", "denied");
        Row("GET /Cases", "ok", "ok", "denied", "denied", "denied");
        Row("GET /Cases/{case}", "ok", "ok", "denied", "denied", "denied");
        Row("GET /api/cases", "ok", "ok", "denied", "denied", "denied");
        Row("GET /api/cases/{case}", "ok", "ok", "denied", "denied", "denied");
        Row("GET /api/cases/{case}/export", "ok", "ok", "denied", "denied", "denied");
        Row("POST /api/cases/{case}/notes", "ok", "ok", "denied", "denied", "denied");
        Row("POST /api/concerns/{concern}/triage", "ok", "ok", "denied", "denied", "denied");
        Row("GET /api/concerns", "ok", "ok", "ok", "denied", "denied");
        Row("GET /Report/Mine", "ok", "ok", "ok", "denied", "denied");
        Row("GET /Report", "ok", "ok", "ok", "ok", "ok");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_route_is_authorised_by_role(string route, string role, string expected)
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{case}", w.CaseId.ToString()).Replace("{concern}", w.ConcernId.ToString()));
        var client = w.Clients[role];
        var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostAsJsonAsync<object>(path, path.EndsWith("/notes") ? new { text = "note", sharedWithReporter = false } : new { decision = "no-breach", reason = "fair comment" });
        var status = response.StatusCode;
        switch (expected)
        {
            case "ok":
                Assert.True(status is HttpStatusCode.OK, $"{route} as {role}: {(int)status}");
                break;
            case "denied":
                Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (status == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/")), $"{route} as {role}: {(int)status}");
                break;
        }
    }

    [Fact]
    public async Task Governors_see_no_cases_on_the_dashboard_and_staff_see_only_their_own_reports()
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var governorDashboard = await w.Clients[Roles.Governor].GetStringAsync("/");
        Assert.DoesNotContain("cases-dashboard", governorDashboard);
        Assert.DoesNotContain("/Cases", governorDashboard);
        Assert.Contains("cases-dashboard", await w.Clients[Roles.Head].GetStringAsync("/"));

        var staff = w.Clients[Roles.Staff];
        Assert.Empty(await staff.GetFromJsonAsync<JsonElement[]>("/api/concerns") ?? []);
        var mine = await staff.PostAsJsonAsync("/api/concerns", new { postText = "I saw this on the class WhatsApp" });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var list = await staff.GetFromJsonAsync<JsonElement[]>("/api/concerns");
        Assert.Equal("I saw this on the class WhatsApp", Assert.Single(list!).GetProperty("postText").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/concerns/{w.ConcernId}")).StatusCode);
        Assert.Equal(3, (await w.Clients[Roles.Head].GetFromJsonAsync<JsonElement[]>("/api/concerns"))!.Length);
    }

    [Fact]
    public async Task Overdue_follow_ups_are_on_the_heads_dashboard()
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var store = app.Get<CaseStore>();
        var kase = (await store.GetAsync(w.School.Id, w.CaseId))!;
        var today = London.Today(app.Get<IClock>());
        // A step taken a week ago whose follow-up date has passed with no result.
        await store.AddActionAsync(kase, new CaseAction
        {
            SchoolId = w.School.Id, CaseId = w.CaseId, StepId = "discuss", Kind = "DiscussAndRequestRemoval", Wording = "discuss",
            TakenAt = DateTime.UtcNow.AddDays(-7), TakenBy = "head", FollowUpOn = today.AddDays(-2),
        });
        var dashboard = await w.Clients[Roles.Head].GetStringAsync("/");
        Assert.Contains($"<a href=\"/Cases/{w.CaseId}\">{kase.Reference}</a>: discuss, follow up was due {London.Date(today.AddDays(-2))}", dashboard);
        Assert.Contains("follow-up overdue", await w.Clients[Roles.Head].GetStringAsync("/Cases"));
    }

    [Fact]
    public async Task A_forum_restriction_over_http_needs_an_end_date_and_takes_one_appeal()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var submitted = await app.Get<ConcernStore>().SubmitAsync(school.Id, new ConcernSubmission("Abuse on the school forum", "School forum", OnSchoolSite: true), [], null);
        var kase = await app.Get<CaseStore>().OpenFromConcernAsync(school.Id, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.NegativeOrOffensiveComment], false, true), "test");
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var head = await app.SignedInAsync(email, password);
        var noEnd = await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps", new { stepId = "restrict-forum-access" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noEnd.StatusCode);
        Assert.Contains("needs an end date", await noEnd.Content.ReadAsStringAsync());
        var ends = London.Today(app.Get<IClock>()).AddDays(28).ToString("yyyy-MM-dd");
        var taken = await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps", new { stepId = "restrict-forum-access", endsOn = ends });
        var actionId = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps/{actionId}/appeal", new { note = "Not me." })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps/{actionId}/appeal", new { note = "Again." })).StatusCode);
        var decided = await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps/{actionId}/appeal/decision", new { upheld = true });
        Assert.True((await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealUpheld").GetBoolean());
        var page = await head.GetStringAsync($"/Cases/{kase.Id}");
        Assert.Contains("(lifted on appeal)", page);
    }

    [Fact]
    public async Task A_trust_administrator_works_on_cases_in_their_trusts_schools()
    {
        await using var app = await TestApp.StartAsync();
        var trust = await app.Get<SchoolStore>().AddTrustAsync("heartwood", "Heartwood CE Academy Trust", "test");
        var one = await app.AddSchoolAsync("heartwood-one", "Heartwood One", "heartwood-trust", trust.Id);
        await app.AddSchoolAsync("heartwood-two", "Heartwood Two", "heartwood-trust", trust.Id);
        var submitted = await app.Get<ConcernStore>().SubmitAsync(one.Id, new ConcernSubmission("Join our petition against the head"), [], null);
        var (email, password) = await app.AddUserAsync(Roles.TrustAdmin, null, trust.Id);
        var admin = await app.SignedInAsync(email, password);
        var triage = await admin.PostAsJsonAsync($"/api/concerns/{submitted.Concern.Id}/triage?school=heartwood-one",
            new { decision = "case", categories = new[] { "petition-or-forum-against-school" } });
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        var caseId = (await triage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/cases/{caseId}?school=heartwood-one")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/cases/{caseId}?school=heartwood-two")).StatusCode);
    }

    [Fact]
    public async Task Another_schools_case_is_not_found()
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var other = await app.AddSchoolAsync("other", "Other Primary", "bexton-primary");
        var (email, password) = await app.AddUserAsync(Roles.Head, other.Id);
        var head = await app.SignedInAsync(email, password);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/cases/{w.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Cases/{w.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/cases/{w.CaseId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps", new { stepId = "discuss" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Triage/Concern/{w.ConcernId}")).StatusCode);
        Assert.Empty(await app.Get<CaseStore>().ActionsAsync(w.School.Id, w.CaseId));
        // the trust admin's trust does not include this school either
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[Roles.TrustAdmin].GetAsync($"/api/cases/{w.CaseId}")).StatusCode);
    }

    [Theory]
    [InlineData(Courtesy.Data.DbProvider.Sqlite)]
    [InlineData(Courtesy.Data.DbProvider.Postgres)]
    public async Task The_ladder_over_http_refuses_with_a_reason_and_changes_nothing(Courtesy.Data.DbProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await WorldAsync(app);
        var head = w.Clients[Roles.Head];
        var refused = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps", new { stepId = "written-warning", removalBy = "2099-01-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("written warning: discuss-and-request-removal comes first unless skipped with a reason",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await app.Get<CaseStore>().ActionsAsync(w.School.Id, w.CaseId));

        var discuss = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps", new { stepId = "discuss", notes = "Phoned the parent." });
        Assert.Equal(HttpStatusCode.OK, discuss.StatusCode);
        var actionId = (await discuss.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var letter = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps/{actionId}/letter", new { });
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var letterId = (await letter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var docx = await head.GetAsync($"/api/cases/{w.CaseId}/letters/{letterId}/docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal((byte)'P', (await docx.Content.ReadAsByteArrayAsync())[0]);
        var reference = (await app.Get<CaseStore>().GetAsync(w.School.Id, w.CaseId))!.Reference;
        Assert.Contains("case.letter-viewed", (await app.Get<Courtesy.Audit.AuditLog>().ForTargetAsync(w.School.Id, "case", reference)).Select(e => e.Action));
        foreach (var sneaky in new[] { "7", "Removed,NoReply", "" })
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps/{actionId}/result", new { result = sneaky })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/close", new { outcome = "99" })).StatusCode);
        var result = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps/{actionId}/result", new { result = "Removed" });
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var again = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/steps/{actionId}/result", new { result = "NoReply" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var closed = await head.PostAsJsonAsync($"/api/cases/{w.CaseId}/close", new { outcome = "Removed" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var detail = await head.GetFromJsonAsync<JsonElement>($"/api/cases/{w.CaseId}");
        Assert.All(detail.GetProperty("options").EnumerateArray(), o => Assert.EndsWith("the case is closed", o.GetProperty("why").GetString()));
        Assert.True((await app.Get<Courtesy.Audit.AuditLog>().VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_date_the_case_form_cannot_read_is_named_and_nothing_is_recorded()
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var head = w.Clients[Roles.Head];
        var token = await TestApp.AntiforgeryTokenAsync(head, $"/Cases/{w.CaseId}");
        var response = await head.PostAsync($"/Cases/{w.CaseId}?handler=Step", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["StepId"] = "discuss", ["Notes"] = "Phoned.", ["FollowUpOn"] = "next friday", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("FollowUpOn: &#x27;next friday&#x27; is not a valid value", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.Get<CaseStore>().ActionsAsync(w.School.Id, w.CaseId));
    }

    [Fact]
    public async Task An_oversized_screenshot_on_the_case_page_is_refused_naming_the_limit()
    {
        await using var app = await TestApp.StartAsync();
        var w = await WorldAsync(app);
        var head = w.Clients[Roles.Head];
        var token = await TestApp.AntiforgeryTokenAsync(head, $"/Cases/{w.CaseId}");
        var big = new byte[13 * 1024 * 1024];
        ConcernsWebTests.Png.CopyTo(big, 0);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(big), "Upload", "whole-thread.png" },
        };

        var response = await head.PostAsync($"/Cases/{w.CaseId}?handler=Evidence", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("whole-thread.png: over the 10 MB limit for an evidence file", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.Get<EvidenceStore>().ForCaseAsync(w.School.Id, w.CaseId));
    }
}
