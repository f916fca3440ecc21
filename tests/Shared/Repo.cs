namespace Courtesy.Tests.Support;

/// <summary>Paths in the repository and beside it (../shared), found from the test's own folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string DevSet => Path.Combine(Shared, "eval", "dev");

    /// <summary>A shipped policy pack, loaded from policies/ (cached: packs are immutable).</summary>
    public static Courtesy.Policies.PolicyPack LoadPack(string id) =>
        Packs.GetOrAdd(id, i => Courtesy.Policies.PolicyPackLoader.LoadFile(Path.Combine(Root, "policies", i + ".yaml")));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Courtesy.Policies.PolicyPack> Packs = new();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Courtesy.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Courtesy.slnx not found above " + AppContext.BaseDirectory);
    }
}
