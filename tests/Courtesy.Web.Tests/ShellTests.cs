using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Courtesy.Accounts;
using Courtesy.Data;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests;

public class ShellTests
{
    [Fact]
    public async Task Health_answers_without_signing_in()
    {
        await using var app = await TestApp.StartAsync();
        var health = await app.Client().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("database").GetString());
        Assert.True(health.GetProperty("schemaVersion").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api()
    {
        await using var app = await TestApp.StartAsync();
        var doc = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/healthz", out _));
        Assert.True(paths.TryGetProperty("/api/school", out _));
    }

    [Fact]
    public async Task Sign_in_with_the_right_password_reaches_the_schools_policy_page()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = app.Client();
        var response = await TestApp.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboard = await client.GetStringAsync("/");
        Assert.Contains("St Aidan&#x27;s CE Primary School", dashboard);
        var policy = await client.GetStringAsync("/Policy");
        Assert.Contains("Parental Use of Social Media Policy", policy);
        Assert.Contains("Posting racist comments", policy);
    }

    [Fact]
    public async Task A_wrong_password_fails_and_says_so_without_saying_which_part_was_wrong()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = app.Client();
        var wrong = await TestApp.SignInAsync(client, email, password + "!");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknown = await TestApp.SignInAsync(client, "nobody@school.example", password);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync());
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var response = await app.Client().PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_api_answers_401_not_a_redirect_when_not_signed_in()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Client().GetAsync("/api/school");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_gets_their_own_school_and_policy_from_the_api()
    {
        await using var app = await TestApp.StartAsync();
        var a = await app.AddSchoolAsync("school-a", "School A", "flitwick-lower");
        var b = await app.AddSchoolAsync("school-b", "School B", "bexton-primary");
        var (email, password) = await app.AddUserAsync(Roles.Staff, b.Id);
        var client = await app.SignedInAsync(email, password);
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/school");
        Assert.Equal("school-b", summary.GetProperty("id").GetString());
        Assert.Equal("bexton-primary", summary.GetProperty("policy").GetProperty("id").GetString());
        var md = await client.GetStringAsync("/api/school/policy");
        Assert.Contains("Bexton", md);
        Assert.DoesNotContain("Flitwick Lower School", md);
        _ = a;
    }

    [Fact]
    public async Task A_proxy_network_that_is_not_cidr_stops_the_start_and_names_the_setting()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Courtesy:Proxy:KnownNetworks:0"] = "10.0.0.0/8",
            ["Courtesy:Proxy:KnownNetworks:1"] = "the load balancer",
        }));
        Assert.Equal("Courtesy:Proxy:KnownNetworks:1: 'the load balancer' is not a network in CIDR form, such as 10.0.0.0/8", ex.Message);
    }

    [Fact]
    public async Task Behind_a_known_proxy_on_https_the_sign_in_cookie_is_secure_and_hsts_is_sent()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Courtesy:Proxy:KnownNetworks:0"] = "127.0.0.0/8" });
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "courtesy.school.example"; // HSTS is never sent for localhost

        var response = await TestApp.SignInAsync(client, email, password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("courtesy.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Unknown_pages_are_a_plain_404()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = await app.SignedInAsync(email, password);
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_app_runs_on_postgresql_too()
    {
        await using var app = await TestApp.StartAsync(DbProvider.Postgres);
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Dsl, school.Id);
        var client = await app.SignedInAsync(email, password);
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("postgres", health.GetProperty("database").GetString());
        Assert.Contains("Parental Use of Social Media Policy", await client.GetStringAsync("/Policy"));
    }
}
