using Courtesy.Policies;
using Courtesy.Schools;

namespace Courtesy.Screening;

public sealed class ScreeningOptions
{
    /// <summary>Word lists; <see cref="Lexicons.Default"/> when null.</summary>
    public Lexicons? Lexicons { get; init; }
    /// <summary>The trained offensive/hate model; the engine works on rules alone without it.</summary>
    public LinearModel? Model { get; init; }
    /// <summary>The per-category model trained on labelled school posts; it only adds categories to posts
    /// the rules already found something in.</summary>
    public CategoryModel? CategoryModel { get; init; }
    /// <summary>The safeguarding model (a <see cref="Screening.CategoryModel"/> of the one category, trained on the
    /// schools' posts and the safeguarding sentences): it flags a concern the rules missed, on any post.</summary>
    public CategoryModel? SafeguardingModel { get; init; }
    /// <summary>The pack's own categories: their phrases are matched like the lexicons, and a match is a
    /// finding of that category when the pack uses it.</summary>
    public IReadOnlyList<OwnCategory> OwnCategories { get; init; } = [];
}

/// <summary>The trained models committed in data/models, each null when its file is not there (the engine then
/// runs without it): what the app, the CLI and the tests screen with.</summary>
public sealed record TrainedModels(LinearModel? Offensive, CategoryModel? Categories, CategoryModel? Safeguarding)
{
    public static TrainedModels Load(string dataDirectory) => new(
        LinearModel.LoadDefault(dataDirectory),
        CategoryModel.LoadDefault(dataDirectory),
        CategoryModel.LoadDefault(dataDirectory, CategoryModel.SafeguardingFile));

    public static readonly TrainedModels None = new(null, null, null);
}

internal enum NameForm : byte { Full, FirstInitial, TitleSurname, TitleInitial, TitleFirst, First, Preferred, Surname }

internal enum MentionKind : byte { Pupil, OwnPupil, PupilFamily, Staff, Governor, Parent }

/// <summary>
/// Screens posts against one school's policy: its roster, its name and aliases, and the category ids
/// its pack uses. Built once per school (one automaton holds every lexicon phrase and roster name),
/// then <see cref="Screen"/> is called per post from any number of threads.
/// </summary>
public sealed partial class ScreeningEngine : IScreener
{
    internal readonly record struct Entry(Cue Cue, int Person, NameForm Form, bool Ordinary, string Phrase);

    internal readonly record struct EntryRef(int Entry, int Person, Cue Cue, NameForm Form, PersonKind Kind, bool Ordinary);

    private readonly SchoolProfile _school;
    private readonly Person[] _people;
    private readonly HashSet<string> _enabled;
    private readonly PhraseMatcher _matcher;
    private readonly Entry[] _entries;
    private readonly int[] _patternEntryStart;
    private readonly int[] _patternEntries;
    /// <summary>For each pattern that is a rule word, an index into <see cref="_wordLists"/> (its lists,
    /// <see cref="RuleWord"/>), else 0: a byte a pattern, so the table read for every match stays in cache.</summary>
    private readonly byte[] _patternWordIndex;
    private readonly RuleWord[] _wordLists;
    /// <summary>What the scan and name resolution need of each of <see cref="_patternEntries"/>, side by
    /// side in one small array: reading entries and people instead costs a cache miss per hit.</summary>
    private readonly EntryRef[] _refs;
    private readonly string[] _maskWords;
    /// <summary>Indices into <see cref="_maskWords"/> by length, in reading order: a masked word's length less
    /// an ending names the only lengths that can fit it.</summary>
    private readonly int[][] _maskWordsByLength;
    private readonly (string Surname, int Person)[] _titled;
    private readonly HashSet<string> _givenNames;
    /// <summary>Titled surnames by first and by last letter and by length: a word one edit away from a
    /// surname of three or more letters shares its first or its last letter and differs in length by at
    /// most one, so only these few need an edit-distance check.</summary>
    private readonly FuzzyCandidate[][] _titledByFirst;
    private readonly FuzzyCandidate[][] _titledByLast;
    private readonly LinearModel? _model;
    private readonly CategoryModel? _categoryModel;
    private readonly CategoryModel? _safeguardingModel;
    /// <summary>Both school models in one table (<see cref="CategoryModel.Joint"/>), or null (then each is asked apart).</summary>
    private readonly CategoryModel.Joint? _schoolModels;
    /// <summary>The catalogue's own id string for each of the category model's categories (findings compare ids by reference).</summary>
    private readonly string[] _categoryModelIds = [];
    /// <summary>One reason text per model category, made once: a finding's reason costs no allocation.</summary>
    private readonly string[] _categoryModelReasons = [];
    private readonly HashSet<string> _commonWords;
    private readonly PersonReasons[] _reasons;
    private readonly OwnCategory[] _own;

