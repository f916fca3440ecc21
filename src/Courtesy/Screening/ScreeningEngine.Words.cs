namespace Courtesy.Screening;

public sealed partial class ScreeningEngine
{
    /// <summary>
    /// The word lists that rules compare single folded words with, one bit each. Several rules used to walk
    /// every word of a post and compare it with a list, entry by entry; now the post's listed words are
    /// found once, by the automaton (<see cref="AddRuleWords"/>), a rule whose key word is not in the post
    /// returns at once, the others visit only the words that carry it, in text order, and a word elsewhere
    /// is looked up once (<see cref="InList"/>). A bit stands for exactly the words of its list, so testing
    /// it is the same as comparing with each of them (<see cref="WordIs"/>, <see cref="IsAny"/>): results
    /// do not change. An entry with a space or a hyphen could never equal one folded word, so building throws.
    /// </summary>
    [Flags]
    internal enum RuleWord : ulong
    {
        None = 0,
        Rhymes = 1UL << 0,
        SchoolType = 1UL << 1,
        Lol = 1UL << 2,
        Haha = 1UL << 3,
        Pmsl = 1UL << 4,
        Lmao = 1UL << 5,
        Lmfao = 1UL << 6,
        Rofl = 1UL << 7,
        /// <summary>"only", "without", "funny", "conveniently", "coincidence": the innuendo of <see cref="Favouritism"/>.</summary>
        Innuendo = 1UL << 8,
        Know = 1UL << 9,
        Movement = 1UL << 10,
        HarmLeadIn = 1UL << 11,
        Blow = 1UL << 12,
        BodyPart = 1UL << 13,
        Breaking = 1UL << 14,
        /// <summary>"fuck", "screw".</summary>
        Curse = 1UL << 15,
        /// <summary>"shove", "stick", "ram".</summary>
        Shove = 1UL << 16,
        Up = 1UL << 17,
        Record = 1UL << 18,
        /// <summary>"attendance", "numbers": what <see cref="LooksBetterMotive"/> reads besides the records.</summary>
        Tally = 1UL << 19,
        So = 1UL << 20,
        Look = 1UL << 21,
        Relative = 1UL << 22,
        Post = 1UL << 23,
        Strike = 1UL << 24,
        Like = 1UL << 25,
        /// <summary>"day", "round", "part": <see cref="NumberedInstalment"/>.</summary>
        Series = 1UL << 26,
        BodyOwner = 1UL << 27,
        ChildObject = 1UL << 28,
        NotLikening = 1UL << 29,
        /// <summary>"everyone", "everybody", "report", "go": the first words of <see cref="UrgesUseOfDetails"/>.</summary>
        Urging = 1UL << 30,
        /// <summary>"drag", "haul": <see cref="DragsAPersonOut"/>.</summary>
        Drag = 1UL << 31,
        /// <summary>"berries", "bush", "garden": nouns a name can modify as a plant or thing ("Rowan berries").</summary>
        Modified = 1UL << 32,
        /// <summary>"slag", "slut", "whore": calling a woman unchaste, <see cref="UnchastitySaidOfAPerson"/>.</summary>
        Unchaste = 1UL << 33,
        /// <summary>"stole", "broke", "bit": what <see cref="NamedAsTheCulprit"/> reads after "the one who".</summary>
        Wrongdoing = 1UL << 34,
        /// <summary>"messaging", "snapchat", "lifts": private contact, read by <see cref="PrivateContactWithPupils"/>.</summary>
        Contact = 1UL << 35,
        /// <summary>"odd", "weird", "creepy", "dodgy": the unease that makes contact an insinuation.</summary>
        Unease = 1UL << 36,
        /// <summary>"ours", "mine": the author's own child without a child word.</summary>
        Ours = 1UL << 37,
        /// <summary>"i", "me", "my", "myself": the poster speaking of themself, for <see cref="Safeguarding"/>.</summary>
        FirstPerson = 1UL << 38,
        /// <summary>"hits", "hurts", "locks", "touches": what a disclosure says someone at home does (<see cref="AbuseAtHome"/>).</summary>
        AbuseVerb = 1UL << 39,
        /// <summary>"me", "her", "him", "us", "mum": who it is done to.</summary>
        Victim = 1UL << 40,
        /// <summary>"stepdad", "dad", "boyfriend", "uncle": someone at home.</summary>
        Household = 1UL << 41,
        /// <summary>"nudes", "pics", "photos": images asked of or sent by a child (<see cref="ImagesAskedOrSent"/>).</summary>
        Images = 1UL << 42,
        /// <summary>"pills", "tablets", "paracetamol": <see cref="TookPills"/>.</summary>
        Pill = 1UL << 43,
        /// <summary>"load", "loads", "handful", "packet", "all": how many pills.</summary>
        Quantity = 1UL << 44,
        /// <summary>"took", "swallowed", "taken".</summary>
        Took = 1UL << 45,
        /// <summary>"online", "vapes", "money", "meet": what makes an older man in a child's life a grooming concern.</summary>
        Grooming = 1UL << 46,
        /// <summary>"night", "weekend", "overnight", "days": how long a child is left alone.</summary>
        Duration = 1UL << 47,
        /// <summary>"football", "rugby", "pe": how a bruise or black eye came about harmlessly.</summary>
        Accident = 1UL << 48,
        /// <summary>"they", "their", "them": a family spoken of.</summary>
        They = 1UL << 49,
        /// <summary>"cuts", "scars", "burns": <see cref="WoundsOnBody"/>.</summary>
        Wound = 1UL << 50,
        /// <summary>"arms", "thighs", "wrists": where people self-harm.</summary>
        HarmSite = 1UL << 51,
        /// <summary>"knife", "blade", "machete": <see cref="CarriesWeapon"/>.</summary>
        Weapon = 1UL << 52,
        /// <summary>"keeps", "carries", "brought": carrying a weapon.</summary>
        Carry = 1UL << 53,
        /// <summary>"vapes", "weed", "alcohol": <see cref="GivesAChildSubstances"/>.</summary>
        Substance = 1UL << 54,
        /// <summary>"giving", "bought", "selling".</summary>
        Give = 1UL << 55,
        /// <summary>"exam", "mock", "homework": what teenagers say will kill them, hyperbole.</summary>
        Ordeal = 1UL << 56,
        /// <summary>"going (out)", "dating", "talking", "waiting": an adult with a child in a relationship or lying in wait.</summary>
        Dating = 1UL << 57,
        /// <summary>"sliced", "slashed", "burnt": a wound made, <see cref="WoundsOnBody"/>.</summary>
        CutVerb = 1UL << 58,
        /// <summary>"10" to "16": a child's age.</summary>
        ChildAge = 1UL << 59,
        /// <summary>"battered", "jumped", "merked": what someone is said to be getting, <see cref="GettingHurt"/>.</summary>
        Beaten = 1UL << 60,
        /// <summary>"match", "league", "quiz", "fc": a fixture, where beating a side is no threat.</summary>
        Sport = 1UL << 61,
        /// <summary>"goal", "skills", "bars", "drip": a thing a pupil did, which slang praise ("filthy", "nasty") is said of.</summary>
        Play = 1UL << 62,
        /// <summary>"pick", "collect", "dentist": a school-run errand, where "I'll be waiting at the gates" is no threat.</summary>
        Errand = 1UL << 63,
    }

