using Courtesy.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Courtesy.Web.Auth;

/// <summary>Authorisation by role. Every route needs a signed-in user unless it opts out with AllowAnonymous;
/// school scoping is done by <see cref="CurrentSchool"/> on top of these.</summary>
public static class AuthPolicies
{
    /// <summary>Anyone working in a school: reports concerns. Governors are not staff here: they see aggregates only.</summary>
    public const string Staff = "staff";
    /// <summary>Heads/SLT, DSLs and trust administrators: triage, cases, letters, the policy in force.</summary>
    public const string Leaders = "leaders";
    /// <summary>Safeguarding concerns: the DSL (and trust administrators who act as one).</summary>
    public const string Safeguarding = "safeguarding";
    /// <summary>Aggregate reports: governors and leaders.</summary>
    public const string Reports = "reports";

    public static void Configure(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Staff, p => p.RequireRole(Roles.Head, Roles.Dsl, Roles.Staff, Roles.TrustAdmin));
        o.AddPolicy(Leaders, p => p.RequireRole(Roles.Head, Roles.Dsl, Roles.TrustAdmin));
        o.AddPolicy(Safeguarding, p => p.RequireRole(Roles.Dsl, Roles.TrustAdmin));
        o.AddPolicy(Reports, p => p.RequireRole(Roles.Governor, Roles.Head, Roles.Dsl, Roles.TrustAdmin));
    }
}
