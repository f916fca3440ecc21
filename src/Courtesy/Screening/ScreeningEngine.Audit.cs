namespace Courtesy.Screening;

public sealed partial class ScreeningEngine
{
    /// <summary>The cue-list phrases (kind and phrase as written in cues.tsv) that match in a post. For
    /// auditing the lists against a labelled set, not for screening: it allocates per call.</summary>
    public IReadOnlySet<(Cue Cue, string Phrase)> CuePhrasesIn(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var s = Scan(post);
        var found = new HashSet<(Cue, string)>();
        for (var i = 0; i < s.HitCount; i++)
        {
            var entry = s.Hits[i].Entry;
            // Roster names and school aliases carry a person; emoji carry no entry.
            if (entry >= 0 && _entries[entry].Person == -1) found.Add((_entries[entry].Cue, _entries[entry].Phrase));
        }
        return found;
    }
}
