using System.CommandLine;
using Courtesy.Data;
using Courtesy.Policies;
using Courtesy.Schools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Courtesy.Cli;

/// <summary>What every store-touching verb shares: the --db option, configuration, the composition, and
/// turning known failures into one red line and a non-zero exit instead of a stack trace.</summary>
internal static class CliHost
{
    public static Option<string?> DbOption() => new("--db")
    {
        Description = "SQLite database file (default: Courtesy:Database settings, else data/courtesy.db)",
    };

    public static ServiceProvider Services(string? dbPath)
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddCourtesyEnvironment();
        if (dbPath is not null)
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Courtesy:Database:Provider"] = "sqlite", ["Courtesy:Database:Path"] = dbPath });
        var services = new ServiceCollection();
        services.AddCourtesy(config.Build());
        return services.BuildServiceProvider();
    }

    public static async Task<ServiceProvider> MigratedServicesAsync(string? dbPath)
    {
        var sp = Services(dbPath);
        await Migrator.MigrateAsync(sp.GetRequiredService<Db>());
        return sp;
    }

    /// <summary>Runs a verb; failures a person can fix are printed plainly with exit code 1.</summary>
    public static async Task<int> Run(ParseResult parse, Func<CliConsole, Task<int>> body)
    {
        var console = CliConsole.For(parse);
        try
        {
            return await body(console);
        }
        catch (Exception ex) when (ex is InputException or PolicyPackException or PolicyNotFoundException or SchoolStoreException
                                       or Accounts.AccountException or FileNotFoundException or DirectoryNotFoundException
                                       or InvalidOperationException or System.Data.Common.DbException or Data.BackupException)
        {
            foreach (var line in ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                console.Fail(line.TrimEnd());
            return 1;
        }
    }
}
