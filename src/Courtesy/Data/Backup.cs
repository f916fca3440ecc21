using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Courtesy.Data;

public sealed class BackupException(string message) : Exception(message);

/// <summary>Backups the way each database's operators expect: SQLite's online backup API (a consistent copy
/// while the app runs) and pg_dump/pg_restore in PostgreSQL's custom format.</summary>
public static class Backup
{
    public static async Task<long> BackupAsync(Db db, string file)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (db.IsSqlite)
        {
            if (File.Exists(target)) File.Delete(target);
            await using var source = (SqliteConnection)await db.OpenAsync();
            await using var dest = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await dest.OpenAsync();
            source.BackupDatabase(dest);
        }
        else
        {
            await RunPgToolAsync(db, "pg_dump", "--format=custom", "--no-owner", "--file", target);
        }
        return new FileInfo(target).Length;
    }

    /// <summary>Replaces the database's contents with the backup's. Stop the web app first.</summary>
    public static async Task RestoreAsync(Db db, string file)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new BackupException($"{source}: no such file");
        if (db.IsSqlite)
        {
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            try
            {
                await from.OpenAsync();
                var check = await from.ExecuteScalarAsync<string>("PRAGMA quick_check");
                if (check != "ok") throw new BackupException($"{source}: the SQLite file is damaged ({check})");
                if (await from.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'") == 0)
                    throw new BackupException($"{source}: not a Courtesy backup (no schema_migrations table)");
            }
            catch (SqliteException ex)
            {
                throw new BackupException($"{source}: not a SQLite database ({ex.Message})");
            }
            await using var to = (SqliteConnection)await db.OpenAsync();
            from.BackupDatabase(to);
        }
        else
        {
            using (var head = File.OpenRead(source))
            {
                var magic = new byte[5];
                if (await head.ReadAsync(magic) != 5 || System.Text.Encoding.ASCII.GetString(magic) != "PGDMP")
                    throw new BackupException($"{source}: not a pg_dump custom-format file");
            }
            await RunPgToolAsync(db, "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!, source);
        }
    }

    private static async Task RunPgToolAsync(Db db, string tool, params string[] args)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var psi = new ProcessStartInfo(FindPgTool(tool))
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        // the password goes by environment, never on a command line that ps or a log could show
        psi.Environment["PGHOST"] = cs.Host;
        psi.Environment["PGPORT"] = cs.Port.ToString();
        psi.Environment["PGUSER"] = cs.Username;
        psi.Environment["PGDATABASE"] = cs.Database;
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new BackupException($"{tool} failed ({p.ExitCode}): {(await stderr).Trim()}");
    }

    private static string FindPgTool(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, tool))) return Path.Combine(dir, tool);
        if (Directory.Exists("/usr/lib/postgresql"))
            foreach (var dir in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending())
                if (File.Exists(Path.Combine(dir, "bin", tool))) return Path.Combine(dir, "bin", tool);
        throw new BackupException($"{tool} not found: install PostgreSQL's client tools (Debian package postgresql-client)");
    }
}
