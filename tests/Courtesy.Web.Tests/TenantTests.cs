using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Courtesy.Accounts;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests;

public class TenantTests
{
    [Fact]
    public async Task A_trust_administrator_moves_between_their_own_schools_only()
    {
        await using var app = await TestApp.StartAsync();
        var schools = app.Get<SchoolStore>();
        var heartwood = await schools.AddTrustAsync("heartwood", "Heartwood CE Academy Trust", "test");
        var other = await schools.AddTrustAsync("other", "Other Trust", "test");
        await app.AddSchoolAsync("heartwood-one", "Heartwood One", "heartwood-trust", heartwood.Id);
        await app.AddSchoolAsync("heartwood-two", "Heartwood Two", "heartwood-trust", heartwood.Id);
        await app.AddSchoolAsync("elsewhere", "Elsewhere Primary", "default", other.Id);
        var (email, password) = await app.AddUserAsync(Roles.TrustAdmin, null, heartwood.Id);
        var client = await app.SignedInAsync(email, password);

        var two = await client.GetFromJsonAsync<JsonElement>("/api/school?school=heartwood-two");
        Assert.Equal("heartwood-two", two.GetProperty("id").GetString());
        // the choice is remembered for the next request
        var remembered = await client.GetFromJsonAsync<JsonElement>("/api/school");
        Assert.Equal("heartwood-two", remembered.GetProperty("id").GetString());

        var foreign = await client.GetAsync("/api/school?school=elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/school/policy?school=elsewhere")).StatusCode);
    }

    [Fact]
    public async Task A_school_user_cannot_switch_to_another_school()
    {
        await using var app = await TestApp.StartAsync();
        var a = await app.AddSchoolAsync("school-a", "School A");
        await app.AddSchoolAsync("school-b", "School B", "bexton-primary");
        var (email, password) = await app.AddUserAsync(Roles.Head, a.Id);
        var client = await app.SignedInAsync(email, password);
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/school?school=school-b");
        Assert.Equal("school-a", summary.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_governor_can_read_the_policy_but_sees_no_roster_names()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        await app.Get<RosterStore>().ImportAsync(school.Id,
            RosterCsv.Parse(new StringReader("kind,title,first_name,last_name,preferred_name,role,year_group\npupil,,Hope,Mensah,,,Reception\n"), "r.csv"), "test", "r.csv");
        var (email, password) = await app.AddUserAsync(Roles.Governor, school.Id);
        var client = await app.SignedInAsync(email, password);
        var dashboard = await client.GetStringAsync("/");
        Assert.Contains("1 pupil ·", dashboard);
        Assert.DoesNotContain("Mensah", dashboard);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Policy")).StatusCode);
    }
}
