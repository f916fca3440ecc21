using System.Diagnostics;
using Npgsql;

namespace Courtesy.Tests.Support;

/// <summary>A real PostgreSQL server for the test run: initdb and pg_ctl of Debian's postgresql into a temp
/// folder on a free loopback port, started on first use and stopped when the test process exits.
/// PostgreSQL refuses to run as root, so as root the server runs as the postgres user.</summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresServer Instance => Shared.Value;

    private readonly string _dataDir;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    public int Port { get; }
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    private PostgresServer(string bin, string dataDir, int port, bool asPostgresUser)
    {
        _bin = bin; _dataDir = dataDir; Port = port; _asPostgresUser = asPostgresUser;
    }

    public static string FindBin()
    {
        var fromEnv = Environment.GetEnvironmentVariable("COURTESY_TEST_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package (the test script does this)");
    }

    private static PostgresServer Start()
    {
        var bin = FindBin();
        var asPostgres = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "courtesy-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        if (asPostgres) Run("chown", $"-R postgres:postgres {root}");
        var port = WebProcess.FreePort();
        Run(bin, asPostgres, "initdb", $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        var opts = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(bin, asPostgres, "pg_ctl", $"-D {data} -l {root}/server.log -o \"{opts}\" -w -t 60 start");
        var server = new PostgresServer(bin, data, port, asPostgres);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    public void Stop()
    {
        try { Run(_bin, _asPostgresUser, "pg_ctl", $"-D {_dataDir} -m immediate -w stop"); } catch { /* exiting anyway */ }
        try { Directory.Delete(Path.GetDirectoryName(_dataDir)!, true); } catch { /* temp folder */ }
    }

    /// <summary>A new, empty database for one test.</summary>
    public string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        cmd.ExecuteNonQuery();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=30;Maximum Pool Size=20";
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }


    private static void Run(string bin, bool asPostgres, string tool, string args) =>
        Run(asPostgres ? "runuser" : Path.Combine(bin, tool), asPostgres ? $"-u postgres -- {Path.Combine(bin, tool)} {args}" : args);

    private static void Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }
}
