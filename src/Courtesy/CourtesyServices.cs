using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Cases;
using Courtesy.Data;
using Courtesy.Jobs;
using Courtesy.Policies;
using Courtesy.Schools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Courtesy;

/// <summary>The one composition shared by the web app and the CLI.</summary>
public static class CourtesyServices
{
    /// <summary>Reads COURTESY_DATABASE__PROVIDER style variables as Courtesy:Database:Provider, so the
    /// environment can set anything appsettings.json can.</summary>
    public static IConfigurationBuilder AddCourtesyEnvironment(this IConfigurationBuilder builder)
    {
        var values = new Dictionary<string, string?>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (!key.StartsWith("COURTESY_", StringComparison.OrdinalIgnoreCase)) continue;
            values["Courtesy:" + key["COURTESY_".Length..].Replace("__", ":")] = (string?)e.Value;
        }
        return builder.AddInMemoryCollection(values);
    }

    public static Db CreateDb(IConfiguration config)
    {
        var section = config.GetSection("Courtesy:Database");
        var provider = section["Provider"] ?? "sqlite";
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => Db.Sqlite(section["Path"] is { Length: > 0 } p ? p : Path.Combine("data", "courtesy.db")),
            "postgres" or "postgresql" => Db.Postgres(section["ConnectionString"] is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("Courtesy:Database:Provider is postgres but Courtesy:Database:ConnectionString is not set")),
            _ => throw new InvalidOperationException($"Courtesy:Database:Provider '{provider}' is not one of sqlite, postgres"),
        };
    }

    public static IServiceCollection AddCourtesy(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(_ => CreateDb(config));
        services.TryAddSingleton<IClock, SystemClock>();
        services.TryAddSingleton(_ => new PolicyLibrary(config["Courtesy:Policies:Directory"] is { Length: > 0 } d ? d : null));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Leases>();
        services.AddSingleton<SchoolStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<UserStore>();
        services.AddCases(config);
        return services;
    }
}
