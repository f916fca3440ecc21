using System.CommandLine;
using Courtesy.Schools;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Courtesy.Cli;

internal static class RosterCommands
{
    public static Command Build()
    {
        var school = new Argument<string>("school") { Description = "School id" };
        var csv = new Argument<FileInfo>("csv") { Description = "CSV with columns kind,title,first_name,last_name,preferred_name,role,year_group" };
        var db = CliHost.DbOption();
        var import = new Command("import", "Import a roster; every bad row is reported by line and nothing is imported unless all rows are good") { school, csv, db };
        import.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            var file = r.GetValue(csv)!;
            if (!file.Exists) throw new FileNotFoundException($"{file.FullName}: no such file");
            var people = RosterCsv.Load(file.FullName);
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var s = await sp.GetRequiredService<SchoolStore>().FindAsync(r.GetValue(school)!)
                    ?? throw new SchoolStoreException($"no school with id '{r.GetValue(school)}'");
            var result = await sp.GetRequiredService<RosterStore>().ImportAsync(s.Id, people, "cli", file.FullName);
            console.Out.MarkupLineInterpolated($"[green]imported[/] {people.Count} people into {s.Slug}: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged");
            return 0;
        }));
        return new Command("roster", "School rosters (pupils, staff, governors, parents)") { import };
    }
}