    /// <summary>Pupils share first names with makers of boots and trainers ("Hunter wellies", "Jordan trainers"):
    /// a first name straight before one of these is the brand, as "Rowan berries" is the plant. Not "boots",
    /// which is also a kick ("Jordan boots the ball at him").</summary>
    private static readonly string[] BrandedGoods = ["wellies", "wellington", "wellingtons", "trainers", "sneakers", "handbag", "perfume"];

    /// <summary>
    /// The rule words in a small open-addressing table keyed by a hash of a word's length and first,
    /// middle and last characters: a post's 30-odd words cost a few reads each, where a general string
    /// dictionary hashed every character and cost more than the rules it saved.
    /// </summary>
    private static class RuleWords
    {
        private const int Size = 1024;
        private static readonly string?[] Keys = new string?[Size];
        private static readonly RuleWord[] Bits = new RuleWord[Size];
        /// <summary>Longer words are in no list, so they are not looked up.</summary>
        internal static readonly int MaxLength;

        /// <summary>Every rule word with its lists.</summary>
        internal static readonly Dictionary<string, RuleWord> All = Build();

        static RuleWords()
        {
            foreach (var (word, bits) in All)
            {
                var i = Slot(word);
                while (Keys[i] is not null) i = (i + 1) & (Size - 1);
                Keys[i] = word;
                Bits[i] = bits;
                MaxLength = Math.Max(MaxLength, word.Length);
            }
        }

