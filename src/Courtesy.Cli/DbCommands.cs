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
        migrate.SetAction((r, ct) => CliHost.Run(async () =>
        {
            await using var sp = CliHost.Services(r.GetValue(db));
            var database = sp.GetRequiredService<Db>();
            var applied = await Migrator.MigrateAsync(database, ct);
            var all = await Migrator.AppliedAsync(database);
            AnsiConsole.MarkupLineInterpolated($"[green]{database.Provider.ToString().ToLowerInvariant()}[/]: {applied.Count} applied now, at version {all.LastOrDefault():D4}");
            return 0;
        }));
        return new Command("db", "Database operations") { migrate };
    }
}
