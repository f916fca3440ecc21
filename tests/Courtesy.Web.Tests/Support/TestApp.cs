using System.Net;
using System.Text.RegularExpressions;
using Courtesy.Accounts;
using Courtesy.Data;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Courtesy.Tests.Support;

/// <summary>The real web app on Kestrel, on a free loopback port, over a fresh database (a SQLite file in a
/// temp folder, or a new database on the test PostgreSQL server). Browsers and HTTP clients talk to it for real.</summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public WebApplication App { get; }
    public string BaseUrl { get; }
    public IServiceProvider Services => App.Services;
    private readonly string? _dir;
    private readonly string? _pg;

    private TestApp(WebApplication app, string baseUrl, string? dir, string? pg)
    {
        App = app; BaseUrl = baseUrl; _dir = dir; _pg = pg;
    }

    public static async Task<TestApp> StartAsync(DbProvider provider = DbProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" };
        string? dir = null, pg = null;
        if (provider == DbProvider.Sqlite)
        {
            dir = Path.Combine(Path.GetTempPath(), "courtesy-web-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            values["Courtesy:Database:Provider"] = "sqlite";
            values["Courtesy:Database:Path"] = Path.Combine(dir, "courtesy.db");
        }
        else
        {
            pg = PostgresServer.Instance.CreateDatabase();
            values["Courtesy:Database:Provider"] = "postgres";
            values["Courtesy:Database:ConnectionString"] = pg;
        }
        if (settings is not null)
            foreach (var (k, v) in settings) values[k] = v;
        var app = WebApp.Build(["--environment", "Production"], b => b.Configuration.AddInMemoryCollection(values));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, address.TrimEnd('/'), dir, pg);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<School> AddSchoolAsync(string slug = "st-aidans", string name = "St Aidan's CE Primary School", string pack = "flitwick-lower", long? trustId = null)
    {
        var schools = Get<SchoolStore>();
        var school = await schools.AddSchoolAsync(slug, name, ["St Aidans", "St A's"], "Brambleford", trustId, "test");
        await schools.AssignFromLibraryAsync(school.Id, Get<PolicyLibrary>(), pack, "test");
        return school;
    }

    public async Task<(string Email, string Password)> AddUserAsync(string role, long? schoolId, long? trustId = null, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid().ToString("N")[..6]}@school.example";
        var password = UserStore.NewPassword();
        await Get<UserStore>().AddAsync(email, $"Test {role}", role, schoolId, trustId, password, "test");
        return (email, password);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see what the server said.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Client();
        var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var m = TokenPattern().Match(html);
        return m.Success ? m.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {page}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_pg is not null) PostgresServer.Instance.DropDatabase(_pg);
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dir, true); } catch (IOException) { /* temp folder */ }
        }
    }
}
