using System.Security.Claims;
using Courtesy.Accounts;
using Courtesy.Schools;

namespace Courtesy.Web.Auth;

public static class CourtesyClaims
{
    public const string UserId = "courtesy:user";
    public const string SchoolId = "courtesy:school";
    public const string TrustId = "courtesy:trust";
    public const string Stamp = "courtesy:stamp";

    public static long UserIdOf(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue(UserId) ?? "0");
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "anonymous";

    /// <summary>A concern routed to safeguarding is for the DSL (and trust admins acting as one), wherever it is shown.</summary>
    public static bool MaySee(this ClaimsPrincipal user, Courtesy.Cases.Concern c) =>
        c.Decision != "safeguarding" || user.IsInRole(Courtesy.Accounts.Roles.Dsl) || user.IsInRole(Courtesy.Accounts.Roles.TrustAdmin);
}

/// <summary>The school a request acts on. A school user has exactly one; a trust administrator picks one
/// of the trust's schools with ?school=slug (remembered in a cookie). Anything else is not found.</summary>
public sealed class CurrentSchool(IHttpContextAccessor http, SchoolStore schools)
{
    public const string CookieName = "courtesy.school";
    private School? _school;
    private bool _resolved;

    public async Task<School?> GetAsync()
    {
        if (_resolved) return _school;
        _resolved = true;
        var ctx = http.HttpContext!;
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        if (long.TryParse(user.FindFirstValue(CourtesyClaims.SchoolId), out var schoolId))
            return _school = await schools.GetAsync(schoolId);
        if (user.IsInRole(Roles.TrustAdmin) && long.TryParse(user.FindFirstValue(CourtesyClaims.TrustId), out var trustId))
        {
            var slug = ctx.Request.Query["school"].FirstOrDefault() ?? ctx.Request.Cookies[CookieName];
            var inTrust = await schools.ListAsync(trustId);
            _school = slug is null ? inTrust.FirstOrDefault() : inTrust.FirstOrDefault(s => s.Slug == slug);
            if (_school is not null && ctx.Request.Query.ContainsKey("school"))
                ctx.Response.Cookies.Append(CookieName, _school.Slug, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return _school;
    }
}
