namespace Courtesy.Screening;

/// <summary>One cue phrase and the posts of a set it matches.</summary>
public sealed record CuePhraseUse(Cue Cue, string Phrase, int Words, IReadOnlyList<string> PostIds, string? Idiom);

public sealed record CueAuditReport(int Phrases, int PhrasesMatched, IReadOnlyList<CuePhraseUse> SinglePost)
{
    /// <summary>Single-post phrases with no idiom justification in cues.tsv: the ones to remove.</summary>
    public IReadOnlyList<CuePhraseUse> Unjustified => SinglePost.Where(u => u.Idiom is null).ToList();
}

/// <summary>
/// Finds cue phrases that look copied from a post of the set they were developed on: several words
/// long and matching exactly one post. A phrase that specific rarely matches a post by another parent
/// at another school, so it inflates the set's figures without making the engine better. Well-known
/// idioms ("watch your back") are kept when cues.tsv says so in a third column ("idiom: why").
/// </summary>
public static class CueAudit
{
    public const int MinWords = 3;

    public static CueAuditReport Run(ScreeningEngine engine, Lexicons lexicons, IEnumerable<Post> posts, int minWords = MinWords)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(lexicons);
        var listed = lexicons.Cues.ToHashSet();
        var uses = new Dictionary<(Cue, string), List<string>>();
        foreach (var post in posts)
            foreach (var key in engine.CuePhrasesIn(post))
            {
                if (!listed.Contains(key)) continue;
                if (!uses.TryGetValue(key, out var ids)) uses[key] = ids = [];
                ids.Add(post.Id ?? "?");
            }
        var single = uses
            .Where(u => u.Value.Count == 1 && WordCount(u.Key.Item2) >= minWords)
            .Select(u => new CuePhraseUse(u.Key.Item1, u.Key.Item2, WordCount(u.Key.Item2), u.Value, lexicons.Idioms.GetValueOrDefault(u.Key)))
            .OrderBy(u => u.Cue).ThenBy(u => u.Phrase, StringComparer.Ordinal)
            .ToList();
        return new CueAuditReport(listed.Count, uses.Count, single);
    }

    public static int WordCount(string phrase) =>
        ScreeningEngine.Fold(phrase.TrimEnd('*')).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
