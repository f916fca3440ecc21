using System.Numerics;
using Courtesy.Schools;

namespace Courtesy.Screening;

public sealed partial class ScreeningEngine
{
    internal struct Hit
    {
        public Cue Cue;
        public int Entry;
        public int Start;
        public int End;
        public int Sentence;
        public bool Suffixed;
        /// <summary>Original span, set for emoji whose folded form is only a space.</summary>
        public int EmojiStart;
        public int EmojiLength;
    }

    internal struct Mention
    {
        public MentionKind Kind;
        public NameForm Form;
        public int Person;
        public int Start;
        public int End;
        public int Sentence;
        public bool Fuzzy;
    }

    /// <summary>Per-thread working memory: grown on demand, reused for every post.</summary>
    internal sealed class Scratch
    {
        public readonly NormalizedText Norm = new();
        public PhraseMatcher.Match[] Matches = new PhraseMatcher.Match[64];
        public Hit[] Hits = new Hit[64];
        public int HitCount;
        public Mention[] Mentions = new Mention[16];
        public int MentionCount;
        public PhraseMatcher.Match[] Names = new PhraseMatcher.Match[32];
        public int NameCount;
        public ulong CuesLo, CuesHi;
        /// <summary>Which cues occur in each sentence, so "is there a pronoun in this sentence" is one bit test.</summary>
        public ulong[] SentLo = new ulong[16], SentHi = new ulong[16];
        public object? Collector;
        /// <summary>The post's words that are in some rule-word list, with the lists, in text order (<see cref="AddRuleWords"/>).</summary>
        public int[] WordStart = new int[64], WordEnd = new int[64];
        public RuleWord[] WordBits = new RuleWord[64];
        public int WordCount;
        public RuleWord AllWords;
        /// <summary>0 not yet known, 1 no surrogate in the original text, 2 some (<see cref="MayHaveEmoji"/>).</summary>
        public byte EmojiState;

        public bool InSentence(Cue c, int sentence) =>
            (int)c < 64 ? (SentLo[sentence] & (1UL << (int)c)) != 0 : (SentHi[sentence] & (1UL << ((int)c - 64))) != 0;
        public string Text = "";

        public bool Has(Cue c) => (int)c < 64 ? (CuesLo & (1UL << (int)c)) != 0 : (CuesHi & (1UL << ((int)c - 64))) != 0;

        public void Mark(Cue c)
        {
            if ((int)c < 64) CuesLo |= 1UL << (int)c; else CuesHi |= 1UL << ((int)c - 64);
        }

        public bool Full;

        public void AddHit(in Hit h)
        {
            if (HitCount >= MaxHits) { Full = true; return; }
            if (HitCount == Hits.Length) Array.Resize(ref Hits, HitCount * 2);
            Hits[HitCount++] = h;
            Mark(h.Cue);
        }

        public void AddMention(in Mention m)
        {
            if (MentionCount == Mentions.Length) Array.Resize(ref Mentions, MentionCount * 2);
            Mentions[MentionCount++] = m;
        }
    }

    [ThreadStatic] private static Scratch? _scratch;

    /// <summary>Detectors compare hits with each other, so their number is capped to keep one post's
    /// cost bounded; a real post has tens. Past the cap the rest of the text is still folded but not read.</summary>
    internal const int MaxHits = 2048;
    internal const int MaxNames = 512;
    /// <summary>Masked words resolved per post; each costs a pass over the offensive words of the lengths that could fit it.</summary>
    private const int MaxMaskedWords = 64;
    /// <summary>A longer token is no masked word.</summary>
    private const int MaxMaskedLength = 24;

