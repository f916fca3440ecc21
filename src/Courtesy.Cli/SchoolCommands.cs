using System.CommandLine;
using Courtesy.Accounts;
using Courtesy.Policies;
using Courtesy.Schools;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Courtesy.Cli;

/// <summary>`courtesy school add|list|policy`, `courtesy trust add`, `courtesy user add`.</summary>
internal static class SchoolCommands
{
    public static Command School()
    {
        var school = new Command("school", "Add and list schools; put a policy pack in force");

        var id = new Argument<string>("id") { Description = "Short id, lower-case letters, digits and hyphens (e.g. flitwick-lower)" };
        var name = new Option<string>("--name") { Description = "The school's full name", Required = true };
        var alias = new Option<string[]>("--alias") { Description = "What parents call the school (repeatable)", AllowMultipleArgumentsPerToken = true };
        var town = new Option<string?>("--town") { Description = "Town" };
        var trust = new Option<string?>("--trust") { Description = "Id of the trust the school belongs to" };
        var policy = new Option<string>("--policy") { Description = "Policy pack id to put in force", DefaultValueFactory = _ => "default" };
        var db = CliHost.DbOption();
        var add = new Command("add", "Add a school and put a policy pack in force") { id, name, alias, town, trust, policy, db };
        add.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var schools = sp.GetRequiredService<SchoolStore>();
            var library = sp.GetRequiredService<PolicyLibrary>();
            var packId = r.GetValue(policy)!;
            library.Get(packId); // an unknown pack fails before anything is written
            long? trustId = null;
            if (r.GetValue(trust) is { } t)
                trustId = (await schools.FindTrustAsync(t) ?? throw new SchoolStoreException($"no trust with id '{t}'")).Id;
            var s = await schools.AddSchoolAsync(r.GetValue(id)!, r.GetValue(name)!, r.GetValue(alias) ?? [], r.GetValue(town), trustId, "cli");
            var pack = await schools.AssignFromLibraryAsync(s.Id, library, packId, "cli");
            console.Out.MarkupLineInterpolated($"[green]added[/] {s.Slug}: {s.Name}, policy {pack.Id} v{pack.Version}");
            return 0;
        }));

        var listDb = CliHost.DbOption();
        var list = new Command("list", "List schools") { listDb };
        list.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(listDb));
            var schools = sp.GetRequiredService<SchoolStore>();
            var roster = sp.GetRequiredService<RosterStore>();
            var table = new Table().AddColumns("id", "name", "policy", "people");
            foreach (var s in await schools.ListAsync())
            {
                var p = await schools.CurrentPolicyAsync(s.Id);
                table.AddRow(Markup.Escape(s.Slug), Markup.Escape(s.Name), Markup.Escape(p is null ? "-" : $"{p.PackId} v{p.PackVersion}"),
                    (await roster.CountAsync(s.Id)).ToString());
            }
            console.Write(table);
            return 0;
        }));

        var polSchool = new Argument<string>("school") { Description = "School id" };
        var polId = new Argument<string>("policy") { Description = "Policy pack id" };
        var polDb = CliHost.DbOption();
        var assign = new Command("policy", "Put a policy pack in force at a school (the previous one stays on record)") { polSchool, polId, polDb };
        assign.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(polDb));
            var schools = sp.GetRequiredService<SchoolStore>();
            var s = await schools.FindAsync(r.GetValue(polSchool)!) ?? throw new SchoolStoreException($"no school with id '{r.GetValue(polSchool)}'");
            var pack = await schools.AssignFromLibraryAsync(s.Id, sp.GetRequiredService<PolicyLibrary>(), r.GetValue(polId)!, "cli");
            console.Out.MarkupLineInterpolated($"[green]in force[/] at {s.Slug}: {pack.Id} v{pack.Version}");
            return 0;
        }));

        school.Subcommands.Add(add);
        school.Subcommands.Add(list);
        school.Subcommands.Add(assign);
        return school;
    }

    public static Command Trust()
    {
        var id = new Argument<string>("id") { Description = "Short id of the trust" };
        var name = new Option<string>("--name") { Description = "The trust's full name", Required = true };
        var db = CliHost.DbOption();
        var add = new Command("add", "Add a multi-academy trust") { id, name, db };
        add.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var t = await sp.GetRequiredService<SchoolStore>().AddTrustAsync(r.GetValue(id)!, r.GetValue(name)!, "cli");
            console.Out.MarkupLineInterpolated($"[green]added[/] trust {t.Slug}: {t.Name}");
            return 0;
        }));
        return new Command("trust", "Multi-academy trusts") { add };
    }

    public static Command User()
    {
        var email = new Argument<string>("email") { Description = "Sign-in e-mail address" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var role = new Option<string>("--role") { Description = "head, dsl, staff, governor or trust-admin", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var school = new Option<string?>("--school") { Description = "School id (for every role but trust-admin)" };
        var trust = new Option<string?>("--trust") { Description = "Trust id (for trust-admin)" };
        var db = CliHost.DbOption();
        var add = new Command("add", "Add a user; prints a one-time password to pass on") { email, name, role, school, trust, db };
        add.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(db));
            var schools = sp.GetRequiredService<SchoolStore>();
            long? schoolId = null, trustId = null;
            if (r.GetValue(school) is { } s) schoolId = (await schools.FindAsync(s) ?? throw new SchoolStoreException($"no school with id '{s}'")).Id;
            if (r.GetValue(trust) is { } t) trustId = (await schools.FindTrustAsync(t) ?? throw new SchoolStoreException($"no trust with id '{t}'")).Id;
            var password = UserStore.NewPassword();
            var u = await sp.GetRequiredService<UserStore>().AddAsync(r.GetValue(email)!, r.GetValue(name)!, r.GetValue(role)!, schoolId, trustId, password, "cli");
            console.Out.MarkupLineInterpolated($"[green]added[/] {u.Email} ({Roles.Describe(u.Role)})");
            console.Out.WriteLine($"one-time password: {password}");
            return 0;
        }));
        var who = new Argument<string>("email") { Description = "The user's sign-in e-mail address" };
        var disableDb = CliHost.DbOption();
        var disable = new Command("disable", "Stop an account: it can no longer sign in, and any open session ends at its next request") { who, disableDb };
        disable.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(disableDb));
            var u = await sp.GetRequiredService<UserStore>().DisableAsync(r.GetValue(who)!, "cli");
            console.Out.MarkupLineInterpolated($"[yellow]disabled[/] {u.Email} ({Roles.Describe(u.Role)})");
            return 0;
        }));
        var resetWho = new Argument<string>("email") { Description = "The user's sign-in e-mail address" };
        var resetDb = CliHost.DbOption();
        var reset = new Command("password", "Give a user a new one-time password; sessions signed in with the old one end") { resetWho, resetDb };
        reset.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            await using var sp = await CliHost.MigratedServicesAsync(r.GetValue(resetDb));
            var password = await sp.GetRequiredService<UserStore>().ResetPasswordAsync(r.GetValue(resetWho)!, "cli");
            console.Out.MarkupLineInterpolated($"[green]new password set[/] for {UserStore.Normalise(r.GetValue(resetWho)!)}");
            console.Out.WriteLine($"one-time password: {password}");
            return 0;
        }));
        return new Command("user", "User accounts") { add, disable, reset };
    }
}