        private static int Slot(ReadOnlySpan<char> w) =>
            (int)((uint)(w.Length * 0x3D + w[0] * 0x9E5 + w[w.Length >> 1] * 0x2F1 + w[^1] * 0x61) % Size);

        internal static RuleWord Of(ReadOnlySpan<char> word)
        {
            if (word.Length > MaxLength) return RuleWord.None;
            for (var i = Slot(word); Keys[i] is { } key; i = (i + 1) & (Size - 1))
                if (word.SequenceEqual(key)) return Bits[i];
            return RuleWord.None;
        }

        private static Dictionary<string, RuleWord> Build()
        {
            var d = new Dictionary<string, RuleWord>(StringComparer.Ordinal);
            void Add(RuleWord bit, params IEnumerable<string> words)
            {
                foreach (var w in words)
                {
                    // Folded text has no hyphen and a word no space: such an entry could never match.
                    if (w.Contains(' ') || w.Contains('-')) throw new InvalidOperationException($"rule word '{w}' is not one folded word");
                    d[w] = d.GetValueOrDefault(w) | bit;
                }
            }
            Add(RuleWord.Rhymes, "rhymes");
            Add(RuleWord.SchoolType, SchoolTypeWords);
            Add(RuleWord.Lol, "lol");
            Add(RuleWord.Haha, "haha");
            Add(RuleWord.Pmsl, "pmsl");
            Add(RuleWord.Lmao, "lmao");
            Add(RuleWord.Lmfao, "lmfao");
            Add(RuleWord.Rofl, "rofl");
            Add(RuleWord.Innuendo, InnuendoWords);
            Add(RuleWord.Know, "know");
            Add(RuleWord.Movement, MovementVerbs);
            Add(RuleWord.HarmLeadIn, HarmLeadIns);
            Add(RuleWord.Blow, Blows);
            Add(RuleWord.BodyPart, BodyParts);
            Add(RuleWord.Breaking, Breaking);
            Add(RuleWord.Curse, "fuck", "screw");
            Add(RuleWord.Shove, "shove", "stick", "ram");
            Add(RuleWord.Up, "up");
            Add(RuleWord.Record, Records);
            Add(RuleWord.Tally, TallyWords);
            Add(RuleWord.So, "so");
            Add(RuleWord.Look, LookWords);
            Add(RuleWord.Relative, Relatives);
            Add(RuleWord.Post, Posts);
            Add(RuleWord.Strike, Strikes);
            Add(RuleWord.Like, "like");
            Add(RuleWord.Series, "day", "round", "part");
            Add(RuleWord.BodyOwner, BodyOwners);
            Add(RuleWord.ChildObject, ChildObjects);
            Add(RuleWord.NotLikening, NotLikening);
            Add(RuleWord.Urging, "everyone", "everybody", "report", "go");
            Add(RuleWord.Drag, "drag", "haul");
            Add(RuleWord.Modified, ModifiedNouns);
            Add(RuleWord.Modified, BrandedGoods);
            Add(RuleWord.Unchaste, UnchasteWords);
            Add(RuleWord.Wrongdoing, WrongdoingWords);
            Add(RuleWord.Contact, ContactWords);
            Add(RuleWord.Unease, UneaseWords);
            Add(RuleWord.Ours, "ours", "mine", "mine's");
            Add(RuleWord.FirstPerson, FirstPersonWords);
            Add(RuleWord.AbuseVerb, AbuseVerbs);
            Add(RuleWord.Victim, Victims);
            Add(RuleWord.Household, HouseholdWords);
            Add(RuleWord.Images, ImageWords);
            Add(RuleWord.Pill, PillWords);
            Add(RuleWord.Quantity, QuantityWords);
            Add(RuleWord.Took, TookWords);
            Add(RuleWord.Grooming, GroomingWords);
            Add(RuleWord.Duration, DurationWords);
            Add(RuleWord.Accident, AccidentWords);
            Add(RuleWord.They, TheyWords);
            Add(RuleWord.Wound, WoundWords);
            Add(RuleWord.HarmSite, HarmSites);
            Add(RuleWord.Weapon, WeaponWords);
            Add(RuleWord.Carry, CarryWords);
            Add(RuleWord.Substance, SubstanceWords);
            Add(RuleWord.Give, GiveWords);
            Add(RuleWord.Ordeal, OrdealWords);
            Add(RuleWord.Dating, DatingWords);
            Add(RuleWord.CutVerb, CutVerbs);
            Add(RuleWord.ChildAge, ChildAges);
            Add(RuleWord.Beaten, BeatenWords);
            Add(RuleWord.Sport, SportWords);
            Add(RuleWord.Play, PlayWords);
            Add(RuleWord.Errand, ErrandWords);
            return d;
        }
    }

