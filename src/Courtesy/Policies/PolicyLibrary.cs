using System.Collections.Concurrent;

namespace Courtesy.Policies;

/// <summary>An entry of <see cref="PolicyLibrary.List"/>.</summary>
public sealed record PolicySummary(string Id, string Title, string Name, string Version, PolicyDate? NextReview);

/// <summary>
/// The folder of pack files, one <c>&lt;id&gt;.yaml</c> per pack. Packs are loaded on first use and kept:
/// they change only when the files are edited, which means a restart.
/// </summary>
public sealed class PolicyLibrary
{
    public const string FolderName = "policies";

    private readonly ConcurrentDictionary<string, PolicyPack> _loaded = new(StringComparer.Ordinal);

    public string Directory { get; }

    /// <param name="directory">The packs folder; when null, <see cref="FindDirectory"/> decides.</param>
    public PolicyLibrary(string? directory = null)
    {
        Directory = directory ?? FindDirectory(AppContext.BaseDirectory, Environment.CurrentDirectory)
            ?? throw new DirectoryNotFoundException(
                $"no '{FolderName}' folder next to {AppContext.BaseDirectory} or above {Environment.CurrentDirectory}");
        if (!System.IO.Directory.Exists(Directory))
            throw new DirectoryNotFoundException($"the policy packs folder '{Directory}' does not exist");
    }

    /// <summary><c>policies/</c> next to the binary (an installed copy); else the nearest <c>policies/</c> at or above <paramref name="currentDirectory"/> (a source checkout).</summary>
    public static string? FindDirectory(string baseDirectory, string currentDirectory)
    {
        var besideBinary = Path.Combine(baseDirectory, FolderName);
        if (System.IO.Directory.Exists(besideBinary))
            return besideBinary;
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    public IReadOnlyList<string> Ids() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every pack in the folder, by id. Throws <see cref="PolicyPackException"/> if any pack is malformed.</summary>
    public IReadOnlyList<PolicySummary> List() =>
        Ids().Select(Get).Select(p => new PolicySummary(p.Id, p.Title, p.Name, p.Version, p.NextReview)).ToList();

    /// <summary>The pack with this id; <see cref="PolicyNotFoundException"/> (naming the known ids) when there is none.</summary>
    public PolicyPack Get(string id)
    {
        if (_loaded.TryGetValue(id, out var cached))
            return cached;
        var ids = Ids();
        if (!ids.Contains(id, StringComparer.Ordinal))
            throw new PolicyNotFoundException(id, ids);
        var path = Path.Combine(Directory, id + ".yaml");
        var pack = PolicyPackLoader.LoadFile(path);
        if (pack.Id != id)
            throw new PolicyPackException([new PolicyError(path, 1, 1, $"the file is named '{id}.yaml' but its id is '{pack.Id}'; they must match")]);
        return _loaded.GetOrAdd(id, pack);
    }
}