    /// <summary>Folds, resolves masks, runs the automaton and turns matches into cue hits and roster mentions.</summary>
    private Scratch Scan(Post post)
    {
        var s = _scratch ??= new Scratch();
        s.Text = post.Text ?? "";
        s.HitCount = 0; s.MentionCount = 0; s.NameCount = 0; s.CuesLo = 0; s.CuesHi = 0; s.Full = false; s.WordCount = 0; s.AllWords = RuleWord.None; s.EmojiState = 0;
        var n = s.Norm;
        n.Normalize(s.Text);
        if (n.MaskCount > 0) Unmask(n);
        var text = n.Chars.AsSpan(0, n.Length);
        var count = _matcher.Scan(text, ref s.Matches, 0);
        var matches = s.Matches;
        var refs = _refs;
        for (var i = 0; i < count; i++)
        {
            var m = matches[i];
            // The pattern's lists and entries come with the match (MatchTag), not from tables read per match.
            var tag = m.Tag;
            var word = (int)(tag & 0xFF);
            if (word != 0 && !m.Suffixed) KeyWord(s, m.Start, m.End, _wordLists[word]);
            if ((long)tag < 0)
            {
                s.AddHit(new Hit { Cue = (Cue)(tag >> 56 & 0x7F), Entry = (int)(tag >> 32 & 0xFFFFFF), Start = m.Start, End = m.End, Suffixed = m.Suffixed });
                continue;
            }
            var entries = (int)(tag >> 8 & 0xF);
            int from, to;
            if (entries == TagManyEntries) { from = _patternEntryStart[m.Pattern]; to = _patternEntryStart[m.Pattern + 1]; }
            else { from = (int)(tag >> 12 & 0xFFFFF); to = from + entries; }
            for (var k = from; k < to; k++)
            {
                var cue = refs[k].Cue;
                if (cue == Cue.Name)
                {
                    if (s.NameCount >= MaxNames) { s.Full = true; continue; }
                    if (s.NameCount == s.Names.Length) Array.Resize(ref s.Names, s.NameCount * 2);
                    // The index into _refs, not the entry id: resolution then reads nothing else.
                    s.Names[s.NameCount++] = new PhraseMatcher.Match(k, m.Start, m.End, m.Suffixed);
                }
                else s.AddHit(new Hit { Cue = cue, Entry = refs[k].Entry, Start = m.Start, End = m.End, Suffixed = m.Suffixed });
            }
        }
        for (var i = 0; i < n.EmojiCount; i++)
        {
            var e = n.Emoji[i];
            s.AddHit(new Hit { Cue = e.Cue, Entry = -1, Start = e.NormPos, End = e.NormPos + 1, EmojiStart = e.OrigStart, EmojiLength = e.OrigLength });
        }
        // Matches arrive ordered by end; detectors read them by start.
        for (var i = 1; i < s.HitCount; i++)
        {
            var h = s.Hits[i];
            var j = i - 1;
            while (j >= 0 && s.Hits[j].Start > h.Start) { s.Hits[j + 1] = s.Hits[j]; j--; }
            s.Hits[j + 1] = h;
        }
        if (s.SentLo.Length < n.SentenceCount)
        {
            s.SentLo = new ulong[n.SentenceCount * 2];
            s.SentHi = new ulong[n.SentenceCount * 2];
        }
        Array.Clear(s.SentLo, 0, n.SentenceCount);
        Array.Clear(s.SentHi, 0, n.SentenceCount);
        var sentence = 0;
        for (var i = 0; i < s.HitCount; i++)
        {
            while (sentence + 1 < n.SentenceCount && n.SentenceStart[sentence + 1] <= s.Hits[i].Start) sentence++;
            s.Hits[i].Sentence = sentence;
            var c = (int)s.Hits[i].Cue;
            if (c < 64) s.SentLo[sentence] |= 1UL << c; else s.SentHi[sentence] |= 1UL << (c - 64);
        }
        ResolveMentions(s, post);
        return s;
    }

    /// <summary>Rewrites a masked word in place with the offensive word it hides ("c**t", "sh*gging",
    /// "p*lacks"), when the letters shown fit exactly one reading, so phrases around it match too.</summary>
    private void Unmask(NormalizedText n)
    {
        var c = n.Chars;
        var i = 1;
        var resolved = 0;
        while (i < n.Length && resolved < MaxMaskedWords)
        {
            // Only words with a mask in them count, so go from one mask to the next.
            var mask = c.AsSpan(i, n.Length - i).IndexOf('*');
            if (mask < 0) break;
            var ws = i + mask;
            while (ws > 1 && c[ws - 1] != ' ') ws--;
            i = ws;
            var masks = 0;
            var letters = 0;
            while (i < n.Length && c[i] != ' ')
            {
                if (c[i] == '*') masks++; else if (char.IsAsciiLetterLower(c[i])) letters++;
                i++;
            }
            if (letters == 0 || c[ws] == '*' && letters < 2 || i - ws > MaxMaskedLength) continue;
            resolved++;
            var token = c.AsSpan(ws, i - ws);
            // The first word in reading order that fits: the token less one of the endings is its length.
            var best = int.MaxValue;
            foreach (var suffix in MaskSuffixes)
            {
                var length = token.Length - suffix.Length;
                if (length < 0 || !token[length..].SequenceEqual(suffix)) continue;
                foreach (var w in _maskWordsByLength[length])
                {
                    if (w >= best) break;
                    if (FitsMask(token, _maskWords[w])) { best = w; break; }
                }
            }
            if (best != int.MaxValue) _maskWords[best].AsSpan().CopyTo(token);
        }
    }

    private static readonly string[] MaskSuffixes = ["", "s", "es", "ed", "er", "ers", "ing", "ging", "ged", "y", "head", "heads", "hole", "holes", "ish"];

    private static bool FitsMask(ReadOnlySpan<char> token, string word)
    {
        var masked = false;
        for (var k = 0; k < word.Length; k++)
        {
            if (token[k] == '*') { masked = true; continue; }
            if (token[k] != word[k]) return false;
        }
        if (!masked) return false;
        var rest = token[word.Length..];
        if (rest.Contains('*')) return false;
        foreach (var suffix in MaskSuffixes)
            if (rest.SequenceEqual(suffix)) return true;
        return false;
    }

    // ----- words around a position in the folded text -----

    private static (int Start, int End) PrevWord(NormalizedText n, int start)
    {
        var i = start - 1;
        while (i > 0 && n.Chars[i] == ' ') i--;
        if (i <= 0) return (-1, -1);
        var end = i + 1;
        while (i > 0 && n.Chars[i - 1] != ' ') i--;
        return (i, end);
    }

    /// <summary>The word after <paramref name="end"/>, or (-1, -1); after no word ((-1, -1) passed on) there is none.</summary>
    private static (int Start, int End) NextWord(NormalizedText n, int end)
    {
        if (end < 0) return (-1, -1);
        var i = end;
        while (i < n.Length && n.Chars[i] == ' ') i++;
        if (i >= n.Length) return (-1, -1);
        var start = i;
        while (i < n.Length && n.Chars[i] != ' ') i++;
        return (start, i);
    }