    /// <summary>Every rule word is also a pattern of the automaton, which reads each character of a post
    /// anyway: a match of one, whole and without an ending, is a word of the post in those lists. Kept in
    /// text order by <see cref="Scan"/>, so no rule splits the post into words again.</summary>
    private static void AddRuleWords(PatternBuilder builder)
    {
        foreach (var (word, lists) in RuleWords.All) builder.AddWord(word, lists);
    }

    private static void KeyWord(Scratch s, int start, int end, RuleWord lists)
    {
        var count = s.WordCount;
        if (count == s.WordStart.Length)
        {
            Array.Resize(ref s.WordStart, count * 2);
            Array.Resize(ref s.WordEnd, count * 2);
            Array.Resize(ref s.WordBits, count * 2);
        }
        s.WordStart[count] = start;
        s.WordEnd[count] = end;
        s.WordBits[count] = lists;
        s.WordCount = count + 1;
        s.AllWords |= lists;
    }

    /// <summary>The lists a word is in: one table read where comparing it with each word of a list cost a
    /// comparison per entry.</summary>
    private static RuleWord ListsOf(NormalizedText n, (int Start, int End) w) =>
        w.Start >= 0 ? RuleWords.Of(n.Chars.AsSpan(w.Start, w.End - w.Start)) : RuleWord.None;

    /// <summary>Whether the word is in one of the lists: the same as <see cref="IsAny"/> with their words.</summary>
    private static bool InList(NormalizedText n, (int Start, int End) w, RuleWord lists) => (ListsOf(n, w) & lists) != 0;

    /// <summary>Whether some word of the post is in the list.</summary>
    private static bool AnyWord(Scratch s, RuleWord bits) => (s.AllWords & bits) != 0;

    /// <summary>The next of the post's listed words (<see cref="AddRuleWords"/>), from index <paramref name="from"/> on,
    /// that is in the list, or -1: rules visit these instead of every word, in the same order.</summary>
    private static int NextWordWith(Scratch s, RuleWord bits, int from)
    {
        if ((s.AllWords & bits) == 0) return -1;
        for (var k = from; k < s.WordCount; k++)
            if ((s.WordBits[k] & bits) != 0) return k;
        return -1;
    }

    private static (int Start, int End) WordAt(Scratch s, int k) => (s.WordStart[k], s.WordEnd[k]);

    /// <summary>Whether the original text has any character outside the Basic Multilingual Plane. The
    /// emoji some rules look for in the original text (fist, hammer, aubergine, thinking face, eye-roll)
    /// are all surrogate pairs, so a post without a high surrogate, most posts, skips those searches.
    /// The whole text is read, as the searches do, not only the part that was folded.</summary>
    private static bool MayHaveEmoji(Scratch s)
    {
        if (s.EmojiState == 0) s.EmojiState = s.Text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') >= 0 ? (byte)2 : (byte)1;
        return s.EmojiState == 2;
    }
}
