using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Courtesy;
using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.LoadBench;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Tests.Support;

// Load on loopback against the public intake (POST /api/concerns) and the triage list (GET /api/concerns),
// on SQLite with one web process and on PostgreSQL with one and two. Each web process is a real
// `Courtesy.Web` process; the load comes from Debian's wrk when installed, else from a .NET client in this process.
// Usage: [--seconds N] [--warmup N] [--workers N] [--only sqlite|postgres] [--client dotnet]
var seconds = Arg("--seconds", 10);
var workers = Arg("--workers", 32);
var only = ArgText("--only");
var useWrk = ArgText("--client") != "dotnet" && Wrk.Available;
var maxRequests = 2_000_000;
var WarmUp = TimeSpan.FromSeconds(Arg("--warmup", 8));

Console.WriteLine($"Courtesy load benchmark: {workers} connections, {seconds}s per run, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                  $"load from {(useWrk ? "wrk (Debian)" : "a .NET client in this process")}");
Console.WriteLine("Durability: SQLite in WAL mode with synchronous=NORMAL (a committed intake survives a crash of the process;");
Console.WriteLine("a power cut may lose the last few hundred milliseconds); PostgreSQL as the tests start it (fsync off: figures are an upper bound).");
Console.WriteLine();
var results = new List<(string Setup, LoadResult Result)>();

if (only is null or "sqlite")
{
    var dir = Path.Combine(Path.GetTempPath(), "courtesy-load-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(dir);
    var env = new Dictionary<string, string> { ["COURTESY_DATABASE__PROVIDER"] = "sqlite", ["COURTESY_DATABASE__PATH"] = Path.Combine(dir, "courtesy.db") };
    var login = await PrepareAsync(Db.Sqlite(Path.Combine(dir, "courtesy.db")));
    results.AddRange(await RunSetupAsync("SQLite, 1 process", env, 1, login));
    Directory.Delete(dir, true);
}
if (only is null or "postgres")
{
    foreach (var processes in new[] { 1, 2 })
    {
        var cs = PostgresServer.Instance.CreateDatabase();
        var env = new Dictionary<string, string> { ["COURTESY_DATABASE__PROVIDER"] = "postgres", ["COURTESY_DATABASE__CONNECTIONSTRING"] = cs };
        var login = await PrepareAsync(Db.Postgres(cs));
        results.AddRange(await RunSetupAsync($"PostgreSQL, {processes} process{(processes > 1 ? "es" : "")}", env, processes, login));
        PostgresServer.Instance.DropDatabase(cs);
    }
    PostgresServer.Instance.Stop();
}

Console.WriteLine();
Console.WriteLine("| setup | endpoint | requests | requests/s | p50 ms | p99 ms | max ms | errors |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (setup, r) in results)
    Console.WriteLine($"| {setup} | {r.Name} | {r.Requests:N0} | {r.PerSecond:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.Errors} |");
var baseline = results.FirstOrDefault(x => x.Result.Name.StartsWith("intake"));
if (baseline.Result is not null)
{
    Console.WriteLine();
    foreach (var (setup, r) in results.Where(x => x.Result.Name.StartsWith("intake")))
        Console.WriteLine($"intake throughput {setup}: {r.PerSecond / baseline.Result.PerSecond:F2}x SQLite's");
    var sqlite = baseline.Result;
    Console.WriteLine($"target (SQLite intake >= 2,000/s, p99 < 50 ms): {(sqlite.PerSecond >= 2000 && sqlite.P99Ms < 50 ? "met" : "NOT met")} " +
                      $"({sqlite.PerSecond:N0}/s, p99 {sqlite.P99Ms:F1} ms)");
}
return 0;

async Task<(string Email, string Password)> PrepareAsync(Db db)
{
    await Migrator.MigrateAsync(db);
    var clock = new SystemClock();
    var audit = new AuditLog(db, clock);
    var schools = new SchoolStore(db, audit, clock);
    var school = await schools.AddSchoolAsync("bench-school", "Bench Primary School", ["Bench"], null, null, "bench");
    await schools.AssignFromLibraryAsync(school.Id, new PolicyLibrary(), "flitwick-lower", "bench");
    var password = UserStore.NewPassword();
    await new UserStore(db, audit, clock).AddAsync("head@bench.example", "Head", Roles.Head, school.Id, null, password, "bench");
    return ("head@bench.example", password);
}

async Task<List<(string, LoadResult)>> RunSetupAsync(string setup, Dictionary<string, string> env, int processes, (string Email, string Password) login)
{
    // the public form's per-address limit would stop a load that all comes from 127.0.0.1
    env["COURTESY_RATELIMITS__PUBLICPERMINUTE"] = "100000000";
    var servers = Enumerable.Range(0, processes).Select(_ => WebProcess.Start(env)).ToList();
    try
    {
        await Task.WhenAll(servers.Select(s => s.WaitReadyAsync()));
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var clients = servers.Select(s => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(s.Url) }).ToArray();
        var texts = new[]
        {
            "Mrs Whitmore at Bench is useless and the head should be sacked, everyone knows she lied about the trip",
            "Can someone tell me when the Year 4 trip money is due? Thanks",
            "Disgusting how they treated my son today, I will be taking this further. Join the group if you agree",
        };
        // figures are for a process that has been serving for a while (JIT tiering done, pools and caches warm)
        Console.WriteLine($"{setup}: warming up for {WarmUp.TotalSeconds:N0}s");
        if (useWrk)
            await Task.WhenAll(servers.Select(s => Wrk.RunAsync("warm-up", s.Url, workers / processes, WarmUp, Wrk.IntakeScript)));
        else
            await LoadRun.RunAsync("warm-up", workers, WarmUp, maxRequests, (w, n) => IntakeAsync(clients[(int)(n % clients.Length)], texts, n));
        // the triage list is for signed-in leaders: one session per process (the same cookie would do, via shared keys)
        var signedIn = new List<(HttpClient Client, string Cookie)>();
        foreach (var s in servers)
            signedIn.Add(await SignInAsync(s.Url, login.Email, login.Password));
        LoadResult intake, triage;
        if (useWrk)
        {
            // one wrk per process, run together, summed: a load balancer's share of the load each
            var intakes = await Task.WhenAll(servers.Select(s => Wrk.RunAsync("intake POST /api/concerns", s.Url, workers / processes, TimeSpan.FromSeconds(seconds), Wrk.IntakeScript)));
            intake = Combine(intakes);
            Print(setup, intake);
            var triages = await Task.WhenAll(servers.Select((s, i) => Wrk.RunAsync("triage GET /api/concerns", s.Url + "/api/concerns", workers / processes, TimeSpan.FromSeconds(seconds), cookie: signedIn[i].Cookie)));
            triage = Combine(triages);
        }
        else
        {
            intake = await LoadRun.RunAsync("intake POST /api/concerns", workers, TimeSpan.FromSeconds(seconds), maxRequests,
                (w, n) => IntakeAsync(clients[(int)(n % clients.Length)], texts, n));
            Print(setup, intake);
            triage = await LoadRun.RunAsync("triage GET /api/concerns", workers, TimeSpan.FromSeconds(seconds), maxRequests,
                async (w, n) => (await signedIn[(int)(n % signedIn.Count)].Client.GetAsync("/api/concerns")).StatusCode == HttpStatusCode.OK);
        }
        Print(setup, triage);
        return [(setup, intake), (setup, triage)];
    }
    finally
    {
        foreach (var s in servers) s.Dispose();
    }
}

static async Task<bool> IntakeAsync(HttpClient client, string[] texts, long n)
{
    using var response = await client.PostAsJsonAsync("/api/concerns", new
    {
        school = "bench-school",
        postText = texts[n % texts.Length] + " #" + n,
        platform = "facebook",
        reporterNote = "seen on the parents' page",
        submissionKey = "bench-" + n,
    });
    return response.StatusCode == HttpStatusCode.Created;
}

// percentiles of several runs cannot be added; the worst of them is the honest figure
static LoadResult Combine(LoadResult[] runs) => new(runs[0].Name, runs.Sum(r => r.Requests), runs.Sum(r => r.Errors),
    runs.Max(r => r.Seconds), runs.Max(r => r.P50Ms), runs.Max(r => r.P99Ms), runs.Max(r => r.MaxMs));

static async Task<(HttpClient Client, string Cookie)> SignInAsync(string url, string email, string password)
{
    var cookies = new CookieContainer();
    var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
    var html = await client.GetStringAsync("/Account/SignIn");
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var r = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
    }));
    if (r.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in failed on {url}: {(int)r.StatusCode}");
    return (client, cookies.GetCookieHeader(new Uri(url)));
}

static void Print(string setup, LoadResult r) =>
    Console.WriteLine($"  {setup,-26} {r.Name,-28} {r.Requests,8:N0} req  {r.PerSecond,8:N0}/s  p50 {r.P50Ms,6:F1} ms  p99 {r.P99Ms,6:F1} ms  errors {r.Errors}");

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
