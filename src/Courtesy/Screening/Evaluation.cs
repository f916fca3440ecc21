using Courtesy.Policies;
using Courtesy.Schools;

namespace Courtesy.Screening;

public sealed record CategoryScore(string Id, int TruePositives, int FalsePositives, int FalseNegatives, bool FromMetadata)
{
    public int Support => TruePositives + FalseNegatives;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);
    public double Recall => Support == 0 ? 0 : TruePositives / (double)Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record PostOutcome(Post Post, ScreeningResult Result, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra);

public sealed record EvaluationReport(
    IReadOnlyList<CategoryScore> Categories,
    /// <summary>Macro-F1 over the categories decided from the words of a post, with support in the set.</summary>
    double MacroF1Text,
    double MacroF1All,
    int PolicePosts,
    int PoliceFlagged,
    int CleanPosts,
    IReadOnlyList<PostOutcome> FalseAlarms,
    int SafeguardingFlagged,
    IReadOnlyList<PostOutcome> Outcomes,
    /// <summary>Posts labelled safeguarding-concern, and how many of them the engine flagged.</summary>
    int SafeguardingPosts = 0,
    int SafeguardingCaught = 0)
{
    public double PoliceRecall => PolicePosts == 0 ? 1 : PoliceFlagged / (double)PolicePosts;
    public double SafeguardingRecall => SafeguardingPosts == 0 ? 1 : SafeguardingCaught / (double)SafeguardingPosts;
}

/// <summary>Scores screening against a labelled set (shared/eval layout: posts.jsonl, roster.csv, school.json).</summary>
public static class Evaluation
{
    /// <summary>Gold labels that make a post a police-threshold post: a racial element, threats,
    /// grossly obscene content, harassment. Plain offensive comments are left out because the labels do
    /// not say which of them are "grossly" offensive.</summary>
    public static readonly string[] PoliceLabels = [Categories.RacistComment, Categories.ThreatOfViolence, Categories.ObsceneContent, Categories.Cyberbullying];

    public static (SchoolProfile School, IReadOnlyList<Person> Roster, IReadOnlyList<Post> Posts) LoadSet(string directory) =>
        (SchoolJson.Load(Path.Combine(directory, "school.json")), RosterCsv.Load(Path.Combine(directory, "roster.csv")), PostJson.Load(Path.Combine(directory, "posts.jsonl")));

    public static EvaluationReport Run(IScreener screener, IReadOnlyList<Post> posts, IEnumerable<string> categoryIds)
    {
        var ids = categoryIds.Where(id => id != Categories.SafeguardingConcern).Distinct().ToList();
        var tp = ids.ToDictionary(i => i, _ => 0);
        var fp = ids.ToDictionary(i => i, _ => 0);
        var fn = ids.ToDictionary(i => i, _ => 0);
        var outcomes = new List<PostOutcome>();
        var falseAlarms = new List<PostOutcome>();
        int police = 0, flagged = 0, clean = 0, safeguarding = 0, safeguardingPosts = 0, safeguardingCaught = 0;
        foreach (var post in posts)
        {
            var result = screener.Screen(post);
            var gold = post.Labels.Where(ids.Contains).ToHashSet();
            var predicted = result.Categories.Where(ids.Contains).ToHashSet();
            foreach (var id in ids)
            {
                if (gold.Contains(id) && predicted.Contains(id)) tp[id]++;
                else if (predicted.Contains(id)) fp[id]++;
                else if (gold.Contains(id)) fn[id]++;
            }
            if (post.Labels.Any(PoliceLabels.Contains))
            {
                police++;
                if (result.Police) flagged++;
            }
            if (result.Safeguarding) safeguarding++;
            // safeguarding is a flag beside the categories (it routes to the DSL), so it is scored on its own
            if (post.Labels.Contains(Categories.SafeguardingConcern))
            {
                safeguardingPosts++;
                if (result.Safeguarding) safeguardingCaught++;
            }
            var outcome = new PostOutcome(post, result, gold.Except(predicted).ToList(), predicted.Except(gold).ToList());
            outcomes.Add(outcome);
            if (post.Labels.Count == 0)
            {
                clean++;
                if (result.Categories.Count > 0) falseAlarms.Add(outcome);
            }
        }
        var scores = ids.Select(id => new CategoryScore(id, tp[id], fp[id], fn[id], Categories.Find(id)?.FromMetadata ?? false)).ToList();
        var text = scores.Where(s => !s.FromMetadata && s.Support > 0).ToList();
        var all = scores.Where(s => s.Support > 0).ToList();
        return new EvaluationReport(scores,
            text.Count == 0 ? 0 : text.Average(s => s.F1),
            all.Count == 0 ? 0 : all.Average(s => s.F1),
            police, flagged, clean, falseAlarms, safeguarding, outcomes, safeguardingPosts, safeguardingCaught);
    }
}