    private static bool WordIs(NormalizedText n, (int Start, int End) w, string word) =>
        w.Start >= 0 && n.Chars.AsSpan(w.Start, w.End - w.Start).SequenceEqual(word);

    private static bool IsCapitalized(Scratch s, int normPos)
    {
        var o = s.Norm.OrigStart[normPos];
        return o < s.Text.Length && char.IsUpper(s.Text[o]);
    }

    private static int SentenceOf(NormalizedText n, int pos)
    {
        int lo = 0, hi = n.SentenceCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (n.SentenceStart[mid] <= pos) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static bool IsSentenceInitial(NormalizedText n, int start)
    {
        var from = n.SentenceStart[SentenceOf(n, start)];
        for (var i = from; i < start; i++)
            if (n.Chars[i] != ' ') return false;
        return true;
    }

    /// <summary>Whether a hit of <paramref name="cue"/> starts at the word: a binary search, hits being sorted by start.</summary>
    /// <summary>"my son Kai", "me grandson Archie", "our daughter Lacey", "our Lacey": the poster names the child as their own
    /// family (an <see cref="Cue.OwnChild"/> phrase ending on the word just before the name), which is no breach even
    /// when the post carries no author_is_parent_of.</summary>
    private static bool OwnChildJustBefore(Scratch s, int start)
    {
        var n = s.Norm;
        var p1 = PrevWord(n, start);
        if (p1.Start < 0) return false;
        // "our Tommy came home buzzing": in the North and Merseyside (and in most parents' posts) "our" before a
        // first name is the poster's own family.
        if (WordIs(n, p1, "our")) return true;
        if (!s.Has(Cue.OwnChild)) return false;
        var p2 = PrevWord(n, p1.Start);
        for (var i = 0; i < s.HitCount; i++)
        {
            ref readonly var h = ref s.Hits[i];
            if (h.Cue == Cue.OwnChild && h.End == p1.End && (h.Start == p1.Start || h.Start == p2.Start)) return true;
        }
        return false;
    }

    private static bool HitAt(Scratch s, Cue cue, (int Start, int End) word)
    {
        if (word.Start < 0 || !s.Has(cue)) return false;
        int lo = 0, hi = s.HitCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (s.Hits[mid].Start < word.Start) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < s.HitCount && s.Hits[i].Start == word.Start; i++)
            if (s.Hits[i].Cue == cue) return true;
        return false;
    }

    /// <summary>An ordinary-word name (Hope, Will, Rose, Mark) counts only where it is used as a name:
    /// capitalised mid-sentence and not the start of a longer proper noun ("Rose Lane"), with a
    /// possessive ("Will's"), after "my", "our", "that", or before "kid" or a year group.</summary>
    private bool NamingContext(Scratch s, int start, int end, bool suffixed)
    {
        var n = s.Norm;
        var capital = IsCapitalized(s, start);
        var next = NextWord(n, end);
        var prev = PrevWord(n, start);
        if (next.Start >= 0 && (HitAt(s, Cue.PupilNoun, next) || (WordIs(n, next, "in") || WordIs(n, next, "from")) && HitAt(s, Cue.YearGroup, NextWord(n, next.End))))
            return true;
        if (!capital) return false;
        // "Will's mum", "Hunter's been at it again"; at a sentence start, where every word has its capital, "Hunter's
        // moon", "River's right up over the path" and "Roses are red" are the words.
        if (suffixed) return !IsSentenceInitial(n, start) || PersonAfterPossessive(s, next);
        if (prev.Start >= 0 && HitAt(s, Cue.NamingDeterminer, prev)) return true;
        if (IsSentenceInitial(n, start)) return PersonPredicateFollows(s, start, end);
        if (next.Start >= 0 && IsCapitalized(s, next.Start)) return false;
        if (prev.Start >= 0 && (WordIs(n, prev, "the") || WordIs(n, prev, "a"))) return false;
        // Months, seasons and days are capitalised anyway ("in June", "this Summer"): they need one of the stronger signs above.
        if (Calendar.GetAlternateLookup<ReadOnlySpan<char>>().Contains(n.Chars.AsSpan(start, end - start))) return false;
        return true;
    }

    /// <summary>After a sentence-initial "Name's": a relative or a person ("Hunter's mum", "Will's mate"), or
    /// "been", "got", "always", "never" of what a person does ("River's been picking on").</summary>
    private static bool PersonAfterPossessive(Scratch s, (int Start, int End) next)
    {
        if (next.Start < 0) return false;
        var n = s.Norm;
        return InList(n, next, RuleWord.Relative) || HitAt(s, Cue.PupilNoun, next) || HitAt(s, Cue.PersonNoun, next) || HitAt(s, Cue.AdultNoun, next)
            || WordIs(n, next, "been") || WordIs(n, next, "got") || WordIs(n, next, "always") || WordIs(n, next, "never") || WordIs(n, next, "constantly") || WordIs(n, next, "gone");
    }

