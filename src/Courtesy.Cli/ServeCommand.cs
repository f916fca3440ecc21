using System.CommandLine;
using Courtesy.Accounts;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Courtesy.Cli;

internal static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = CliHost.DbOption();
        var demo = new Option<bool>("--demo") { Description = "Create the demo school (Flitwick pack, with a roster) and print a one-time admin password" };
        var serve = new Command("serve", "Run the web app") { urls, db, demo };
        serve.SetAction((r, ct) => CliHost.Run(r, async console =>
        {
            var settings = new Dictionary<string, string?> { ["urls"] = r.GetValue(urls) };
            if (r.GetValue(db) is { } path)
            {
                settings["Courtesy:Database:Provider"] = "sqlite";
                settings["Courtesy:Database:Path"] = path;
            }
            var app = WebApp.Build([], b => b.Configuration.AddInMemoryCollection(settings));
            if (r.GetValue(demo))
            {
                var s = app.Services;
                var signIn = await DemoSchool.EnsureAsync(s.GetRequiredService<SchoolStore>(), s.GetRequiredService<RosterStore>(),
                    s.GetRequiredService<UserStore>(), s.GetRequiredService<PolicyLibrary>());
                console.Out.WriteLine();
                console.Out.WriteLine($"  Demo school: {signIn.SchoolName}");
                console.Out.WriteLine($"  Sign in at {r.GetValue(urls)!.Split(';')[0]}/Account/SignIn");
                console.Out.WriteLine($"  e-mail:   {signIn.Email}");
                console.Out.WriteLine($"  password: {signIn.Password}   (one-time: a new one is set each time --demo runs)");
                console.Out.WriteLine();
            }
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return serve;
    }
}
