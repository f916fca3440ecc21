using System.Net;
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

            var env = new Dictionary<string, string> { ["COURTESY_DATABASE__PROVIDER"] = "postgres", ["COURTESY_DATABASE__CONNECTIONSTRING"] = cs };
            using var web1 = WebProcess.Start(env);
            using var web2 = WebProcess.Start(env);
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
}
