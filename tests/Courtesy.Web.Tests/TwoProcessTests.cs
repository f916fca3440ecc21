using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests;

/// <summary>Two real web processes on one PostgreSQL database, as a trust deployment runs behind a load balancer.</summary>
public class TwoProcessTests
{
    [Fact]
    public async Task Signing_in_on_one_process_and_continuing_on_the_other_works()
    {
        var cs = PostgresServer.Instance.CreateDatabase();
        try
        {
            var db = Db.Postgres(cs);
            await Migrator.MigrateAsync(db);
            var clock = new SystemClock();
            var audit = new AuditLog(db, clock);
            var schools = new SchoolStore(db, audit, clock);
            var school = await schools.AddSchoolAsync("st-aidans", "St Aidan's CE Primary School", [], null, null, "test");
            await schools.AssignFromLibraryAsync(school.Id, new PolicyLibrary(), "flitwick-lower", "test");
            var password = UserStore.NewPassword();
            await new UserStore(db, audit, clock).AddAsync("head@school.example", "Mrs Head", Roles.Head, school.Id, null, password, "test");

            using var web1 = WebProcess.Start(cs);
            using var web2 = WebProcess.Start(cs);
            await Task.WhenAll(web1.WaitReadyAsync(), web2.WaitReadyAsync());

            var cookies = new CookieContainer();
            using var toOne = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(web1.Url) };
            using var toTwo = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(web2.Url) };
            // same host, different ports: copy the cookies across as a load balancer's single origin would
            var signIn = await TestApp.SignInAsync(toOne, "head@school.example", password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            foreach (Cookie c in cookies.GetCookies(new Uri(web1.Url))) cookies.Add(new Uri(web2.Url), new Cookie(c.Name, c.Value, "/", "127.0.0.1"));

            var onTwo = await toTwo.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, onTwo.StatusCode);
            Assert.Contains("St Aidan", await onTwo.Content.ReadAsStringAsync());

            // an antiforgery token issued by one process is accepted by the other
            var token = await TestApp.AntiforgeryTokenAsync(toOne, "/Policy");
            var signOut = await toTwo.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

            await using var conn = await db.OpenAsync();
            Assert.True(await Dapper.SqlMapper.ExecuteScalarAsync<long>(conn, "SELECT COUNT(*) FROM data_protection_keys") >= 1);
        }
        finally
        {
            PostgresServer.Instance.DropDatabase(cs);
        }
    }

    private sealed class WebProcess : IDisposable
    {
        private readonly Process _process;
        public string Url { get; }

        private WebProcess(Process process, string url) { _process = process; Url = url; }

        public static WebProcess Start(string connectionString)
        {
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}";
            var dll = Path.Combine(AppContext.BaseDirectory, "Courtesy.Web.dll");
            var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {url}")
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            psi.Environment["COURTESY_DATABASE__PROVIDER"] = "postgres";
            psi.Environment["COURTESY_DATABASE__CONNECTIONSTRING"] = connectionString;
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            // a home of its own, so the only place the two processes can share keys is the database
            var home = Path.Combine(Path.GetTempPath(), "courtesy-home-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(home);
            psi.Environment["HOME"] = home;
            var p = Process.Start(psi)!;
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return new WebProcess(p, url);
        }

        public async Task WaitReadyAsync()
        {
            using var http = new HttpClient();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until)
            {
                if (_process.HasExited) throw new InvalidOperationException($"web process exited with {_process.ExitCode}");
                try
                {
                    if ((await http.GetAsync(Url + "/healthz")).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { /* not listening yet */ }
                await Task.Delay(200);
            }
            throw new TimeoutException($"{Url} did not become healthy");
        }

        public void Dispose()
        {
            try { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { /* already gone */ }
            _process.Dispose();
        }

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }
    }
}
