namespace Courtesy.Screening;

/// <summary>The word lists in data/lexicons: hand-written cue phrases, converted profanity, and the
/// common English words that decide whether a roster name needs a naming context.</summary>
public sealed class Lexicons
{
    public required IReadOnlyList<(Cue Cue, string Phrase)> Cues { get; init; }
    public required IReadOnlyList<string> Profanity { get; init; }
    public required IReadOnlySet<string> CommonWords { get; init; }
    /// <summary>English given names (data/lexicons/given-names.txt, converted from npm @stdlib first-name data sets): a
    /// capitalised given name straight before a pupil's first name makes it someone else's surname ("Ashley Cole").</summary>
    public IReadOnlySet<string> GivenNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>Phrases kept although they are long and specific, with the reason from cues.tsv's third
    /// column ("idiom: a well-known threat"); <see cref="CueAudit"/> does not count them as copied from a post.</summary>
    public IReadOnlyDictionary<(Cue Cue, string Phrase), string> Idioms { get; init; } = new Dictionary<(Cue, string), string>();

    public static Lexicons Load(string dataDirectory)
    {
        var dir = Path.Combine(dataDirectory, "lexicons");
        var cues = new List<(Cue, string)>();
        var idioms = new Dictionary<(Cue, string), string>();
        var n = 0;
        foreach (var line in File.ReadLines(Path.Combine(dir, "cues.tsv")))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab < 0 || !Enum.TryParse<Cue>(line.AsSpan(0, tab), out var cue) || cue == Cue.None)
                throw new Schools.InputException([new Schools.InputError(Path.Combine(dir, "cues.tsv"), n, 1, $"expected a cue kind and a tab: '{line}'")]);
            var rest = line[(tab + 1)..];
            var note = rest.IndexOf('\t');
            var phrase = (note < 0 ? rest : rest[..note]).Trim();
            cues.Add((cue, phrase));
            if (note >= 0 && rest[(note + 1)..].Trim() is { Length: > 0 } why) idioms[(cue, phrase)] = why;
        }
        return new Lexicons
        {
            Cues = cues,
            Profanity = ReadList(Path.Combine(dir, "profanity.txt")),
            CommonWords = new HashSet<string>(ReadList(Path.Combine(dir, "common-words.txt")), StringComparer.Ordinal),
            GivenNames = File.Exists(Path.Combine(dir, "given-names.txt"))
                ? new HashSet<string>(ReadList(Path.Combine(dir, "given-names.txt")), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
            Idioms = idioms,
        };
    }

    private static List<string> ReadList(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Trim()).ToList();

    /// <summary>Finds the data folder: beside the running assembly (copied at build), else walking up
    /// from the current directory to the repository root.</summary>
    public static string FindDataDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (File.Exists(Path.Combine(beside, "lexicons", "cues.tsv"))) return beside;
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "lexicons", "cues.tsv"))) return candidate;
        }
        throw new DirectoryNotFoundException("data/lexicons/cues.tsv was found neither beside the program nor above the current directory");
    }

    private static Lexicons? _default;
    private static readonly Lock Gate = new();

    /// <summary>The lists from <see cref="FindDataDirectory"/>, read once per process.</summary>
    public static Lexicons Default
    {
        get
        {
            lock (Gate) return _default ??= Load(FindDataDirectory());
        }
    }
}
