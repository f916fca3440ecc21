namespace Courtesy.Tests.Policies;

/// <summary>Paths in the source checkout: the tests read the packs and seeds where people edit them, not copies.</summary>
internal static class Repo
{
    public static string Root => Support.Repo.Root;

    public static string PoliciesDir => Path.Combine(Root, "policies");

    public static string SeedsDir => Path.Combine(Support.Repo.Shared, "seeds");

    public static string Pack(string id) => Path.Combine(PoliciesDir, id + ".yaml");

    public static readonly string[] SeedPackIds =
        ["flitwick-lower", "heartwood-trust", "bexton-primary", "roose-community-primary", "stratford-st-mary"];
}
