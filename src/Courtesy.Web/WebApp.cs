using System.Threading.RateLimiting;
using Courtesy.Data;
using Courtesy.Web.Api;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Courtesy.Web;

/// <summary>Builds the web app; `courtesy serve`, Program.cs and the tests all start it through here.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddCourtesyEnvironment();
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddCourtesy(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentSchool>();
        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddApplicationPart(typeof(WebApp).Assembly);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.Cookie.Name = "courtesy.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // an API caller gets a status code, not a redirect to an HTML sign-in page
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = StillValidAsync;
            });
        services.AddAuthorization(AuthPolicies.Configure);
        services.AddAntiforgery(o => { o.Cookie.Name = "courtesy.csrf"; o.HeaderName = "X-CSRF-TOKEN"; });
        // keys in the database: several web processes share sign-in cookies and antiforgery tokens
        var protection = services.AddDataProtection().SetApplicationName("Courtesy");
        // with a certificate, the keys in the database are encrypted: a copy of the database or a backup
        // alone can no longer forge a sign-in cookie
        if (KeyCertificate(builder.Configuration) is { } certificate)
            protection.ProtectKeysWithCertificate(certificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DbXmlRepository>()));
        services.AddSingleton<DbXmlRepository>();
        services.AddOpenApi();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiErrors.Describe);
        // a body the API cannot read is the caller's mistake: a 400 that says where, not an empty one
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // a null where the contract has no null ("text": null inside an attachment) is refused with its path
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.RespectNullableAnnotations = true);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.SignIn, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimits.Public, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Courtesy:RateLimits:PublicPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        var proxies = KnownProxyNetworks(builder.Configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // only a proxy we know may say who the client is: the rate limits key on it, and the cookie's
            // Secure flag follows the scheme it reports
            foreach (var network in proxies) o.KnownIPNetworks.Add(network);
        });

        var app = builder.Build();

        // the schema is brought up to date before the first request; safe with several processes
        Migrator.MigrateAsync(app.Services.GetRequiredService<Db>()).GetAwaiter().GetResult();

        // the API answers in problem+json; people get the error page
        app.UseWhen(ApiErrors.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ApiErrors.StatusOf,
                // a caller's bad body is answered, not logged as a server failure
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
            api.UseStatusCodePages();
            api.Use(ApiErrors.RequireJsonAsync);
        });
        app.UseWhen(c => !ApiErrors.IsApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = ApiErrors.StatusOf });
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapSchoolApi();
        app.MapConcernsApi();
        app.MapCasesApi();
        app.MapScreenApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Courtesy:DataProtection:Certificate (a PKCS#12 file with its private key) and :Password.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2? KeyCertificate(IConfiguration config)
    {
        var path = config["Courtesy:DataProtection:Certificate"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        try
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, config["Courtesy:DataProtection:Password"]);
            return certificate.HasPrivateKey ? certificate
                : throw new InvalidOperationException($"Courtesy:DataProtection:Certificate: {path} has no private key; the keys could be encrypted but never read back");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            // the message names the file and the problem, never the password
            throw new InvalidOperationException($"Courtesy:DataProtection:Certificate: {path} could not be read as a PKCS#12 certificate with that password ({e.GetType().Name}: {e.Message})", e);
        }
    }

    /// <summary>Courtesy:Proxy:KnownNetworks, the load balancers in front of the app (CIDR, e.g. 10.0.0.0/8).</summary>
    private static List<System.Net.IPNetwork> KnownProxyNetworks(IConfiguration config)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var (value, i) in (config.GetSection("Courtesy:Proxy:KnownNetworks").Get<string[]>() ?? []).Select((v, i) => (v, i)))
        {
            if (!System.Net.IPNetwork.TryParse(value?.Trim() ?? "", out var network))
                throw new InvalidOperationException($"Courtesy:Proxy:KnownNetworks:{i}: '{value}' is not a network in CIDR form, such as 10.0.0.0/8");
            networks.Add(network);
        }
        return networks;
    }

    /// <summary>A cookie is only as good as the account behind it: a disabled user, or one whose password,
    /// role, school or trust has changed since signing in, is signed out at the next request. One lookup by
    /// primary key a request; the cookie alone would keep a dismissed member of staff in for good.</summary>
    private static async Task StillValidAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        var id = principal?.FindFirst(CourtesyClaims.UserId)?.Value;
        var user = long.TryParse(id, out var userId)
            ? await ctx.HttpContext.RequestServices.GetRequiredService<Courtesy.Accounts.UserStore>().GetAsync(userId)
            : null;
        if (user is not null && user.DisabledAt is null && principal!.FindFirst(CourtesyClaims.Stamp)?.Value == user.Stamp)
            return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Public = "public";
}
