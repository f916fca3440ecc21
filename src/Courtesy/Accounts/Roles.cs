namespace Courtesy.Accounts;

/// <summary>Who does what (DESIGN.md). Governors read aggregates only; trust admins act across their trust's schools.</summary>
public static class Roles
{
    public const string Head = "head";
    public const string Dsl = "dsl";
    public const string Staff = "staff";
    public const string Governor = "governor";
    public const string TrustAdmin = "trust-admin";

    public static readonly IReadOnlyList<string> All = [Head, Dsl, Staff, Governor, TrustAdmin];

    public static bool IsKnown(string role) => All.Contains(role);

    public static string Describe(string role) => role switch
    {
        Head => "Headteacher / senior leader",
        Dsl => "Designated Safeguarding Lead",
        Staff => "Staff",
        Governor => "Governor",
        TrustAdmin => "Trust administrator",
        _ => role,
    };
}