    /// <summary>"Marley & Me", "Frankie & Benny's": a first name joined by "&" or "and" to a capitalised "Me" or
    /// to a capitalised possessive that is no roster name is a title or a brand.</summary>
    private bool TitleOrBrandAfter(Scratch s, int end)
    {
        var n = s.Norm;
        var and = NextWord(n, end);
        if (and.Start < 0) return false;
        // Folding drops the ampersand: look for it in the original text between the two words.
        var gapFrom = n.OrigEnd[end - 1];
        var gapTo = n.OrigStart[and.Start];
        (int Start, int End) other = gapTo > gapFrom && s.Text.AsSpan(gapFrom, gapTo - gapFrom).IndexOf('&') >= 0 ? and
            : WordIs(n, and, "and") ? NextWord(n, and.End) : (-1, -1);
        if (other.Start < 0 || !IsCapitalized(s, other.Start) || NameStartsAt(s, other.Start)) return false;
        return WordIs(n, other, "me") || n.Chars.AsSpan(other.Start, other.End - other.Start).EndsWith("'s");
    }

    /// <summary>"Iris and Mercy were at it again", "Rose & Will": a capitalised name joined by "and" to another
    /// capitalised roster name is a list of people, even at a sentence start where an ordinary-word name
    /// alone is not taken as one. "Iris and lilies" joins a name to a thing and is left alone.</summary>
    private bool CoordinatedNames(Scratch s, int start, int end)
    {
        var n = s.Norm;
        if (!IsCapitalized(s, start)) return false;
        var next = NextWord(n, end);
        if (WordIs(n, next, "and") || WordIs(n, next, "&"))
        {
            var other = NextWord(n, next.End);
            if (other.Start >= 0 && IsCapitalized(s, other.Start) && NameStartsAt(s, other.Start)) return true;
        }
        var prev = PrevWord(n, start);
        if (WordIs(n, prev, "and") || WordIs(n, prev, "&"))
        {
            var other = PrevWord(n, prev.Start);
            if (other.Start >= 0 && IsCapitalized(s, other.Start) && NameStartsAt(s, other.Start)) return true;
        }
        return false;
    }

    /// <summary>Whether a roster first, preferred or full name starts at this position.</summary>
    private bool NameStartsAt(Scratch s, int pos)
    {
        for (var k = 0; k < s.NameCount; k++)
            if (s.Names[k].Start == pos && _refs[s.Names[k].Pattern].Form is NameForm.First or NameForm.Preferred or NameForm.Full) return true;
        return false;
    }

    /// <summary>"3 nights in Paris", "the Isle of Skye", "a holiday to Paris": a first name that is also a place
    /// (Paris, Skye, Brooklyn, Chelsea, Florence, India) right after "in" (not "believe in"), after "Isle of", or after
    /// "to" with a trip, holiday or flight before it, is the place. "next to Paris", "shoutout to Paris" and "in
    /// Paris's form" still name the pupil.</summary>
    private static bool IsPlaceHere(NormalizedText n, int start)
    {
        var prev = PrevWord(n, start);
        if (prev.Start < 0) return false;
        var before = PrevWord(n, prev.Start);
        if (WordIs(n, prev, "in")) return !(WordIs(n, before, "believe") || WordIs(n, before, "believes") || WordIs(n, before, "believed"));
        if (WordIs(n, prev, "of")) return WordIs(n, before, "isle");
        // "tae" is Scots for "to".
        if (!WordIs(n, prev, "to") && !WordIs(n, prev, "tae")) return false;
        return IsAny(n, before, TravelWords);
    }

    /// <summary>A pupil named after a well-known place (<see cref="Cue.PlaceName"/>: Paris, Chelsea, Florence) is the place
    /// before a trip or club word ("the Paris group", "Chelsea fans", "Chelsea away" in a post about sport), after a price ("£600 for
    /// Paris") or after "back from" ("just got back from Paris"). "Paris keeps telling", "thanks to Chelsea for" name her.</summary>
    private static bool ReadAsThePlace(Scratch s, int start, int end)
    {
        var n = s.Norm;
        var next = NextWord(n, end);
        if (IsAny(n, next, PlaceFollowers)) return true;
        // "Chelsea away at the weekend, no football club": the club, in a post about sport ("India away with flu" is not).
        if (WordIs(n, next, "away") && AnyWord(s, RuleWord.Sport)) return true;
        var prev = PrevWord(n, start);
        if (prev.Start < 0) return false;
        var before = PrevWord(n, prev.Start);
        if (WordIs(n, prev, "from")) return WordIs(n, before, "back") || WordIs(n, before, "home") || WordIs(n, before, "flew") || WordIs(n, before, "returned");
        return WordIs(n, prev, "for") && before.Start >= 0 && char.IsAsciiDigit(n.Chars[before.End - 1]);
    }

    private static readonly string[] PlaceFollowers =
    [
        "group", "groups", "residential", "exchange", "visit", "visitors", "pickup", "pick", "coach", "flight", "flights", "holiday",
        "deposit", "payment", "money", "letter", "letters", "airport", "hotel", "itinerary", "fc", "afc", "fans", "fan", "supporters", "ferry", "ferries", "abbey",
    ];

    /// <summary>A pupil's first name that names something else or someone grown up: "the Kerensa came in with hake", "down
    /// to the Shannon", "walked the Isla" (a capitalised name after "the" is a boat, a river, a pub or a house; not "the
    /// Tristan I know"), or "Kerra from the bakery", "Rhys at the garage", "julie on reception" (an adult at work).</summary>
    private static bool NamesAThing(Scratch s, int start, int end)
    {
        var n = s.Norm;
        var prev = PrevWord(n, start);
        var next = NextWord(n, end);
        if (WordIs(n, prev, "the") && IsCapitalized(s, start) && !IsAny(n, next, NotAThingAfter) && !HitAt(s, Cue.PupilNoun, next) && !HitAt(s, Cue.YearGroup, next))
            return true;
        if (!(WordIs(n, next, "from") || WordIs(n, next, "at") || WordIs(n, next, "on"))) return false;
        var w = NextWord(n, next.End);
        if (WordIs(n, w, "the")) w = NextWord(n, w.End);
        return IsAny(n, w, Workplaces);
    }

