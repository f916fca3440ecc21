using System.CommandLine;
using Courtesy.Audit;
using Courtesy.Cases;
using Courtesy.Schools;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Courtesy.Cli;

/// <summary>`courtesy audit verify`, `courtesy case list`, `courtesy case export`.</summary>
internal static class CaseCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Audit();
        yield return Case();
    }

    private static Command Audit()
    {
        var school = new Option<string?>("--school") { Description = "Verify only this school's chain (school id)" };
        var db = CliHost.DbOption();
        var verify = new Command("verify", "Walk the audit hash chains and report the first broken link (exit 2 if one is broken)") { school, db };
        verify.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            long? schoolId = null;
            if (r.GetValue(school) is { } slug)
                schoolId = (await sp.GetRequiredService<SchoolStore>().FindAsync(slug) ?? throw new SchoolStoreException($"no school with id '{slug}'")).Id;
            var result = await sp.GetRequiredService<AuditLog>().VerifyAsync(schoolId);
            if (result.Ok)
            {
                console.Out.MarkupLineInterpolated($"[green]ok[/]: {result.Checked} events, every link verified");
                return 0;
            }
            console.Out.MarkupLineInterpolated($"[red]broken[/]: {result}");
            return 2;
        }));
        return new Command("audit", "The append-only audit log") { verify };
    }

    private static Command Case()
    {
        var school = new Argument<string>("school") { Description = "School id" };
        var closed = new Option<bool>("--closed") { Description = "List closed cases instead of open ones" };
        var db = CliHost.DbOption();
        var list = new Command("list", "List a school's open (or closed) cases") { school, closed, db };
        list.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var s = await FindSchoolAsync(sp, r.GetValue(school)!);
            var cases = sp.GetRequiredService<CaseStore>();
            var table = new Table().AddColumns("reference", "opened", "post", "steps", "state");
            foreach (var c in await cases.ListAsync(s.Id, open: !r.GetValue(closed)))
            {
                var steps = await cases.ActionsAsync(s.Id, c.Id);
                table.AddRow(Markup.Escape(c.Reference), London.Time(c.OpenedAt), Markup.Escape(c.PostUrl ?? c.Platform ?? "-"), steps.Count.ToString(),
                    Markup.Escape(c.IsClosed ? $"closed: {CaseWorkflow.Describe(c.OutcomeValue!.Value)}" : steps.LastOrDefault()?.StepId ?? "opened"));
            }
            console.Write(table);
            return 0;
        }));

        var exSchool = new Argument<string>("school") { Description = "School id" };
        var reference = new Argument<string>("reference") { Description = "Case reference, e.g. CASE-2026-0001" };
        var output = new Option<string?>("--output", "-o") { Description = "ZIP file to write (default: <reference>.zip)" };
        var exDb = CliHost.DbOption();
        var export = new Command("export", "Export a case's evidence pack (chronology, findings, evidence with hashes, letters, manifest) as a ZIP") { exSchool, reference, output, exDb };
        export.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(exDb));
            var s = await FindSchoolAsync(sp, r.GetValue(exSchool)!);
            var cases = sp.GetRequiredService<CaseStore>();
            var kase = await cases.FindAsync(s.Id, r.GetValue(reference)!) ?? throw new InvalidOperationException($"no case {r.GetValue(reference)} at {s.Slug}");
            var pack = await sp.GetRequiredService<EvidencePack>().BuildAsync(s.Id, kase.Id, "cli");
            var path = r.GetValue(output) ?? pack.FileName;
            await File.WriteAllBytesAsync(path, pack.Zip, ct);
            console.Out.MarkupLineInterpolated($"[green]wrote[/] {path} ({pack.Zip.Length:N0} bytes, SHA-256 {pack.Sha256})");
            return 0;
        }));
        return new Command("case", "Cases about parents' posts") { list, export };
    }

    private static async Task<School> FindSchoolAsync(IServiceProvider sp, string slug) =>
        await sp.GetRequiredService<SchoolStore>().FindAsync(slug) ?? throw new SchoolStoreException($"no school with id '{slug}'");
}
