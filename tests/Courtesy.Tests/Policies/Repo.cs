namespace Courtesy.Tests.Policies;

/// <summary>Paths in the source checkout: the tests read the packs and seeds where people edit them, not copies.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PoliciesDir => Path.Combine(Root, "policies");

    public static string SeedsDir => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string Pack(string id) => Path.Combine(PoliciesDir, id + ".yaml");

    public static readonly string[] SeedPackIds =
        ["flitwick-lower", "heartwood-trust", "bexton-primary", "roose-community-primary", "stratford-st-mary"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Courtesy.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Courtesy.slnx above {AppContext.BaseDirectory}");
    }
}
