namespace Courtesy.Web;

public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
