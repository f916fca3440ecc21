using Courtesy.Data;
using Dapper;

namespace Courtesy.Web.Api;

public static class HealthApi
{
    public sealed record Health(string Status, string Database, int SchemaVersion);

    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (Db db) =>
            {
                await using var c = await db.OpenAsync();
                var version = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
                return TypedResults.Ok(new Health("ok", db.Provider.ToString().ToLowerInvariant(), version));
            })
            .AllowAnonymous()
            .WithName("Health")
            .WithSummary("Liveness and database check")
            .WithTags("Operations");
    }
}
