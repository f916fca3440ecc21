using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Courtesy.Accounts;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests;

public class ScreenApiTests
{
    private static async Task<(TestApp App, School School)> StartWithRosterAsync()
    {
        var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        await app.Get<RosterStore>().ImportAsync(school.Id, RosterCsv.Load(Path.Combine(Repo.DevSet, "roster.csv")), "test", "roster.csv");
        return (app, school);
    }

    [Fact]
    public async Task Screen_api_returns_findings_with_spans_for_signed_in_staff()
    {
        var (app, school) = await StartWithRosterAsync();
        await using var _ = app;
        var (email, password) = await app.AddUserAsync(Roles.Staff, school.Id);
        var client = await app.SignedInAsync(email, password);
        const string text = "Tyler Shaw is a little thug. I know where he lives 🔪";
        var response = await client.PostAsJsonAsync("/api/screen", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var labels = body.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("naming-children", labels);
        Assert.Contains("threat-of-violence", labels);
        Assert.True(body.GetProperty("police").GetBoolean());
        Assert.Contains("flitwick-lower", body.GetProperty("policy").GetString());
        var naming = body.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("category").GetString() == "naming-children");
        Assert.Equal("Tyler Shaw", text.Substring(naming.GetProperty("start").GetInt32(), naming.GetProperty("length").GetInt32()));
        Assert.False(string.IsNullOrEmpty(naming.GetProperty("reason").GetString()));

        var missing = await client.PostAsJsonAsync("/api/screen", new { platform = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Screen_api_needs_a_signed_in_staff_member()
    {
        var (app, school) = await StartWithRosterAsync();
        await using var _ = app;
        var anonymous = await app.Client().PostAsJsonAsync("/api/screen", new { text = "hello" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (email, password) = await app.AddUserAsync(Roles.Governor, school.Id);
        var governor = await app.SignedInAsync(email, password);
        var forbidden = await governor.PostAsJsonAsync("/api/screen", new { text = "hello" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Screen_page_highlights_spans_and_encodes_the_text()
    {
        var (app, school) = await StartWithRosterAsync();
        await using var _ = app;
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = await app.SignedInAsync(email, password);
        var token = await TestApp.AntiforgeryTokenAsync(client, "/Screen");
        var response = await client.PostAsync("/Screen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "<script>alert(1)</script> Mrs Marsden is an absolute cow",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Matches("<mark class=\"hl sev-[a-z]+\" title=\"[^\"]*insulting[^\"]*\">cow</mark>", html);
        Assert.Contains("Negative or offensive comment", html);
    }

    [Fact]
    public async Task Screen_api_reports_the_packs_own_category_under_its_own_title()
    {
        var (app, school) = await StartWithRosterAsync();
        await using var _ = app;
        var yaml = (await File.ReadAllTextAsync(Path.Combine(Repo.Root, "policies", "flitwick-lower.yaml")))
            .Replace("\nsections:\n", """

                own_categories:
                  - id: uniform-mockery
                    title: Mocking the uniform
                    meaning: Ridicules the school uniform or pupils for wearing it.
                    phrases: [clown uniform]
                sections:

                """)
            .Replace("    uses:\n", """
                    uses:
                      - wording: Mocking the school uniform;
                        categories: [uniform-mockery]

                """);
        await app.Get<SchoolStore>().AssignPolicyAsync(school.Id, "flitwick-lower", "2", yaml, "test");
        var (email, password) = await app.AddUserAsync(Roles.Staff, school.Id);
        var client = await app.SignedInAsync(email, password);

        var response = await client.PostAsJsonAsync("/api/screen", new { text = "That clown uniform again 🙄" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var own = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("category").GetString() == "uniform-mockery");
        Assert.Equal("Mocking the uniform", own.GetProperty("title").GetString());
        Assert.Contains("uniform-mockery", body.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }
}