    private static readonly string[] NotAThingAfter = ["i", "we", "you", "they", "that", "who", "in", "from", "one", "lad", "girl", "boy", "kid", "child", "situation", "thing", "incident"];

    private static readonly string[] Workplaces =
    [
        "bakery", "bakers", "butchers", "garage", "post", "reception", "chippy", "pub", "cafe", "salon", "hairdressers", "barbers",
        "surgery", "pharmacy", "chemist", "chemists", "bank", "library", "coop", "spar", "newsagents", "farm", "vets",
    ];

    /// <summary>"our cat Harley", "the new puppy Romeo", "lost dog, answers to Bonnie": a name given to a pet. The pet word
    /// needs an owner or determiner before it: "ur a little snake Kian" is an insult.</summary>
    private static bool IsPetsName(NormalizedText n, int start)
    {
        var prev = PrevWord(n, start);
        if (prev.Start < 0) return false;
        if (WordIs(n, prev, "to")) return WordIs(n, PrevWord(n, prev.Start), "answers");
        // "he's named it Tristan", "we called it Bonnie".
        if (WordIs(n, prev, "it")) { var v = PrevWord(n, prev.Start); return WordIs(n, v, "named") || WordIs(n, v, "called"); }
        // "our cat Harley", "the new puppy Romeo", not "ur a little snake Kian" (an insult).
        return IsAny(n, prev, PetWords) && IsAny(n, PrevWord(n, prev.Start), PetOwners);
    }

    private static readonly string[] PetOwners = ["our", "my", "the", "their", "his", "her", "your", "new", "lost", "missing", "old", "family", "grandmas", "nans"];

    private static readonly string[] PetWords =
    [
        "cat", "kitten", "kitty", "dog", "puppy", "pup", "hamster", "rabbit", "bunny", "pony", "horse", "tortoise", "budgie",
        "parrot", "goldfish", "gerbil", "guinea", "ferret", "lizard", "cockapoo", "labrador", "spaniel", "terrier",
        "collie", "staffie", "dachshund", "poodle", "pug", "retriever",
    ];

    private static readonly string[] TravelWords = ["trip", "trips", "holiday", "holidays", "flight", "flights", "fly", "flew", "flying", "moved", "moving", "visit", "visiting", "coach", "ferry", "train", "been"];

    /// <summary>"Rowan berries", "Holly bush", "Rose garden": a name used as the plant or thing before the noun
    /// it modifies is no person.</summary>
    private static readonly string[] ModifiedNouns = ["berries", "berry", "tree", "trees", "bush", "bushes", "hedge", "hedges", "petals", "blossom", "jam", "jelly", "bulbs", "hips", "garden", "gardens", "wood", "bark", "oil", "plant", "plants", "flower", "flowers", "bed", "beds", "tea", "trip", "trips"];

    private static readonly HashSet<string> Calendar = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "spring", "summer", "autumn", "winter", "christmas", "easter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private void ResolveMentions(Scratch s, Post post)
    {
        var n = s.Norm;
        // Longest name span first, so "Brandon Kelly" hides the "Brandon" and "Kelly" inside it.
        var names = s.Names.AsSpan(0, s.NameCount);
        // Matches arrive ordered by end, so an insertion sort has little to move.
        for (var a = 1; a < names.Length; a++)
        {
            var m = names[a];
            var b = a - 1;
            while (b >= 0 && (names[b].Start > m.Start || names[b].Start == m.Start && names[b].End < m.End)) { names[b + 1] = names[b]; b--; }
            names[b + 1] = m;
        }
        var coveredUntil = -1;
        var i = 0;
        Span<sbyte> memo = stackalloc sbyte[8 * 4];
        while (i < names.Length)
        {
            var start = names[i].Start;
            var end = names[i].End;
            var j = i;
            while (j < names.Length && names[j].Start == start && names[j].End == end) j++;
            if (start < coveredUntil) { i = j; continue; }
            var best = new Mention { Person = -1 };
            var bestRank = int.MaxValue;
            var own = false;
            // People who share a name share its context: judge each (name form, kind of person) once.
            memo.Fill(-2);
            for (var k = i; k < j; k++)
            {
                ref readonly var e = ref _refs[names[k].Pattern];
                var slot = (int)e.Form * 4 + (int)e.Kind;
                if (memo[slot] == -2)
                {
                    var judged = Accept(s, post, e, start, end, names[k].Suffixed, ownCheck: false);
                    memo[slot] = judged is { } v ? (sbyte)v : (sbyte)-1;
                }
                if (memo[slot] < 0) continue;
                var kind = (MentionKind)memo[slot];
                if (e.Kind == PersonKind.Pupil && post.AuthorIsParentOf.Count > 0
                    && (kind == MentionKind.Pupil ? IsOwnChild(post, _people[e.Person]) : kind == MentionKind.PupilFamily && FamilyIsOwn(post, _people[e.Person])))
                    kind = MentionKind.OwnPupil;
                if (kind is MentionKind.OwnPupil) own = true;
                // Pupils outrank adults on a shared first name: naming a child is what matters.
                var rank = (int)e.Form * 4 + (kind is MentionKind.Pupil or MentionKind.PupilFamily or MentionKind.OwnPupil ? 0 : 1);
                if (rank < bestRank)
                {
                    bestRank = rank;
                    best = new Mention { Kind = kind, Form = e.Form, Person = e.Person, Start = start, End = end };
                }
            }
            i = j;
            if (best.Person < 0) continue;
            if (own && best.Kind is MentionKind.Pupil or MentionKind.PupilFamily) best.Kind = MentionKind.OwnPupil;
            if (best.Kind is MentionKind.Pupil && OwnChildJustBefore(s, start)) best.Kind = MentionKind.OwnPupil;
            best.Sentence = SentenceOf(n, start);
            s.AddMention(best);
            coveredUntil = end;
        }
        if (_titled.Length > 0) FuzzyTitles(s);
    }

