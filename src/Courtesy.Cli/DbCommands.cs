using System.CommandLine;
using Courtesy.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Courtesy.Cli;

internal static class DbCommands
{
    public static Command Build()
    {
        var db = CliHost.DbOption();
        var migrate = new Command("migrate", "Apply any pending migrations (the web app also does this at start-up)") { db };
        migrate.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = CliHost.Services(r.GetValue(db));
            var database = sp.GetRequiredService<Db>();
            var applied = await Migrator.MigrateAsync(database, ct);
            var all = await Migrator.AppliedAsync(database);
            console.Out.MarkupLineInterpolated($"[green]{database.Provider.ToString().ToLowerInvariant()}[/]: {applied.Count} applied now, at version {all.LastOrDefault():D4}");
            return 0;
        }));
        return new Command("db", "Database operations") { migrate };
    }

    public static Command BackupCommand()
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup (SQLite file, or pg_dump custom format for PostgreSQL)" };
        var db = CliHost.DbOption();
        var backup = new Command("backup", "Write a consistent backup of the database while the app runs") { file, db };
        backup.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var bytes = await Backup.BackupAsync(sp.GetRequiredService<Db>(), r.GetValue(file)!);
            console.Out.MarkupLineInterpolated($"[green]backed up[/] to {r.GetValue(file)} ({bytes:N0} bytes)");
            return 0;
        }));
        return backup;
    }

    public static Command RestoreCommand()
    {
        var file = new Argument<string>("file") { Description = "A file written by `courtesy backup`" };
        var db = CliHost.DbOption();
        var restore = new Command("restore", "Replace the database's contents with a backup (stop the web app first)") { file, db };
        restore.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = CliHost.Services(r.GetValue(db));
            var database = sp.GetRequiredService<Db>();
            await Backup.RestoreAsync(database, r.GetValue(file)!);
            await Migrator.MigrateAsync(database, ct); // an older backup is brought up to this version's schema
            console.Out.MarkupLineInterpolated($"[green]restored[/] from {r.GetValue(file)}");
            return 0;
        }));
        return restore;
    }
}
