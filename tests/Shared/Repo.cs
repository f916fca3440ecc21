namespace Courtesy.Tests.Support;

/// <summary>Paths in the repository and beside it (../shared), found from the test's own folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string DevSet => Path.Combine(Shared, "eval", "dev");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Courtesy.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Courtesy.slnx not found above " + AppContext.BaseDirectory);
    }
}