    /// <summary>The ids of <see cref="Categories.All"/> and the pack's own categories, with their severity and
    /// whether the pack uses them: a finding's category is one of these strings, found by reference.</summary>
    private readonly string[] _knownIds;
    private readonly int[] _knownSeverity;
    private readonly bool[] _knownEnabled;

    private bool Enabled(string category)
    {
        var known = _knownIds;
        for (var k = 0; k < known.Length; k++)
            if (ReferenceEquals(known[k], category)) return _knownEnabled[k];
        return _enabled.Contains(category);
    }

    public SchoolProfile School => _school;
    public IReadOnlySet<string> CategoryIds => _enabled;
    public int PhraseCount => _matcher.PatternCount;
    public int StateCount => _matcher.StateCount;
    internal PhraseMatcher Matcher => _matcher;

    /// <summary>Marks an entry as the school's own name or alias rather than a roster person.</summary>
    private const int SchoolAlias = -2;

    private ScreeningEngine(SchoolProfile school, IReadOnlyList<Person> roster, IEnumerable<string> categoryIds, ScreeningOptions options)
    {
        _school = school;
        _people = roster.ToArray();
        _enabled = new HashSet<string>(categoryIds, StringComparer.Ordinal) { Categories.SafeguardingConcern };
        _model = options.Model;
        _categoryModel = options.CategoryModel;
        if (_categoryModel is { } cm)
        {
            _categoryModelIds = cm.Categories.Select(id => Categories.Find(id)?.Id ?? id).ToArray();
            _categoryModelReasons = _categoryModelIds.Select(id => $"worded like the posts labelled {Categories.Find(id)?.Title.ToLowerInvariant() ?? id} at other schools (the category model, not a rule): a person should check").ToArray();
        }
        if (options.SafeguardingModel is { } sg && (sg.Categories.Count != 1 || sg.Categories[0] != Categories.SafeguardingConcern))
            throw new ArgumentException($"the safeguarding model must have the one category {Categories.SafeguardingConcern}, not {string.Join(", ", sg.Categories)}", nameof(options));
        _safeguardingModel = options.SafeguardingModel;
        _schoolModels = CategoryModel.Joint.Of(_categoryModel, _safeguardingModel);
        _own = options.OwnCategories.ToArray();
        var known = Categories.All.Select(c => (c.Id, c.Severity)).Concat(_own.Select(o => (o.Category.Id, o.Category.Severity)))
            .DistinctBy(k => k.Item1, StringComparer.Ordinal).ToArray();
        _knownIds = known.Select(k => k.Item1).ToArray();
        _knownSeverity = known.Select(k => k.Item2).ToArray();
        _knownEnabled = _knownIds.Select(_enabled.Contains).ToArray();
        var lex = options.Lexicons ?? Lexicons.Default;
        _commonWords = lex.CommonWords as HashSet<string> ?? new HashSet<string>(lex.CommonWords, StringComparer.Ordinal);
        // Given names that are no common word: "Ashley", "Cheryl", "Ricky" (not "Will", "Bob", "Lucky", "Hi").
        _givenNames = new HashSet<string>(lex.GivenNames.Where(g => !lex.CommonWords.Contains(g)), StringComparer.Ordinal);

        var builder = new PatternBuilder();
        foreach (var (cue, phrase) in lex.Cues) builder.AddWithDialect(phrase, new Entry(cue, -1, default, false, phrase), lex.CommonWords);
        // "Fury" of "tyson fury": the celebrity's surname on its own (see KnownSurname); the entry keeps the full name.
        foreach (var (cue, phrase) in lex.Cues)
            if (cue == Cue.KnownName && phrase.IndexOf(' ') is var space and > 0 && phrase.IndexOf(' ', space + 1) < 0 && phrase.Length - space > 3 && !phrase.Contains('\''))
                builder.Add(phrase[(space + 1)..], new Entry(Cue.KnownSurname, -1, default, false, phrase));
        foreach (var word in lex.Profanity) builder.Add(word, new Entry(Cue.Profanity, -1, default, false, word));
        for (var o = 0; o < _own.Length; o++)
            foreach (var phrase in _own[o].Phrases) builder.Add(phrase, new Entry(Cue.Own, o, default, false, phrase));
        foreach (var alias in school.Aliases.Append(school.Name).Concat(ShortNames(school.Name)))
        {
            builder.Add(alias, new Entry(Cue.SchoolRef, SchoolAlias, default, false, alias));
            var folded = Fold(alias);
            if (folded.Contains(' ')) builder.Add(folded.Replace(" ", "").Replace("'", ""), new Entry(Cue.SchoolRef, SchoolAlias, default, false, alias));
        }

        var titled = new List<(string, int)>();
        for (var p = 0; p < _people.Length; p++)
        {
            var person = _people[p];
            var first = Fold(person.FirstName);
            var last = Fold(person.LastName);
            var pref = person.PreferredName is { Length: > 0 } pn ? Fold(pn) : null;
            bool Ordinary(string w) => !w.Contains(' ') && lex.CommonWords.Contains(w);
            void Name(string phrase, NameForm form) => builder.Add(phrase, new Entry(Cue.Name, p, form, form is NameForm.First or NameForm.Preferred or NameForm.Surname && Ordinary(phrase), phrase));

            Name(first + " " + last, NameForm.Full);
            if (pref is not null) Name(pref + " " + last, NameForm.Full);
            Name(first, NameForm.First);
            if (pref is not null) Name(pref, NameForm.Preferred);
            Name(last, NameForm.Surname);
            // The school's own job titles ("Family Support Worker", "Head of KS2") name the holder as surely
            // as the generic roles in the cue list.
            if (person.Kind is PersonKind.Staff or PersonKind.Governor && person.Role is { Length: > 0 } role)
                foreach (var part in role.Split([" and ", "/", ",", "&", "("], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (part.Length > 2 && !part.StartsWith("Parent", StringComparison.OrdinalIgnoreCase))
                        builder.Add(part.TrimEnd(')'), new Entry(Cue.Role, -1, default, false, part));
            if (person.Kind == PersonKind.Pupil)
            {
                Name(first + " " + last[0], NameForm.FirstInitial);
                if (pref is not null) Name(pref + " " + last[0], NameForm.FirstInitial);
            }
            else
            {
                // "Mr Pryce", "Rev Sarah" are a Title cue followed by the surname or first name, resolved
                // when mentions are read; only "Mrs H" needs its own phrase, as one letter is no name.
                var own = Fold(person.Title ?? "");
                foreach (var title in own is "mr" or "" or "dr" or "rev" ? [own.Length == 0 ? "mr" : own] : FemaleTitles)
                    Name(title + " " + last[0], NameForm.TitleInitial);
                titled.Add((last, p));
            }
        }
        _titled = titled.ToArray();
        _reasons = BuildReasons();
        _titledByFirst = new FuzzyCandidate[26 * FuzzyLengths][];
        _titledByLast = new FuzzyCandidate[26 * FuzzyLengths][];
        static FuzzyCandidate Candidate((string Surname, int Person) t) => new(t.Surname, t.Person, t.Surname.Length, Letters(t.Surname));
        for (var c = 0; c < 26; c++)
            for (var len = 0; len < FuzzyLengths; len++)
            {
                var letter = (char)('a' + c);
                var l = len;
                _titledByFirst[c * FuzzyLengths + len] = _titled.Where(t => t.Surname.Length >= 4 && LengthBucket(t.Surname.Length) == l && t.Surname[0] == letter).Select(Candidate).ToArray();
                _titledByLast[c * FuzzyLengths + len] = _titled.Where(t => t.Surname.Length >= 4 && LengthBucket(t.Surname.Length) == l && t.Surname[^1] == letter && t.Surname[0] != letter).Select(Candidate).ToArray();
            }

        AddRuleWords(builder);
        (_matcher, _entries, _patternEntryStart, _patternEntries) = builder.Build();
        (_patternWordIndex, _wordLists) = builder.PatternWords();
        _refs = new EntryRef[_patternEntries.Length];
        for (var k = 0; k < _refs.Length; k++)
        {
            var e = _entries[_patternEntries[k]];
            _refs[k] = new EntryRef(_patternEntries[k], e.Person, e.Cue, e.Form, e.Cue == Cue.Name ? _people[e.Person].Kind : default, e.Ordinary);
        }

        // Masked words ("f**k", "p*ki") are resolved against single words of the offensive lists: first the
        // swear words a UK parent most often masks (so "c***s" is the obscene word, not a rarer slur of that
        // shape), then the most serious kind first, so "n*****" reads as the slur it is meant to be.
        var mask = new List<(string Word, Cue Cue)>();
        foreach (var (cue, phrase) in lex.Cues)
            if (cue is Cue.RacialSlur or Cue.Sexual or Cue.GrossObscene or Cue.Insult) mask.Add((Fold(phrase), cue));
        foreach (var w in lex.Profanity) mask.Add((w, Cue.Profanity));
        var ordered = mask.Where(m => m.Word.Length >= 3 && m.Word.All(char.IsAsciiLetterLower))
            .DistinctBy(m => m.Word)
            .OrderBy(m => CommonMaskReading(m.Word)).ThenBy(m => MaskRank(m.Cue)).ThenByDescending(m => m.Word.Length).ThenBy(m => m.Word, StringComparer.Ordinal)
            .ToArray();
        _maskWords = ordered.Select(m => m.Word).ToArray();
        _maskWordsByLength = new int[MaxMaskedLength + 1][];
        for (var len = 0; len <= MaxMaskedLength; len++)
            _maskWordsByLength[len] = Enumerable.Range(0, _maskWords.Length).Where(w => _maskWords[w].Length == len).ToArray();
    }

    /// <summary>The per-category model's scores, then the safeguarding model's: one look-up a word for both.</summary>
    private void SchoolModelScores(ReadOnlySpan<int> buckets, Span<float> categories, Span<float> safeguarding)
    {
        if (_schoolModels is { } joint)
        {
            Span<float> z = stackalloc float[joint.Scores];
            joint.Logits(buckets, z);
            var k = _categoryModel?.Categories.Count ?? 0;
            z[..k].CopyTo(categories);
            if (_safeguardingModel is not null) safeguarding[0] = z[k];
            return;
        }
        _categoryModel?.Logits(buckets, categories);
        _safeguardingModel?.Logits(buckets, safeguarding);
    }

    /// <summary>The words behind a school model's scores, from the table the scores were read from.</summary>
    private void Strongest(CategoryModel model, ReadOnlySpan<char> folded, ulong categories, Span<(int Start, int End)> spans)
    {
        if (_schoolModels is { } joint) joint.Strongest(model, folded, categories, spans);
        else model.Strongest(folded, categories, spans);
    }

    private static readonly HashSet<string> SchoolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ce", "c of e", "cofe", "church", "of", "england", "rc", "catholic", "roman", "primary", "school", "academy", "infant", "infants",
        "junior", "juniors", "community", "lower", "middle", "upper", "first", "free", "trust", "voluntary", "aided", "controlled", "and", "nursery", "methodist",
    };

    /// <summary>What parents call a school when they drop the type words: "St Aidan's CE Primary School" is "St Aidan's".</summary>
    internal static IEnumerable<string> ShortNames(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = new List<string>();
        foreach (var w in words)
        {
            if (SchoolWords.Contains(w)) break;
            keep.Add(w);
        }
        if (keep.Count > 0 && keep.Count < words.Length && !(keep.Count == 1 && keep[0].Length <= 3)) yield return string.Join(' ', keep);
    }

    internal const int FuzzyLengths = 32;

    internal static int LengthBucket(int length) => Math.Min(length, FuzzyLengths - 1);

    /// <summary>The swear words most often masked in UK parents' posts, most common first: a mask that fits one
    /// of them reads as it. Only words whose shape, once masked, also fits a slur are listed where it matters
    /// ("c***" is this word far more often than the slur of the same shape); "p*ki" shows its letters.</summary>
    private static readonly string[] CommonMaskReadings = ["fuck", "fucking", "fucked", "fucker", "shit", "cunt", "twat", "wanker", "bitch", "bastard", "dick", "cock", "arse", "arsehole", "bollocks", "slag", "slut", "tosser"];

    private static int CommonMaskReading(string word)
    {
        var i = Array.IndexOf(CommonMaskReadings, word);
        return i < 0 ? CommonMaskReadings.Length : i;
    }

    private static readonly string[] FemaleTitles = ["mrs", "miss", "ms"];

    private static int MaskRank(Cue c) => c switch { Cue.RacialSlur => 0, Cue.GrossObscene => 1, Cue.Sexual => 2, Cue.Insult => 3, _ => 4 };

    /// <summary>Builds the screening for one school. <paramref name="categoryIds"/> are the pack's categories;
    /// safeguarding-concern is always added.</summary>
    public static ScreeningEngine Build(SchoolProfile school, IReadOnlyList<Person> roster, IEnumerable<string> categoryIds, ScreeningOptions? options = null)
        => new(school, roster, categoryIds, options ?? new ScreeningOptions());

    /// <summary>Folds a phrase exactly as post text is folded, so lexicon entries and text compare directly.</summary>
    internal static string Fold(string phrase)
    {
        var n = new NormalizedText();
        n.Normalize(phrase);
        return new string(n.Chars, 1, Math.Max(0, n.Length - 2)).Trim();
    }

    /// <summary>
    /// What the scan needs of a pattern, carried by each of its matches (<see cref="PhraseMatcher.Match.Tag"/>):
    /// bits 0-7 its rule-word lists (<see cref="_patternWordIndex"/>); bits 8-11 how many entries it has, 15
    /// for "look them up in <see cref="_patternEntryStart"/>"; bits 12-31 where they start in
    /// <see cref="_patternEntries"/>; and when its only entry is no name (most cue phrases), bit 63 set with the
    /// cue in bits 56-62 and the entry in bits 32-55, so the hit is made without reading <see cref="_refs"/>.
    /// The tables stay the truth; the tag only saves reading them at random places for every match.
    /// </summary>
    private static ulong MatchTag(byte wordIndex, int entryStart, List<int> entries, List<Entry> all)
    {
        ulong tag = wordIndex;
        if (entries.Count < TagManyEntries && entryStart < 1 << 20) tag |= (ulong)entries.Count << 8 | (ulong)entryStart << 12;
        else tag |= (ulong)TagManyEntries << 8;
        if (entries.Count == 1 && all[entries[0]].Cue is var cue && cue != Cue.Name && (int)cue < 128 && entries[0] < 1 << 24)
            tag |= 1UL << 63 | (ulong)cue << 56 | (ulong)entries[0] << 32;
        return tag;
    }

    private const int TagManyEntries = 15;

    private sealed class PatternBuilder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _patterns = [];
        private readonly List<PhraseMatcher.PhraseFlags> _flags = [];
        private readonly List<List<int>> _patternEntries = [];
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<int, RuleWord> _words = [];

        /// <summary>A single folded word the rules look for (<see cref="RuleWord"/>): a pattern with no entry,
        /// so it never becomes a hit, only a word of the post with its lists. No apostrophe-less twin: the
        /// rules compare exact words.</summary>
        public void AddWord(string word, RuleWord lists)
        {
            foreach (var ch in word) if (PhraseMatcher.SymbolOf(ch) == 0 || ch is ' ' or '*') return;
            if (!_ids.TryGetValue(word, out var pid))
            {
                pid = _patterns.Count;
                _ids[word] = pid;
                _patterns.Add(word);
                _flags.Add(PhraseMatcher.PhraseFlags.AllowS);
                _patternEntries.Add([]);
            }
            _words[pid] = _words.GetValueOrDefault(pid) | lists;
        }

        public (byte[] Index, RuleWord[] Lists) PatternWords()
        {
            var lists = new List<RuleWord> { RuleWord.None };
            var index = new byte[_patterns.Count];
            foreach (var (pid, l) in _words)
            {
                var at = lists.IndexOf(l);
                if (at < 0) { at = lists.Count; lists.Add(l); }
                index[pid] = checked((byte)at);
            }
            return (index, lists.ToArray());
        }
        private static readonly HashSet<string> ApostropheStop = ["ill", "well", "shell", "hell", "were", "id", "wed", "its", "shed", "hed", "wont", "cant", "lets", "whore"];

        public void Add(string phrase, Entry entry) => AddFolded(phrase, entry, null);

        /// <summary>A cue phrase and its dialect and slang spellings (<see cref="DialectWords"/>), all under one
        /// entry, so a rule sees the standard phrase: "fiddlin" is "fiddling", "me son" is "my son", "your mam"
        /// is "your mum".</summary>
        public void AddWithDialect(string phrase, Entry entry, IReadOnlySet<string> common) => AddFolded(phrase, entry, common);

        private void AddFolded(string phrase, Entry entry, IReadOnlySet<string>? common)
        {
            var folded = Fold(phrase);
            var prefix = folded.EndsWith('*');
            if (prefix) folded = folded.TrimEnd('*', ' ');
            if (folded.Length == 0 || folded.Contains('*')) return;
            foreach (var ch in folded) if (PhraseMatcher.SymbolOf(ch) == 0) return;
            var id = _entries.Count;
            _entries.Add(entry);
            AddSpelling(folded, prefix, id);
            if (common is null) return;
            foreach (var variant in DialectVariants(folded, prefix, common)) _dialect.Add((variant, prefix, id));
        }

        /// <summary>Dialect spellings wait until every cue phrase is in, so a spelling that is itself a cue of the
        /// same kind ("wanna die" beside "want to die") adds no second hit of that kind at the same place.</summary>
        private readonly List<(string Spelling, bool Prefix, int Entry)> _dialect = [];

        private void AddDialectSpellings()
        {
            foreach (var (spelling, prefix, id) in _dialect)
            {
                if (_ids.TryGetValue(prefix ? spelling + "*" : spelling, out var pid) && _patternEntries[pid].Exists(e => _entries[e].Cue == _entries[id].Cue)) continue;
                AddSpelling(spelling, prefix, id);
            }
            _dialect.Clear();
        }

        private void AddSpelling(string folded, bool prefix, int id)
        {
            AddPattern(folded, prefix, id);
            if (folded.Contains('\''))
            {
                var bare = folded.Replace("'", "");
                if (bare.Length > 0 && !ApostropheStop.Contains(bare)) AddPattern(bare, prefix, id);
            }
        }

        /// <summary>Whole-word spellings of dialect and slang writers for words the cue lists use, inside phrases
        /// of two words or more: "my" is "me" before another word (Liverpool, the North East, the Midlands), "mum" is
        /// "mam", the police are "the feds" or "the bizzies", text speak's "ur", "u", "em", "ppl" and dialect "ya",
        /// "yer" ("go back to ur own country", "watch ya back", "send em back"), and the North East's "bairn" and Scotland's
        /// "wean" for a child ("keep your bairns away"), the North's "nowt", "owt", "summat" ("they did nowt"). A dropped g (<see cref="DialectVariants"/>) is general and needs no entry here.</summary>
        private static readonly Dictionary<string, string[]> DialectWords = new(StringComparer.Ordinal)
        {
            ["my"] = ["me"],
            ["mum"] = ["mam"],
            ["mum's"] = ["mam's"],
            ["police"] = ["feds", "bizzies"],
            ["your"] = ["ur", "ya", "yer"],
            ["you"] = ["u", "ya"],
            ["yourself"] = ["urself", "yaself"],
            ["you're"] = ["ur"],
            ["them"] = ["em"],
            ["people"] = ["ppl"],
            ["kid"] = ["bairn", "wean"],
            ["kids"] = ["bairns", "weans"],
            ["child"] = ["bairn", "wean"],
            ["children"] = ["bairns", "weans"],
            ["nothing"] = ["nowt"],
            ["anything"] = ["owt"],
            ["something"] = ["summat"],
        };

        /// <summary>The spellings of a folded cue phrase with one or more words swapped for their dialect forms:
        /// a word of six letters or more ending in "ing" also as "in" ("fiddling" as "fiddlin", "covering up" as
        /// "coverin up"; not where the short form is an ordinary word: "cousin", "robin"), and the
        /// <see cref="DialectWords"/> ("me" only before another word of the phrase, so "give it to my" stays).
        /// At most eight spellings per phrase; the last word of a prefix phrase is left as it is.</summary>
        private static List<string> DialectVariants(string folded, bool prefix, IReadOnlySet<string> common)
        {
            var words = folded.Split(' ');
            var spellings = new List<string> { "" };
            var changed = false;
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i];
                var alternatives = new List<string> { w };
                var last = i == words.Length - 1;
                if (!(prefix && last))
                {
                    if (w.Length >= 6 && w.EndsWith("ing", StringComparison.Ordinal) && w.IndexOf('\'') < 0 && !common.Contains(w[..^1]))
                        alternatives.Add(w[..^1]);
                    if (words.Length > 1 && DialectWords.TryGetValue(w, out var forms) && !(w == "my" && last)) alternatives.AddRange(forms);
                }
                changed |= alternatives.Count > 1;
                var next = new List<string>();
                foreach (var s in spellings)
                    foreach (var a in alternatives)
                        if (next.Count < 9) next.Add(s.Length == 0 ? a : s + " " + a);
                spellings = next;
            }
            if (!changed) return [];
            spellings.RemoveAll(s => s == folded);
            return spellings;
        }

        private void AddPattern(string folded, bool prefix, int entry)
        {
            var key = prefix ? folded + "*" : folded;
            if (!_ids.TryGetValue(key, out var pid))
            {
                pid = _patterns.Count;
                _ids[key] = pid;
                _patterns.Add(folded);
                _flags.Add(prefix ? PhraseMatcher.PhraseFlags.Prefix : PhraseMatcher.PhraseFlags.AllowS);
                _patternEntries.Add([]);
            }
            if (!_patternEntries[pid].Contains(entry)) _patternEntries[pid].Add(entry);
        }

        public (PhraseMatcher, Entry[], int[], int[]) Build()
        {
            AddDialectSpellings();
            var start = new int[_patterns.Count + 1];
            var flat = new List<int>();
            for (var p = 0; p < _patterns.Count; p++)
            {
                start[p] = flat.Count;
                flat.AddRange(_patternEntries[p]);
            }
            start[_patterns.Count] = flat.Count;
            var (wordIndex, _) = PatternWords();
            var tags = new ulong[_patterns.Count];
            for (var p = 0; p < _patterns.Count; p++)
                tags[p] = MatchTag(wordIndex[p], start[p], _patternEntries[p], _entries);
            return (new PhraseMatcher(_patterns, _flags, tags), _entries.ToArray(), start, flat.ToArray());
        }
    }
}
