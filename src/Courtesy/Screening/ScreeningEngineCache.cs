using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Courtesy.Policies;
using Courtesy.Schools;

namespace Courtesy.Screening;

/// <summary>
/// Engines by school, keyed by everything they are built from (profile, roster, categories), so an
/// edited roster or a new pack gives a fresh engine and an unchanged school reuses the one it has.
/// Only a cache: several processes each build their own, and nothing is lost when it is cleared.
/// </summary>
public sealed class ScreeningEngineCache(int capacity = 64)
{
    public static ScreeningEngineCache Shared { get; } = new();

    private readonly ConcurrentDictionary<string, Lazy<ScreeningEngine>> _engines = new(StringComparer.Ordinal);
    private static readonly Lazy<TrainedModels> Models = new(() => TrainedModels.Load(Lexicons.FindDataDirectory()));

    public ScreeningEngine Get(SchoolProfile school, IReadOnlyList<Person> roster, IEnumerable<string> categoryIds, IReadOnlyList<OwnCategory>? ownCategories = null)
    {
        var ids = categoryIds.Order(StringComparer.Ordinal).ToList();
        var own = ownCategories ?? [];
        var key = Fingerprint(school, roster, ids, own);
        if (_engines.Count >= capacity && !_engines.ContainsKey(key)) _engines.Clear();
        return _engines.GetOrAdd(key, _ => new Lazy<ScreeningEngine>(() =>
            ScreeningEngine.Build(school, roster, ids, new ScreeningOptions { Model = Models.Value.Offensive, CategoryModel = Models.Value.Categories, SafeguardingModel = Models.Value.Safeguarding, OwnCategories = own }))).Value;
    }

    private static string Fingerprint(SchoolProfile school, IReadOnlyList<Person> roster, IReadOnlyList<string> ids, IReadOnlyList<OwnCategory> own)
    {
        var sb = new StringBuilder();
        sb.Append(school.Name).Append('\u001f').AppendJoin('\u001f', school.Aliases).Append('\u001e');
        sb.AppendJoin('\u001f', ids).Append('\u001e');
        foreach (var o in own)
            sb.Append(o.Category.Id).Append('\u001f').Append(o.Category.Title).Append('\u001f').Append(o.Category.Severity).Append('\u001f').AppendJoin('\u001f', o.Phrases).Append('\u001e');
        foreach (var p in roster)
            sb.Append(p.Kind).Append('\u001f').Append(p.Title).Append('\u001f').Append(p.FirstName).Append('\u001f').Append(p.LastName)
              .Append('\u001f').Append(p.PreferredName).Append('\u001f').Append(p.Role).Append('\u001f').Append(p.YearGroup).Append('\u001e');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

/// <summary>A post's text cut into runs for display: each run is plain or covered by one or more findings.</summary>
public sealed record HighlightRun(string Text, IReadOnlyList<Finding> Findings);

public static class Highlighter
{
    /// <summary>Splits <paramref name="text"/> at every finding boundary; overlapping findings share a run.</summary>
    public static IReadOnlyList<HighlightRun> Runs(string text, IReadOnlyList<Finding> findings)
    {
        var spans = findings.Where(f => f.Length > 0 && f.Start >= 0 && f.Start + f.Length <= text.Length).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var f in spans) { cuts.Add(f.Start); cuts.Add(f.Start + f.Length); }
        var runs = new List<HighlightRun>();
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            if (a == b) continue;
            var covering = spans.Where(f => f.Start <= a && f.Start + f.Length >= b).ToList();
            if (runs.Count > 0 && covering.Count == 0 && runs[^1].Findings.Count == 0)
                runs[^1] = new HighlightRun(runs[^1].Text + text[a..b], []);
            else
                runs.Add(new HighlightRun(text[a..b], covering));
        }
        return runs;
    }
}