    private MentionKind? Accept(Scratch s, Post post, in EntryRef e, int start, int end, bool suffixed, bool ownCheck = true)
    {
        var n = s.Norm;
        var isPupil = e.Kind == PersonKind.Pupil;
        var own = ownCheck && isPupil && post.AuthorIsParentOf.Count > 0 && IsOwnChild(post, _people[e.Person]);
        var adult = e.Kind switch { PersonKind.Staff => MentionKind.Staff, PersonKind.Governor => MentionKind.Governor, _ => MentionKind.Parent };
        switch (e.Form)
        {
            case NameForm.Full:
            case NameForm.FirstInitial:
                return isPupil ? own ? MentionKind.OwnPupil : MentionKind.Pupil : adult;
            case NameForm.TitleSurname:
            case NameForm.TitleInitial:
            case NameForm.TitleFirst:
                return isPupil ? null : adult;
            case NameForm.First:
            case NameForm.Preferred:
                if (HitAt(s, Cue.Title, PrevWord(n, start))) return isPupil ? null : adult;
                if (IsSomeoneElse(s, end) || TitleOrBrandAfter(s, end)) return null;
                if (s.Has(Cue.KnownName) && InsideKnownName(s, start, end)) return null;
                if (s.Has(Cue.KnownSurname) && KnownSurnameElsewhere(s, start, end)) return null;
                if (AfterAnotherGivenName(s, start)) return null;
                if (!suffixed && InList(n, NextWord(n, end), RuleWord.Modified)) return null;
                if (!suffixed && IsPlaceHere(n, start)) return null;
                if (!suffixed && s.Has(Cue.PlaceName) && HitAt(s, Cue.PlaceName, (start, end)) && ReadAsThePlace(s, start, end)) return null;
                if (IsPetsName(n, start)) return null;
                if (isPupil && NamesAThing(s, start, end)) return null;
                if (e.Ordinary && !NamingContext(s, start, end, suffixed) && !CoordinatedNames(s, start, end)) return null;
                return isPupil ? own ? MentionKind.OwnPupil : MentionKind.Pupil : adult;
            case NameForm.Surname:
            {
                var prev = PrevWord(n, start);
                var next = NextWord(n, end);
                var determiner = WordIs(n, prev, "the") || WordIs(n, prev, "that");
                if (!isPupil && HitAt(s, Cue.Title, prev)) return adult;
                if (isPupil)
                {
                    if (!determiner) return null;
                    // "the Shaws" needs the capital; "the moss boy" is clear enough in lower case.
                    var pupilNoun = HitAt(s, Cue.PupilNoun, next);
                    if (e.Ordinary && !IsCapitalized(s, start) && !pupilNoun) return null;
                    if (suffixed || pupilNoun) return own || ownCheck && FamilyIsOwn(post, _people[e.Person]) ? MentionKind.OwnPupil : MentionKind.PupilFamily;
                    return null;
                }
                if (e.Kind == PersonKind.Parent)
                    return determiner && HitAt(s, Cue.AdultNoun, next) ? MentionKind.Parent : null;
                if (HitAt(s, Cue.Title, prev)) return adult;
                if (!e.Ordinary) return adult;
                return IsCapitalized(s, start) && !IsSentenceInitial(n, start) ? adult : null;
            }
        }
        return null;
    }

    /// <summary>"taylor swift tickets", "destiny's child on the radio", "Romeo and Juliet mock", "harley davidson bikes":
    /// a first name inside the longer full name of a celebrity, band, brand, character or title, or a set phrase
    /// (<see cref="Cue.KnownName"/>), is not the pupil. Not when another roster first name is inside the same phrase
    /// ("Ben and Holly were at it again" may be two pupils), nor when the phrase is no longer than the name (a pupil
    /// whose first name is "Mary Jane").</summary>
    private bool InsideKnownName(Scratch s, int start, int end)
    {
        for (var i = 0; i < s.HitCount && s.Hits[i].Start <= start; i++)
        {
            ref readonly var h = ref s.Hits[i];
            if (h.Cue != Cue.KnownName || h.End < end || h.End - h.Start <= end - start) continue;
            var other = false;
            for (var k = 0; k < s.NameCount && !other; k++)
            {
                var m = s.Names[k];
                other = m.Start != start && m.Start >= h.Start && m.End <= h.End && _refs[m.Pattern].Form is NameForm.First or NameForm.Preferred;
            }
            if (!other) return true;
        }
        return false;
    }

    /// <summary>"Ashley Cole", "Cheryl Cole's new song", "Ricky Martin": a pupil's capitalised first name straight after a
    /// capitalised given name that is no roster name and no common word (<see cref="Lexicons.GivenNames"/>) is that
    /// person's surname. "Romeo Cole and Billie" (a roster name before), "Lucky Cole", "Will Cole be there" (words) and
    /// "Ashley, Cole ..." (a comma between) still name the pupil.</summary>
    private bool AfterAnotherGivenName(Scratch s, int start)
    {
        if (_givenNames.Count == 0 || !IsCapitalized(s, start)) return false;
        var n = s.Norm;
        var prev = PrevWord(n, start);
        if (prev.Start < 0 || !IsCapitalized(s, prev.Start)) return false;
        var gapFrom = n.OrigEnd[prev.End - 1];
        var gapTo = n.OrigStart[start];
        if (gapTo <= gapFrom || !s.Text.AsSpan(gapFrom, gapTo - gapFrom).IsWhiteSpace()) return false;
        return _givenNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(n.Chars.AsSpan(prev.Start, prev.End - prev.Start)) && !NameStartsAt(s, prev.Start);
    }

    /// <summary>"Usyk against Fury ... Tyson wins it", "Kane scored twice, Harry's flying": a first name whose celebrity's
    /// surname (<see cref="Cue.KnownSurname"/>) stands capitalised elsewhere in the post is the celebrity. Not when that
    /// surname is a roster name or follows a title ("Mr Fury"), nor in lower case ("fury doesn't cover it").</summary>
    private bool KnownSurnameElsewhere(Scratch s, int start, int end)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref readonly var h = ref s.Hits[i];
            if (h.Cue != Cue.KnownSurname || h.Start == start || !IsCapitalized(s, h.Start) || HitAt(s, Cue.Title, PrevWord(n, h.Start))) continue;
            var phrase = _entries[h.Entry].Phrase;
            var first = phrase.IndexOf(' ');
            var token = n.Chars.AsSpan(start, end - start);
            if (!token.StartsWith(phrase.AsSpan(0, first)) || token.Length > first && !token[first..].SequenceEqual("'s") && !token[first..].SequenceEqual("s")) continue;
            var rosterWord = false;
            for (var k = 0; k < s.NameCount && !rosterWord; k++) rosterWord = s.Names[k].Start == h.Start;
            if (!rosterWord) return true;
        }
        return false;
    }

    /// <summary>"Harper Collins", "Harry Kane": a first name followed by a capitalised surname that is not
    /// this school's (full names on the roster matched earlier) is somebody else.</summary>
    private bool IsSomeoneElse(Scratch s, int end)
    {
        var next = NextWord(s.Norm, end);
        if (next.Start < 0 || next.End - next.Start < 2 || !IsCapitalized(s, next.Start)) return false;
        // Only a surname written straight after the first name, with nothing but spaces between
        // ("Tyler, Collins and me" lists two people; "Lily-Mae" is one name).
        var gapFrom = s.Norm.OrigEnd[end - 1];
        var gapTo = s.Norm.OrigStart[next.Start];
        if (gapTo <= gapFrom || !s.Text.AsSpan(gapFrom, gapTo - gapFrom).IsWhiteSpace()) return false;
        var word = s.Norm.Chars.AsSpan(next.Start, next.End - next.Start);
        if (word.IndexOfAnyExceptInRange('a', 'z') >= 0) return false;
        if (!_commonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        // "Taylor Swift tickets", "Frankie Goes to Hollywood": a capitalised ordinary word straight after the first
        // name, then a word in lower case, is a surname or a title in text that is not written in title case
        // ("Taylor Is A Bully" is). Not a person or school word ("Mason Mum", "Taylor Year 9").
        var after = NextWord(s.Norm, next.End);
        if (after.Start < 0 || IsCapitalized(s, after.Start) || !char.IsAsciiLetterLower(s.Norm.Chars[after.Start])) return false;
        // A new sentence typed without its full stop ("well done Mason The whole class ...", "thanks Amina Brilliant
        // day") opens with a function word or an exclamation, not with a surname.
        if (SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || NameStartsAt(s, next.Start)) return false;
        // A surname is written in title case; "Mason FANTASTIC goal" shouts.
        var second = s.Norm.OrigStart[next.Start] + 1;
        if (second >= s.Text.Length || !char.IsLower(s.Text[second])) return false;
        if (InList(s.Norm, next, RuleWord.Relative) || HitAt(s, Cue.PupilNoun, next) || HitAt(s, Cue.PersonNoun, next) || HitAt(s, Cue.AdultNoun, next)
            || HitAt(s, Cue.YearGroup, next) || HitAt(s, Cue.Role, next) || HitAt(s, Cue.Title, next)) return false;
        var o = s.Norm.OrigStart[after.Start];
        return o < s.Text.Length && char.IsLower(s.Text[o]);
    }

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "but", "or", "so", "if", "when", "why", "how", "what", "who", "where", "which", "that", "this", "these",
        "those", "there", "then", "i", "im", "ive", "id", "he", "she", "it", "its", "we", "they", "you", "your", "my", "his", "her", "our",
        "their", "is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would",
        "should", "shall", "must", "may", "might", "not", "no", "yes", "in", "on", "at", "to", "for", "with", "of", "from", "by", "about",
        "after", "before", "all", "every", "some", "any", "just", "also", "very", "really", "well", "thanks", "thank", "please", "sorry",
        "absolutely", "honestly", "literally", "seriously", "apparently", "basically", "brilliant", "amazing", "great", "lovely", "good",
        "bad", "poor", "bless", "happy", "congratulations", "congrats", "today", "tomorrow", "yesterday", "tonight", "again", "still",
        "anyone", "everyone", "someone", "nobody", "hope", "love", "wow", "oh", "ok", "okay", "omg", "lol", "haha", "hi", "hello", "yet",
        "now", "only", "even", "never", "always", "said", "says", "told", "asked", "as", "like", "too", "up", "out", "one", "two",
        "first", "last", "next", "new", "old", "big", "little", "more", "most", "much", "many", "both", "each", "here", "over", "back",
        "see", "look", "bring", "pass", "pack", "take", "sign", "avoid", "message", "send", "get", "make", "check", "ask", "tell", "let",
        "keep", "stop", "give", "come", "go", "put", "read", "call", "ring", "email", "text", "share", "join", "help", "cannot", "can't",
        "don't", "dont", "nothing", "everything", "something", "best", "worst", "saw", "lost", "found", "massive", "huge", "half",
    };

    private static bool IsOwnChild(Post post, Person pupil)
    {
        foreach (var name in post.AuthorIsParentOf)
            if (string.Equals(name, pupil.FullName, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool FamilyIsOwn(Post post, Person pupil)
    {
        foreach (var name in post.AuthorIsParentOf)
            if (name.EndsWith(" " + pupil.LastName, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"Mrs Marsdon", "Miss Hartly", "mrs pickerin": a title followed by a word one edit away
    /// from an adult's surname names that adult.</summary>
    private void FuzzyTitles(Scratch s)
    {
        var n = s.Norm;
        for (var h = 0; h < s.HitCount; h++)
        {
            if (s.Hits[h].Cue != Cue.Title) continue;
            var w = NextWord(n, s.Hits[h].End);
            if (w.Start < 0 || w.End - w.Start < 4) continue;
            var named = false;
            for (var m = 0; m < s.MentionCount && !named; m++)
                if (s.Mentions[m].Start <= w.Start && s.Mentions[m].End >= w.Start) named = true;
            if (named) continue;
            var token = n.Chars.AsSpan(w.Start, w.End - w.Start);
            if (token.EndsWith("'s")) token = token[..^2];
            else if (token.EndsWith("'")) token = token[..^1];
            if (!char.IsAsciiLetterLower(token[0]) || !char.IsAsciiLetterLower(token[^1])) continue;
            var match = Fuzzy(token, _titledByFirst, token[0]);
            if (match < 0) match = Fuzzy(token, _titledByLast, token[^1]);
            if (match < 0 && token.Length > 4 && token[^1] == 's' && char.IsAsciiLetterLower(token[^2])) match = Fuzzy(token[..^1], _titledByLast, token[^2]);
            if (match < 0) continue;
            var kind = _people[match].Kind switch { PersonKind.Staff => MentionKind.Staff, PersonKind.Governor => MentionKind.Governor, _ => MentionKind.Parent };
            s.AddMention(new Mention { Kind = kind, Form = NameForm.TitleSurname, Person = match, Start = s.Hits[h].Start, End = w.End, Sentence = SentenceOf(n, w.Start), Fuzzy = true });
        }
    }

    private static int Fuzzy(ReadOnlySpan<char> token, FuzzyCandidate[][] index, char letter)
    {
        var letters = Letters(token);
        var lettersLessS = token.Length > 0 && token[^1] == 's' ? Letters(token[..^1]) : 0;
        for (var len = token.Length - 1; len <= token.Length + 1; len++)
        {
            if (len < 4) continue;
            var m = FuzzySurname(token, letters, lettersLessS, index[(letter - 'a') * FuzzyLengths + LengthBucket(len)]);
            if (m >= 0) return m;
        }
        return -1;
    }

    /// <param name="letters">The token's <see cref="Letters"/>; <paramref name="lettersLessS"/> the same without its final 's'.</param>
    private static int FuzzySurname(ReadOnlySpan<char> token, uint letters, uint lettersLessS, FuzzyCandidate[] candidates)
    {
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - token.Length) > 2) continue;
            // One edit changes which letters occur by two at most; most surnames differ by more, and are
            // passed over without reading their text (a cache miss each inside the pipeline).
            if (BitOperations.PopCount(letters ^ c.Letters) <= 2 && EditDistanceAtMostOne(token, c.Surname)
                || token.Length > c.Length && token[^1] == 's' && BitOperations.PopCount(lettersLessS ^ c.Letters) <= 2 && EditDistanceAtMostOne(token[..^1], c.Surname))
                return c.Person;
        }
        return -1;
    }

    /// <summary>Which characters occur in a word, one bit for each (its code modulo 32; characters that share
    /// a bit only make the test in <see cref="FuzzySurname"/> let more through).</summary>
    internal static uint Letters(ReadOnlySpan<char> word)
    {
        var bits = 0u;
        foreach (var ch in word) bits |= 1u << (ch & 31);
        return bits;
    }

    internal readonly record struct FuzzyCandidate(string Surname, int Person, int Length, uint Letters);

    /// <summary>Bounded edit distance: one substitution, insertion, deletion or adjacent swap, in linear time.</summary>
    internal static bool EditDistanceAtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return true;
        if (a.Length == b.Length)
        {
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..])) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }
        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }
}
