using Courtesy.Policies;
using Courtesy.Schools;

namespace Courtesy.Screening;

public sealed partial class ScreeningEngine
{
    private static readonly Dictionary<string, int> Severity = Categories.All.ToDictionary(c => c.Id, c => c.Severity, StringComparer.Ordinal);
    private static readonly Comparison<Finding> FindingOrder = (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Severity.CompareTo(a.Severity);
    private Comparison<string>? _categoryOrder;

    private int SeverityOf(string category)
    {
        // The rules pass the constants of Categories, so comparing references finds them without hashing.
        var known = _knownIds;
        for (var k = 0; k < known.Length; k++)
            if (ReferenceEquals(known[k], category)) return _knownSeverity[k];
        if (Severity.TryGetValue(category, out var severity)) return severity;
        foreach (var own in _own) if (own.Category.Id == category) return own.Category.Severity;
        throw new KeyNotFoundException($"unknown category id '{category}'");
    }

    /// <summary>Findings are gathered for every category, because some rules build on others
    /// (racist remarks are offensive, a petition is a complaint), then cut to the pack's set.</summary>
    private sealed class Collector
    {
        private Scratch s = null!;
        private Post post = null!;
        // A thread's scratch (and this collector with it) serves every engine that thread runs.
        private ScreeningEngine engine = null!;
        public readonly List<Finding> All = [];

        public Collector Reset(Scratch scratch, Post p, ScreeningEngine e)
        {
            s = scratch;
            post = p;
            engine = e;
            All.Clear();
            return this;
        }

        public bool Has(string category)
        {
            foreach (var f in All) if (ReferenceEquals(f.CategoryId, category)) return true;
            return false;
        }

        public void Span(string category, int normStart, int normEnd, string reason, string detector)
        {
            var n = s.Norm;
            var start = n.OrigStart[normStart];
            var end = n.OrigEnd[Math.Max(normStart, normEnd - 1)];
            Original(category, start, end - start, reason, detector);
        }

        public void Hit(string category, in Hit h, string reason, string detector)
        {
            if (h.EmojiLength > 0) Original(category, h.EmojiStart, h.EmojiLength, reason, detector);
            else Span(category, h.Start, h.End, reason, detector);
        }

        public void Original(string category, int start, int length, string reason, string detector)
        {
            foreach (var f in All)
                if (ReferenceEquals(f.CategoryId, category) && f.Start == start && f.Length == length) return;
            var text = length > 0 && start + length <= s.Text.Length ? s.Text.Substring(start, Math.Min(length, 200)) : "";
            All.Add(new Finding(category, engine.SeverityOf(category), start, length, text, reason, detector));
        }

        public Post Post => post;
    }

    public ScreeningResult Screen(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var s = Scan(post);
        var c = ((s.Collector as Collector) ?? (Collector)(s.Collector = new Collector())).Reset(s, post, this);
        var n = s.Norm;
        var aboutOtherSchool = AboutOtherSchool(s);
        var schoolTarget = FirstSchoolTarget(s);

        // ---- metadata ----
        if (post.ReplyTo is { } reply && string.Equals(reply.Kind, "pupil", StringComparison.OrdinalIgnoreCase) && !post.AuthorIsParentOf.Contains(reply.Name, StringComparer.OrdinalIgnoreCase))
            c.Original(Categories.EngagingWithOtherChildren, 0, 0, $"replies to a pupil who is not the author's child ({reply.Name})", "metadata.reply-to");
        foreach (var attachment in post.Attachments)
            foreach (var person in attachment.People)
                if (!person.Consent && !(string.Equals(person.Kind, "pupil", StringComparison.OrdinalIgnoreCase) && post.AuthorIsParentOf.Contains(person.Name, StringComparer.OrdinalIgnoreCase)))
                    c.Original(Categories.PhotoOfOthers, 0, 0, $"a {attachment.Type} shows {person.Name} ({person.Kind}) without permission", "metadata.attachment");

        // ---- naming children ----
        for (var m = 0; m < s.MentionCount; m++)
        {
            var men = s.Mentions[m];
            if (men.Kind is MentionKind.Pupil or MentionKind.PupilFamily && !NameAsAWord(s, men))
                c.Span(Categories.NamingChildren, men.Start, men.End,
                    men.Kind == MentionKind.Pupil ? _reasons[men.Person].Naming : _reasons[men.Person].Family,
                    "roster.names");
        }

        if (!c.Has(Categories.NamingChildren))
        {
            var (cs, ce) = ChildOfRosterAdult(s, post);
            if (cs >= 0) c.Span(Categories.NamingChildren, cs, ce, "identifies a pupil through a parent or member of staff on the roster", "pattern.child-of-roster-adult");
        }
        if (!c.Has(Categories.NamingChildren))
        {
            var (ns, ne) = DescribedPupil(s);
            if (ns >= 0) c.Span(Categories.NamingChildren, ns, ne, "identifies a pupil without naming them (a rhyme, or a nationality and a year group)", "pattern.described-pupil");
        }
        Threats(s, c);
        Racism(s, c);
        Obscenity(s, c);
        PersonalInformation(s, c);
        if (s.Has(Cue.WhereaboutsNod) && !c.Has(Categories.ThreatOfViolence)) WhereaboutsHandedOver(s, c);
        Confidential(s, c);
        Safeguarding(s, c);
        var allegation = Allegations(s, c, aboutOtherSchool);
        if (!c.Has(Categories.DefamatoryStatement)) DefamatoryFrames(s, c);
        Petitions(s, c, aboutOtherSchool, schoolTarget);
        Complaints(s, c, aboutOtherSchool, schoolTarget, allegation);
        Offence(s, c);
        Bullying(s, c);
        OwnCategoryPhrases(s, c);
        // "This is the teacher who put my son in isolation for a week. Take a good look": turning people on a member
        // of staff over how one's own child was treated is a grievance aired in public. Read after the bullying rules.
        if (!aboutOtherSchool && c.Has(Categories.Cyberbullying) && !c.Has(Categories.ComplaintAboutSchool) && s.Has(Cue.OwnChild) && StaffTarget(s) && !s.Has(Cue.Civil))
            c.Hit(Categories.ComplaintAboutSchool, s.Hits[First(s, Cue.OwnChild)], "a grievance about how the author's own child was treated, aimed at a member of staff in public", "rule.own-child-grievance");

        // "that useless principal and his phone ban", "someone should slap him, see if he still wants detentions for
        // coats": abuse or a threat aimed at staff over something only the school decides is a grievance about the
        // school, however it is worded. A named pupil makes it about the child instead.
        if (!aboutOtherSchool && !c.Has(Categories.ComplaintAboutSchool) && (c.Has(Categories.NegativeOrOffensiveComment) || c.Has(Categories.ThreatOfViolence))
            && s.Has(Cue.SchoolMatter) && StaffTarget(s) && !NamedPupil(s) && !s.Has(Cue.Civil) && !SexualRemark(s) && AbuseAimedAtStaff(s, c))
            c.Hit(Categories.ComplaintAboutSchool, s.Hits[First(s, Cue.SchoolMatter)], "abuse or a threat aimed at staff over what the school decides: a grievance aired in public", "rule.abuse-over-school-matter");

        // The category model only ever adds to what the rules found; the safeguarding model reads every post
        // the rules did not already flag as a concern. Both hash the same words, so the words are hashed once.
        var askCategories = _categoryModel is not null && AnyEnabled(c);
        var askSafeguarding = _safeguardingModel is not null && !c.Has(Categories.SafeguardingConcern);
        if (askCategories || askSafeguarding)
        {
            Span<int> buckets = stackalloc int[Math.Min(2 * CategoryModel.MaxWords, s.Norm.Length + 2)];
            var words = CategoryModel.Buckets(s.Norm.Span, buckets, default, default);
            Span<float> z = stackalloc float[_categoryModelIds.Length];
            Span<float> zs = stackalloc float[1];
            SchoolModelScores(buckets[..words], z, zs);
            if (askCategories) ModelCategories(_categoryModel!, s, c, z);
            if (askSafeguarding) ModelSafeguarding(_safeguardingModel!, s, c, zs[0]);
        }

        // ---- result ----
        // Exact-size arrays: the result is the only allocation a post costs, so it is kept small.
        var kept = 0;
        foreach (var f in c.All)
            if (Enabled(f.CategoryId)) kept++;
        var findings = kept == 0 ? [] : new Finding[kept];
        kept = 0;
        foreach (var f in c.All)
            if (Enabled(f.CategoryId)) findings[kept++] = f;
        if (findings.Length > 1) Array.Sort(findings, FindingOrder);
        var distinct = 0;
        string[] categories;
        {
            Span<int> firstOf = stackalloc int[Math.Min(findings.Length, 32)];
            for (var k = 0; k < findings.Length && distinct < firstOf.Length; k++)
            {
                var seen = false;
                for (var d = 0; d < distinct && !seen; d++) seen = ReferenceEquals(findings[firstOf[d]].CategoryId, findings[k].CategoryId) || findings[firstOf[d]].CategoryId == findings[k].CategoryId;
                if (!seen) firstOf[distinct++] = k;
            }
            categories = distinct == 0 ? [] : new string[distinct];
            for (var d = 0; d < distinct; d++) categories[d] = findings[firstOf[d]].CategoryId;
            if (distinct > 1) Array.Sort(categories, _categoryOrder ??= (a, b) => SeverityOf(b).CompareTo(SeverityOf(a)));
        }
        var police = false;
        foreach (var id in categories)
            if (id is Categories.RacistComment or Categories.ThreatOfViolence or Categories.ObsceneContent or Categories.Cyberbullying) police = true;
        return new ScreeningResult
        {
            PostId = post.Id,
            Findings = findings,
            Categories = categories,
            Police = police,
            Safeguarding = Array.IndexOf(categories, Categories.SafeguardingConcern) >= 0,
            Truncated = n.Truncated || s.Full,
        };
    }

    /// <summary>"name rhymes with spacey, Y2", "the Romanian girl's family in Y5": a pupil picked out for
    /// every parent of the year group without a name. A nationality with no child ("Polish club for Y3")
    /// and a rhyme with no year group or child are left alone.</summary>
    private static (int Start, int End) DescribedPupil(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Rhymes, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Rhymes, wi + 1))
        {
            var w = WordAt(s, wi);
            if (WordIs(n, NextWord(n, w.End), "with") && (s.Has(Cue.YearGroup) || s.Has(Cue.PupilNoun))) return (w.Start, NextWord(n, w.End).End);
        }
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Ethnic) continue;
            if (First(s, Cue.YearGroup, h.Sentence) >= 0 && OneChildNoun(s, h.Sentence) && First(s, Cue.OwnChild, h.Sentence) < 0) return (h.Start, h.End);
        }
        return (-1, -1);
    }

    /// <summary>"Shaun Fenwick's lad", "Mr Whitlock's daughter in year 12": a child picked out through a roster adult.
    /// A parent on the roster is there because their child is at the school; a member of staff's son or daughter may
    /// be grown up, so for staff and governors a year group in the sentence must place the child here. The author's
    /// own family is not a breach.</summary>
    private (int Start, int End) ChildOfRosterAdult(Scratch s, Post post)
    {
        var n = s.Norm;
        for (var m = 0; m < s.MentionCount; m++)
        {
            ref var men = ref s.Mentions[m];
            if (men.Kind is not (MentionKind.Parent or MentionKind.Staff or MentionKind.Governor)) continue;
            if (men.End - men.Start < 3 || n.Chars[men.End - 1] != 's' || n.Chars[men.End - 2] != '\'') continue;
            var child = NextWord(n, men.End);
            if (!IsAny(n, child, ChildWords)) continue;
            if (men.Kind != MentionKind.Parent && First(s, Cue.YearGroup, men.Sentence) < 0) continue;
            var surname = _people[men.Person].LastName;
            var own = false;
            foreach (var name in post.AuthorIsParentOf)
                if (name.EndsWith(surname, StringComparison.OrdinalIgnoreCase)) own = true;
            if (!own) return (men.Start, child.End);
        }
        return (-1, -1);
    }

    private static readonly string[] ChildWords = ["son", "sons", "daughter", "daughters", "lad", "lads", "boy", "boys", "girl", "girls", "kid", "kids", "twins", "child", "children"];

    /// <summary>"girl", "lad", "family": one child or household, not "our kids" or "the children".</summary>
    private static bool OneChildNoun(Scratch s, int sentence)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.PupilNoun || h.Sentence != sentence) continue;
            var word = n.Chars.AsSpan(h.Start, h.End - h.Start);
            if (word.EndsWith("s") && !word.EndsWith("'s") || word.SequenceEqual("children") || word.SequenceEqual("lot")) continue;
            var prev = PrevWord(n, h.Start);
            if (WordIs(n, prev, "our") || WordIs(n, prev, "my")) continue;
            return true;
        }
        return false;
    }

    /// <summary>Reasons that name a roster person, written once when the engine is built rather than per post.</summary>
    private readonly record struct PersonReasons(string Naming, string Family, string Confidential);

    private PersonReasons[] BuildReasons()
    {
        var reasons = new PersonReasons[_people.Length];
        for (var i = 0; i < reasons.Length; i++)
            reasons[i] = new PersonReasons(
                $"names a pupil ({Describe(i)}) who is not the author's child",
                $"identifies a pupil's family ({_people[i].LastName})",
                $"a private matter (health, SEN, safeguarding, exclusion or discipline) about {Describe(i)}");
        return reasons;
    }

    private string Describe(int person)
    {
        var p = _people[person];
        return p.Kind switch
        {
            PersonKind.Pupil => p.YearGroup is { Length: > 0 } y ? $"{p.FullName}, {y}" : p.FullName,
            _ => p.Role is { Length: > 0 } r ? $"{p.DisplayName}, {r}" : p.DisplayName,
        };
    }

    // ----- small queries over the hits of one post -----

    private static int First(Scratch s, Cue cue, int sentence = -1)
    {
        if (sentence >= 0 ? !s.InSentence(cue, sentence) : !s.Has(cue)) return -1;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == cue && (sentence < 0 || s.Hits[i].Sentence == sentence)) return i;
        return -1;
    }

    private static int Count(Scratch s, Cue cue)
    {
        if (!s.Has(cue)) return 0;
        var k = 0;
        for (var i = 0; i < s.HitCount; i++) if (s.Hits[i].Cue == cue) k++;
        return k;
    }

    private static bool Near(Scratch s, Cue cue, in Hit h, int distance)
    {
        if (!s.Has(cue)) return false;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == cue && Math.Abs(s.Hits[i].Start - h.Start) <= distance) return true;
        return false;
    }

    /// <summary>A named person other than the author's own child; adultsOnly leaves pupils out.</summary>
    private static int Named(Scratch s, int sentence = -1, bool adultsOnly = false)
    {
        for (var m = 0; m < s.MentionCount; m++)
        {
            var k = s.Mentions[m].Kind;
            if (k == MentionKind.OwnPupil || adultsOnly && k is MentionKind.Pupil or MentionKind.PupilFamily) continue;
            if (sentence < 0 || s.Mentions[m].Sentence == sentence) return m;
        }
        return -1;
    }

    private static bool PersonTarget(Scratch s, int sentence) =>
        Named(s, sentence) >= 0 || First(s, Cue.Role, sentence) >= 0 || First(s, Cue.Pronoun, sentence) >= 0
        || First(s, Cue.PersonNoun, sentence) >= 0 || First(s, Cue.AdultNoun, sentence) >= 0;

    /// <summary>Someone a reader could pick out: a roster name or a school role ("the head", "the new TA").</summary>
    private static bool Identifiable(Scratch s) => Named(s) >= 0 || s.Has(Cue.Role);

    private int FirstSchoolTarget(Scratch s)
    {
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue is Cue.SchoolRef or Cue.Role or Cue.YearGroup && !IsGenericSchoolWord(s.Hits[i])) return i;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor) return s.HitCount + m;
        return -1;
    }

    private bool IsGenericSchoolWord(in Hit h) =>
        h.Cue == Cue.SchoolRef && _entries[h.Entry].Person != SchoolAlias && _entries[h.Entry].Phrase is "primary" or "juniors" or "infants" or "high school" or "college" or "grammar school" or "academy";

    /// <summary>About another school ("DD's secondary", "Hollins Park Primary"), with nothing tying it to this one.</summary>
    private bool AboutOtherSchool(Scratch s)
    {
        var other = s.Has(Cue.OtherSchool);
        var own = false;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.SchoolRef) continue;
            if (_entries[h.Entry].Person == SchoolAlias) { own = true; continue; }
            if (IsGenericSchoolWord(h) && !InsideAlias(s, h))
            {
                var prev = PrevWord(s.Norm, h.Start);
                if (prev.Start >= 0 && IsCapitalized(s, prev.Start)) other = true;
            }
        }
        if (!other && !own) other = NamedOtherSchool(s);
        return other && !own && Named(s, adultsOnly: true) < 0;
    }

    /// <summary>"Kettlewick High", "Brockley Hall Prep": a proper name ending in a school word that is
    /// not one of this school's own names. "High" and "Prep" are too ordinary to be school words alone.</summary>
    private bool NamedOtherSchool(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.SchoolType, 0); wi >= 0; wi = NextWordWith(s, RuleWord.SchoolType, wi + 1))
        {
            var w = WordAt(s, wi);
            if (!IsCapitalized(s, w.Start)) continue;
            var prev = PrevWord(n, w.Start);
            if (prev.Start < 0 || !IsCapitalized(s, prev.Start) || AliasCovers(s, w.Start)) continue;
            return true;
        }
        return false;
    }

    private static readonly string[] SchoolTypeWords = ["high", "prep", "academy", "primary", "grammar", "comprehensive", "college", "juniors", "infants"];

    private bool AliasCovers(Scratch s, int pos)
    {
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.SchoolRef && _entries[s.Hits[i].Entry].Person == SchoolAlias && s.Hits[i].Start <= pos && s.Hits[i].End > pos) return true;
        return false;
    }

    private bool InsideAlias(Scratch s, in Hit inner)
    {
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue == Cue.SchoolRef && h.Entry >= 0 && _entries[h.Entry].Person == SchoolAlias && h.Start <= inner.Start && h.End >= inner.End) return true;
        }
        return false;
    }

    private static bool Overlaps(Scratch s, Cue cue, in Hit h)
    {
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == cue && s.Hits[i].Start <= h.Start && s.Hits[i].End > h.Start) return true;
        return false;
    }

    private string PhraseOf(in Hit h) => h.Entry >= 0 ? _entries[h.Entry].Phrase : "";

    // ----- detectors -----

    /// <summary>How far, in folded characters, a violent act may follow an intention in the same sentence: any act
    /// within <see cref="NearIntentToAct"/>, one aimed at a person ("batter him", "kick his ...", "slap Mr Lomax")
    /// up to <see cref="MaxIntentToAct"/>, so "ask Mr Lomax about the punch bowl" a clause later is no threat.</summary>
    private const int NearIntentToAct = 50;
    private const int MaxIntentToAct = 120;

    /// <summary>Whether the violent act names its person: it ends with one ("batter him"), or a pronoun, a
    /// possessive, a roster name or a role follows it.</summary>
    private static bool ActAimedAtPerson(Scratch s, in Hit a)
    {
        var n = s.Norm;
        var last = PrevWord(n, a.End);
        if (IsAny(n, last, PersonObjects)) return true;
        var next = NextWord(n, a.End);
        if (next.Start < 0) return false;
        return IsAny(n, next, PersonObjects) || PersonEndingFrom(s, next.Start) >= 0 || HitAt(s, Cue.Title, next);
    }

    private static readonly string[] PersonObjects = ["him", "her", "them", "you", "ya", "his", "their", "your", "ur"];

    /// <summary>"I'm going to kill DS, third lunchbox lost": the author's own child after the act, as "kill my two" is;
    /// "if the wifi drops one more time I'm going to kill someone": nobody in particular, after "one more" (or Scots
    /// "one mair") earlier in the sentence, with no person named and no role in it.</summary>
    private static bool Exasperation(Scratch s, in Hit intent, in Hit act)
    {
        var n = s.Norm;
        var next = NextWord(n, act.End);
        if (next.Start < 0) return false;
        if (HitAt(s, Cue.OwnChild, next)) return true;
        if (!IsAny(n, next, Nobody)) return false;
        if (Named(s, intent.Sentence) >= 0 || First(s, Cue.Role, intent.Sentence) >= 0) return false;
        var after = NextWord(n, next.End);
        // "kill someone at that school", "kill somebody, starting with ...": a place or a person follows.
        if (after.Start >= 0 && SentenceOf(n, after.Start) == intent.Sentence && (WordIs(n, after, "at") || WordIs(n, after, "starting") || WordIs(n, after, "in"))) return false;
        for (var w = PrevWord(n, intent.Start); w.Start >= 0 && SentenceOf(n, w.Start) == intent.Sentence; w = PrevWord(n, w.Start))
            if ((WordIs(n, w, "more") || WordIs(n, w, "mair")) && WordIs(n, PrevWord(n, w.Start), "one")) return true;
        return false;
    }

    private static readonly string[] Nobody = ["someone", "somebody", "summat", "anyone", "anybody"];

    private void Threats(Scratch s, Collector c)
    {
        const string cat = Categories.ThreatOfViolence;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                // A dare to "say it to my face" names where the confrontation is to be, often the school run: the errand does not undo it.
                case Cue.ThreatPhrase when !Overlaps(s, Cue.HyperboleOwn, h) && !OwnChildJoke(s, h.Sentence) && (!SchoolRunErrand(s, h.Sentence) || PhraseOf(h).EndsWith("to my face", StringComparison.Ordinal)) && !OfficialOfAMatch(s, h) && !(PhraseOf(h).StartsWith("sort ", StringComparison.Ordinal) && ParentBefore(s, h)):
                    c.Hit(cat, h, "threatening or menacing words", "lexicon.threat");
                    // "just kys", "go kill urself": telling a person to kill themselves is bullying and offensive as well.
                    if (TellsToKillThemselves(PhraseOf(h)) && (Identifiable(s) || s.Has(Cue.Pronoun)))
                    {
                        c.Hit(Categories.Cyberbullying, h, "tells a person to kill themselves", "pattern.incites-self-harm");
                        c.Hit(Categories.NegativeOrOffensiveComment, h, "tells a person to kill themselves", "pattern.incites-self-harm");
                    }
                    break;
                case Cue.ThreatIntent:
                    for (var j = i + 1; j < s.HitCount; j++)
                    {
                        ref var a = ref s.Hits[j];
                        // The act may come a clause or two later ("I'm going to wait outside the gates on Monday and
                        // when he comes out ..."), but never in another sentence.
                        if (a.Start - h.End > MaxIntentToAct || a.Sentence != h.Sentence) break;
                        if (a.Cue == Cue.ViolentAct && a.Start >= h.End && !Overlaps(s, Cue.HyperboleOwn, a) && !NotAnAct(s, h, a) && !BeatingASide(s, h, a) && !Exasperation(s, h, a)
                            && (a.Start - h.End <= NearIntentToAct || ActAimedAtPerson(s, a)))
                        {
                            c.Span(cat, h.Start, a.End, "states an intention to do violence, or urges someone else to", "pattern.intent+violence");
                            break;
                        }
                    }
                    break;
                case Cue.SortStart:
                    for (var j = i + 1; j < s.HitCount; j++)
                    {
                        ref var a = ref s.Hits[j];
                        if (a.Start - h.End > 40 || a.Sentence != h.Sentence) break;
                        if (a.Cue == Cue.SortEnd && a.Start > h.End + 1 && !OnlyAThingBetween(s.Norm, h.End, a.Start) && !TheThingBetween(s, h.End, a.Start) && !MoodOrParentSorting(s, h, a) && (Named(s, h.Sentence) >= 0 || First(s, Cue.Role, h.Sentence) >= 0 || First(s, Cue.Pronoun, h.Sentence) >= 0 || First(s, Cue.PupilNoun, h.Sentence) >= 0))
                        {
                            c.Span(cat, h.Start, a.End, "'sort them out' aimed at a person: a veiled threat", "pattern.sort-out");
                            break;
                        }
                    }
                    break;
                case Cue.EmojiWeapon when Identifiable(s) || s.Has(Cue.SchoolRef):
                    c.Hit(cat, h, "a weapon emoji aimed at a person or the school", "emoji.weapon");
                    break;
                // "year 11 better not show their faces tonight 🔪", "we're on them 🔪": a warning to a group with a weapon.
                case Cue.EmojiWeapon when s.Has(Cue.WeaponWarning) && !s.Has(Cue.EmojiLaugh):
                    c.Hit(cat, h, "a weapon emoji with a warning to a person or a group", "emoji.weapon-warning");
                    break;
                case Cue.ThreatHint when s.Has(Cue.ThreatIntent) && Identifiable(s):
                    c.Hit(cat, h, "incites others to do harm to an identifiable person", "pattern.incitement");
                    break;
            }
        }
        if (!c.Has(cat) && s.Has(Cue.ViolentAct)) IllBeforeABlow(s, c);
        if (!c.Has(cat))
        {
            var (hs, he) = HarmToTheBody(s);
            if (hs >= 0) c.Span(cat, hs, he, "promises or calls for a blow to someone's body", "pattern.harm-to-body");
            if (hs >= 0 && IsAny(s.Norm, NextWord(s.Norm, hs), WishLeadIns)) c.Span(Categories.NegativeOrOffensiveComment, hs, he, "wishes violence on a person, saying they deserve it", "rule.violence-wished");
        }
        if (!c.Has(cat))
        {
            var (ks, ke) = KnowsTheirMovements(s, _commonWords);
            if (ks >= 0) c.Span(cat, ks, ke, "lets someone know their movements are being watched: a veiled threat", "pattern.knows-movements");
        }
        if (!c.Has(cat) && (Identifiable(s) || s.Has(Cue.SchoolRef)) && (s.Has(Cue.ThreatIntent) || s.Has(Cue.EmojiAngry)))
        {
            var fist = MayHaveEmoji(s) ? FistOrHammer(s.Text) : -1;
            if (fist >= 0) c.Original(cat, fist, 2, "a fist or hammer emoji aimed at a person or the school, with an angry or intending word", "emoji.fist");
        }
        if (!c.Has(cat) && s.Has(Cue.ThreatIntent))
        {
            var (ps, pe) = BlowToAPersonsBody(s);
            if (ps >= 0) c.Span(cat, ps, pe, "states an intention to strike a named person's body", "pattern.blow-to-body");
        }
        if (!c.Has(cat) && s.Has(Cue.ThroughBarrier))
        {
            var (bs, be) = SentThroughABarrier(s);
            if (bs >= 0) c.Span(cat, bs, be, "a person sent or going through a wall, window or fence", "pattern.through-barrier");
        }
        if (!c.Has(cat) && s.Has(Cue.Ultimatum))
        {
            var u = UltimatumToAPerson(s, c.Post);
            if (u >= 0) c.Hit(cat, s.Hits[u], "an order to a person with the speaker's own 'or else'", "pattern.ultimatum");
        }
        if (!c.Has(cat) && s.Has(Cue.ThreatIntent))
        {
            var (fs, fe) = StartItFinishIt(s);
            if (fs >= 0) c.Span(cat, fs, fe, "'if he wants to start, I'll finish it': a conditional promise of a fight", "pattern.finish-it");
        }
        if (!c.Has(cat) && s.Has(Cue.ThreatIntent))
        {
            var (as_, ae) = SetsFireToSomething(s);
            if (as_ >= 0) c.Span(cat, as_, ae, "states an intention to burn someone's home, car or the school, or urges someone else to", "pattern.arson");
        }
        if (!c.Has(cat) && s.Has(Cue.ThreatIntent))
        {
            var (js, je) = PersonPutAwayOrJumped(s);
            if (js >= 0) c.Span(cat, js, je, "states an intention to put a person in hospital or to jump them", "pattern.hospital-or-jump");
        }
        if (!c.Has(cat) && s.Has(Cue.Vandalism))
        {
            var v = DamageThreatened(s);
            if (v >= 0) c.Hit(cat, s.Hits[v], "threatens or urges damage to someone's car, tyres, windows or door", "pattern.damage");
        }
        if (!c.Has(cat) && s.Has(Cue.HurtComing) && s.Has(Cue.ThreatIntent))
        {
            var hc = HurtAfterOwnIntent(s);
            if (hc >= 0) c.Hit(cat, s.Hits[hc], "'I'll be up there and someone's getting hurt': harm promised after the speaker's own intention", "pattern.hurt-coming");
        }
        if (!c.Has(cat) && s.Has(Cue.SeeWhatHappens))
        {
            var w = OrElseToAPerson(s);
            if (w >= 0) c.Hit(cat, s.Hits[w], "an order about a person with 'and see what happens': a veiled threat", "pattern.see-what-happens");
        }
        if (!c.Has(cat) && AnyWord(s, RuleWord.Beaten))
        {
            var (gs, ge) = GettingHurt(s);
            if (gs >= 0) c.Span(cat, gs, ge, "says a person is about to get beaten up", "pattern.getting-hurt");
        }
        if (!c.Has(cat) && s.Has(Cue.ThreatIntent) && AnyWord(s, RuleWord.Drag))
        {
            var (ds, de) = DragsAPersonOut(s);
            if (ds >= 0) c.Span(cat, ds, de, "states an intention to drag a person out by force", "pattern.drag-out");
        }
        if (c.Has(cat))
        {
            var wish = ViolenceWished(s);
            if (wish >= 0) c.Hit(Categories.NegativeOrOffensiveComment, s.Hits[wish], "wishes violence on a person, saying they deserve it", "rule.violence-wished");
        }
    }

    /// <summary>"someone should burn his garage down", "I'll set his car alight", "we'll torch the place to the
    /// ground": burning or setting fire after an intention in the same sentence. Not "burn the guy on the bonfire",
    /// "I'll burn the toast" (nothing burnt down or set alight).</summary>
    private static (int Start, int End) SetsFireToSomething(Scratch s)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent || Overlaps(s, Cue.HyperboleOwn, h) || OneMoreOrdeal(s, h)) continue;
            var w = NextWord(n, h.End);
            for (var k = 0; k < 4 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = NextWord(n, w.End))
            {
                var burn = WordIs(n, w, "burn") || WordIs(n, w, "torch");
                var set = WordIs(n, w, "set");
                if (!burn && !set) continue;
                var v = NextWord(n, w.End);
                // "somebody should torch the school", "torch his van": to torch a place is to burn it.
                if (WordIs(n, w, "torch") && v.Start >= 0 && (HitAt(s, Cue.SchoolRef, v) || WordIs(n, v, "his") || WordIs(n, v, "her") || WordIs(n, v, "their") || WordIs(n, v, "the"))) return (h.Start, v.End);
                for (var j = 0; j < 5 && v.Start >= 0 && SentenceOf(n, v.Start) == h.Sentence; j++, v = NextWord(n, v.End))
                {
                    if (burn && (WordIs(n, v, "down") || WordIs(n, v, "ground"))) return (h.Start, v.End);
                    // "set his car alight", "set the school on fire"; "set the table on fire with our bake sale" is praise.
                    if (set && (WordIs(n, v, "alight") || WordIs(n, v, "ablaze") || WordIs(n, v, "fire") && WordIs(n, PrevWord(n, v.Start), "on"))
                        && SomeonesPropertyBetween(s, w.End, v.Start))
                        return (h.Start, v.End);
                }
                break;
            }
        }
        return (-1, -1);
    }

    /// <summary>Whether a possessive ("his", "her", "their", "your") or the school stands between the two positions.</summary>
    private static bool SomeonesPropertyBetween(Scratch s, int from, int to)
    {
        var n = s.Norm;
        for (var w = NextWord(n, from); w.Start >= 0 && w.Start < to; w = NextWord(n, w.End))
            if (WordIs(n, w, "his") || WordIs(n, w, "her") || WordIs(n, w, "their") || WordIs(n, w, "your") || WordIs(n, w, "ur") || WordIs(n, w, "school")
                || HitAt(s, Cue.SchoolRef, w) || n.Chars.AsSpan(w.Start, w.End - w.Start).EndsWith("'s")) return true;
        return false;
    }

    /// <summary>"touch my son again and see what happens", "keep giving my lad detentions and see what happens 👊":
    /// an order about a person, repeated ("again") or angry (a fist, a weapon, an angry emoji), then "and see what
    /// happens". Not advice ("ask the head again and see what happens"), an experiment or a fix ("add the bicarb
    /// and see what happens", "turn it off and on again").</summary>
    private int OrElseToAPerson(Scratch s)
    {
        if (s.Has(Cue.EmojiLaugh)) return -1;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.SeeWhatHappens) continue;
            var first = NextWord(n, n.SentenceStart[h.Sentence]);
            if (IsAny(n, first, AdviceOrders)) continue;
            var person = First(s, Cue.OwnChild, h.Sentence) >= 0 || Named(s, h.Sentence) >= 0 || First(s, Cue.Pronoun, h.Sentence) >= 0 || First(s, Cue.Role, h.Sentence) >= 0;
            if (!person) continue;
            var again = false;
            for (var w = first; w.Start >= 0 && w.Start < h.Start; w = NextWord(n, w.End))
                // "again", "one more time"; "link up behind the shop": a place to fight.
                if (WordIs(n, w, "again") || WordIs(n, w, "more") || WordIs(n, w, "link") || WordIs(n, w, "behind")) { again = true; break; }
            if (again || s.Has(Cue.EmojiAngry) || s.Has(Cue.EmojiWeapon) || MayHaveEmoji(s) && FistOrHammer(s.Text) >= 0) return i;
        }
        return -1;
    }

    /// <summary>"I'm gonna put Mason Lowe in hospital", "we'll put him in a wheelchair", "the year 9s are gonna jump
    /// Frankie Dunn": an intention, then "put" with a person and a place only injury sends them, or "jump" with a
    /// person straight after. Not "put Marley in the bath", "jump on the bus", "jump in the pool".</summary>
    private static (int Start, int End) PersonPutAwayOrJumped(Scratch s)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent || Overlaps(s, Cue.HyperboleOwn, h)) continue;
            var w = NextWord(n, h.End);
            for (var k = 0; k < 3 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = NextWord(n, w.End))
            {
                var put = WordIs(n, w, "put") || WordIs(n, w, "putting");
                var jump = WordIs(n, w, "jump") || WordIs(n, w, "jumping");
                if (!put && !jump) continue;
                var who = NextWord(n, w.End);
                var personEnd = WordIs(n, who, "him") || WordIs(n, who, "her") || WordIs(n, who, "them") || WordIs(n, who, "you") ? who.End : -1;
                if (personEnd < 0)
                    for (var m = 0; m < s.MentionCount; m++)
                        if (s.Mentions[m].Start == who.Start && s.Mentions[m].Kind != MentionKind.OwnPupil) { personEnd = s.Mentions[m].End; break; }
                if (personEnd < 0) break;
                // "jump Mason's queue lol": a possessive is a thing of theirs; laughter is a joke.
                if (personEnd >= 2 && n.Chars[personEnd - 2] == '\'' || First(s, Cue.EmojiLaugh, h.Sentence) >= 0 || AnyWord(s, RuleWord.Lol | RuleWord.Haha)) break;
                if (jump) return (h.Start, personEnd);
                var inWord = NextWord(n, personEnd);
                if (!WordIs(n, inWord, "in")) break;
                var place = NextWord(n, inWord.End);
                if (WordIs(n, place, "a") || WordIs(n, place, "the") || WordIs(n, place, "intensive")) place = NextWord(n, place.End);
                if (IsAny(n, place, InjuryPlaces)) return (h.Start, place.End);
                break;
            }
        }
        return (-1, -1);
    }

    private static readonly string[] InjuryPlaces = ["hospital", "coma", "ground", "wheelchair", "box", "ambulance", "icu", "grave", "morgue"];

    /// <summary>"Slash his tyres", "the next teacher who ... gets their car keyed", "I'll smash his windows": damage
    /// urged (an order opening the sentence), promised (an intention before it, "gets/get" before the owner) or
    /// shown with a weapon or angry emoji. A report ("someone slashed the tyres", "had my car keyed") is not.</summary>
    private static int DamageThreatened(Scratch s)
    {
        if (s.Has(Cue.EmojiLaugh)) return -1;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Vandalism) continue;
            var before = PrevWord(n, h.Start);
            if (WordIs(n, before, "had") || WordIs(n, before, "has") || WordIs(n, before, "got") || WordIs(n, before, "my") && WordIs(n, PrevWord(n, before.Start), "had")) continue;
            if (IsSentenceInitial(n, h.Start) || s.Has(Cue.EmojiWeapon) || s.Has(Cue.EmojiAngry)) return i;
            var owner = before;
            var get = PrevWord(n, owner.Start);
            if (WordIs(n, before, "get") || WordIs(n, before, "gets") || WordIs(n, get, "get") || WordIs(n, get, "gets") || WordIs(n, get, "getting")) return i;
            for (var j = 0; j < i; j++)
                if (s.Hits[j].Cue == Cue.ThreatIntent && s.Hits[j].Sentence == h.Sentence && h.Start - s.Hits[j].End <= NearIntentToAct) return i;
        }
        return -1;
    }

    /// <summary>"I'll be up at that school and somebody's getting hurt": harm foretold after the speaker's own
    /// intention in the sentence. A warning about a road ("before somebody's getting hurt on the crossing") or
    /// without the speaker ("if they don't grit the hill someone's going to get hurt") is not a threat.</summary>
    private int HurtAfterOwnIntent(Scratch s)
    {
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.HurtComing || SentenceHasAny(s, h.Sentence, RoadWords)) continue;
            for (var j = 0; j < i; j++)
            {
                ref var t = ref s.Hits[j];
                if (t.Cue != Cue.ThreatIntent || t.Sentence != h.Sentence) continue;
                var intent = PhraseOf(t);
                if (intent.StartsWith("i", StringComparison.Ordinal) || intent.StartsWith("we", StringComparison.Ordinal)) return i;
            }
        }
        return -1;
    }

    private static readonly string[] RoadWords = ["crossing", "road", "roads", "traffic", "parking", "parked", "car", "cars", "ice", "icy", "pavement", "zebra", "speed", "speeding", "driving", "drivers", "lollipop", "bikes", "scooters", "grit", "hill", "junction", "lorries"];

    private static readonly string[] AdviceOrders = ["ask", "tell", "email", "ring", "call", "phone", "try", "wait", "write", "apply", "complain", "message", "add", "turn", "mix", "pop", "let", "just", "let's", "lets"];

    /// <summary>"my lad's getting a slap if he loses another coat 😂": one's own child, laughter and nobody
    /// else identifiable is exasperation, not a threat.</summary>
    private static bool OwnChildJoke(Scratch s, int sentence) =>
        First(s, Cue.OwnChild, sentence) >= 0 && (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol)) && !Identifiable(s);

    /// <summary>The fist and the hammer are weapons only with anger or an intention beside them; the
    /// folding step does not classify them, so they are found here, in the original text.</summary>
    private static int FistOrHammer(string text)
    {
        var i = text.AsSpan().IndexOf("\U0001F44A");
        return i >= 0 ? i : text.AsSpan().IndexOf("\U0001F528");
    }

    /// <summary>"someone's going to get hurt" predicts, "I'm not going to hit anyone" denies, and "I'll kill
    /// him 😂" about nobody anyone could pick out is a parent's exasperation: none of them intends violence.</summary>
    private static bool NotAnAct(Scratch s, in Hit intent, in Hit act)
    {
        var n = s.Norm;
        for (var w = NextWord(n, intent.End); w.Start >= 0 && w.Start < act.Start; w = NextWord(n, w.End))
            if (WordIs(n, w, "not") || WordIs(n, w, "never") || WordIs(n, w, "nobody") || WordIs(n, w, "no") || n.Chars.AsSpan(w.Start, w.End - w.Start).EndsWith("n't") || n.Chars.AsSpan(w.Start, w.End - w.Start).EndsWith("nt"))
                return true;
        var before = PrevWord(n, act.Start);
        if ((WordIs(n, before, "get") || WordIs(n, before, "gets") || WordIs(n, before, "got") || WordIs(n, before, "getting")) && before.Start >= intent.End) return true;
        // "someone's going to get badly hurt", "before he ends up stabbed": harm predicted for someone, not intended.
        var adverb = n.Chars.AsSpan(Math.Max(before.Start, 0), Math.Max(before.End - before.Start, 0));
        var ahead = adverb.EndsWith("ly") ? PrevWord(n, before.Start) : before;
        if (ahead.Start >= intent.End && (WordIs(n, ahead, "get") || WordIs(n, ahead, "gets") || WordIs(n, ahead, "getting"))) return true;
        if (WordIs(n, before, "up") && before.Start >= intent.End && PrevWord(n, before.Start) is var endUp && (WordIs(n, endUp, "end") || WordIs(n, endUp, "ends") || WordIs(n, endUp, "ended") || WordIs(n, endUp, "ending"))) return true;
        var verb = n.Chars.AsSpan(act.Start, act.End - act.Start);
        // "ima stab at the maths homework": to have a stab at something is to try it.
        if (verb.SequenceEqual("stab") && WordIs(n, NextWord(n, act.End), "at")) return true;
        // "I'll bang him a text", "bang her up": to send someone a message, or to lock them up, is no blow.
        if (verb.StartsWith("bang ") && NextWord(n, act.End) is var after && (WordIs(n, after, "a") || WordIs(n, after, "an") || WordIs(n, after, "up"))) return true;
        // "I'll wet her hair", "wet him with the hose": soaking; "ill chef them up some pasta": cooking.
        if (verb.StartsWith("wet ") && IsAny(n, NextWord(n, act.End), NotStabbedWet)) return true;
        if (verb.StartsWith("chef ") && NextWord(n, act.End) is var served
            && (IsAny(n, served, CookedFood) || WordIs(n, served, "up") && IsAny(n, NextWord(n, served.End), CookedFood))) return true;
        if ((verb.StartsWith("kill") || verb.StartsWith("murder") || verb.StartsWith("strangle") || verb.StartsWith("throttle"))
            && !Identifiable(s) && (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Haha)))
            return true;
        if (verb.StartsWith("kill") || verb.StartsWith("murder") || verb.StartsWith("smash") || verb.StartsWith("destroy"))
        {
            // "ima kill this chemistry test": a pupil promising to do well; the thing is an ordeal, not a person.
            var w = NextWord(n, act.End);
            if (WordIs(n, w, "this") || WordIs(n, w, "the") || WordIs(n, w, "that") || WordIs(n, w, "my") || WordIs(n, w, "tomorrow's"))
                for (var k = 0; k < 3 && w.Start >= 0; k++)
                {
                    w = NextWord(n, w.End);
                    if (InList(n, w, RuleWord.Ordeal)) return true;
                }
            // "my dad's going to kill me when he sees the bill": the poster expecting a telling-off at home for
            // something they did. Without the "when"/"if" it may be fear of someone at home, which stays.
            var me = NextWord(n, act.End);
            var then = NextWord(n, me.End);
            if (!verb.StartsWith("smash") && WordIs(n, me, "me") && OwnRelativeBefore(s, intent)
                && (WordIs(n, then, "when") || WordIs(n, then, "if") || WordIs(n, then, "for") || WordIs(n, then, "after")))
                return true;
        }
        return false;
    }

    private static readonly string[] NotStabbedWet =
    [
        "with", "through", "again", "down", "in", "hair", "pants", "knickers", "trousers", "shorts", "bed", "clothes", "socks", "feet",
        "shoes", "towel", "flannel", "face", "wipe",
    ];

    private static readonly string[] CookedFood =
    [
        "a", "an", "some", "summat", "something", "dinner", "tea", "breakfast", "lunch", "food", "pasta", "noodles", "eggs", "toast",
        "soup", "pancakes", "nuggets", "chips", "rice",
    ];

    /// <summary>"ill bang him", "ill wet him": "ill" written for "I'll" straight before a blow aimed at a person (the
    /// apostrophe-free "ill" is no intention cue, since it is also the word for sick). Not after a word that makes it
    /// the adjective ("been ill, kick him out of bed", "so ill", "feeling ill"), nor with punctuation between.</summary>
    private void IllBeforeABlow(Scratch s, Collector c)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref readonly var a = ref s.Hits[i];
            if (a.Cue != Cue.ViolentAct) continue;
            var ill = PrevWord(n, a.Start);
            if (!WordIs(n, ill, "ill") || IsAny(n, PrevWord(n, ill.Start), IllAsSick)) continue;
            var gapFrom = n.OrigEnd[ill.End - 1];
            var gapTo = n.OrigStart[a.Start];
            if (gapTo <= gapFrom || !s.Text.AsSpan(gapFrom, gapTo - gapFrom).IsWhiteSpace()) continue;
            var intent = new Hit { Cue = Cue.ThreatIntent, Entry = -1, Start = ill.Start, End = ill.End, Sentence = a.Sentence };
            if (Overlaps(s, Cue.HyperboleOwn, a) || NotAnAct(s, intent, a) || BeatingASide(s, intent, a) || !ActAimedAtPerson(s, a)) continue;
            c.Span(Categories.ThreatOfViolence, ill.Start, a.End, "states an intention to do violence ('ill' for 'I'll')", "pattern.intent+violence");
            return;
        }
    }

    private static readonly string[] IllAsSick =
    [
        "is", "was", "been", "be", "being", "am", "are", "were", "im", "i'm", "hes", "he's", "shes", "she's", "theyre", "they're", "feel",
        "feels", "feeling", "felt", "get", "gets", "got", "getting", "very", "really", "so", "too", "that", "proper", "seriously",
        "mentally", "terminally", "fell", "falls", "fall", "look", "looks", "looked", "looking", "seem", "seems", "seemed", "became",
        "become", "quite", "bit", "dead", "real", "off", "went", "go", "goes", "gone", "taken", "still", "sound", "sounds", "always",
    ];

    /// <summary>"my mum", "my nan's", "my dad is" just before the intention: someone at home is the one who will "kill me".</summary>
    private static bool OwnRelativeBefore(Scratch s, in Hit intent)
    {
        var n = s.Norm;
        var w = PrevWord(n, intent.Start);
        // Only the relative as the subject: "my dad said he'll kill me" is someone else's words, and may be a disclosure.
        if (WordIs(n, w, "is") || WordIs(n, w, "will") || WordIs(n, w, "would") || WordIs(n, w, "was")) w = PrevWord(n, w.Start);
        if (w.Start < 0) return false;
        var word = n.Chars.AsSpan(w.Start, w.End - w.Start);
        if (word.EndsWith("'s") || word.EndsWith("'ll")) word = word[..word.LastIndexOf('\'')];
        return word is "mum" or "mam" or "mom" or "dad" or "nan" or "nana" or "grandad" or "gran" or "wife" or "husband" or "missus" or "mother" or "father"
            && WordIs(n, PrevWord(n, w.Start), "my");
    }

    /// <summary>"we're gonna batter Marlbury Town on saturday": a fixture word in the sentence, the act aimed at no
    /// pronoun and no roster person named in the sentence: beating a side, not a person.</summary>
    private static bool BeatingASide(Scratch s, in Hit intent, in Hit act) => OneMoreOrdeal(s, intent) ||
        (!ActAimedAtPerson(s, act) || IsAny(s.Norm, NextWord(s.Norm, act.End), SideObjects)) && Named(s, intent.Sentence) < 0 && First(s, Cue.Role, intent.Sentence) < 0
        && (SentenceOf(s.Norm, act.Start) == intent.Sentence) && SportInSentence(s, intent.Sentence);

    /// <summary>"Mr X parks on Y Street every morning at 8. just saying 😈", "she gets the 64 from outside the gates at
    /// 3.30, do what you want with that": a person's whereabouts (an address, a car, a route or a time) handed to others
    /// with a nod is a veiled threat. "just saying" and "just so you know" count only with 👀 or 😈; a bus timetable
    /// or a parking note has no person and no nod.</summary>
    private void WhereaboutsHandedOver(Scratch s, Collector c)
    {
        if (!Identifiable(s) && !s.Has(Cue.Pronoun) || s.Has(Cue.EmojiLaugh)) return;
        var where = s.Has(Cue.Whereabouts) || s.Has(Cue.ChildRoute) || s.Has(Cue.OutAlone);
        if (!where)
            foreach (var f in c.All)
                if (ReferenceEquals(f.CategoryId, Categories.PersonalInformation)) { where = true; break; }
        if (!where) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.WhereaboutsNod) continue;
            var phrase = PhraseOf(h);
            if (phrase.StartsWith("just ", StringComparison.Ordinal)
                && !(MayHaveEmoji(s) && (s.Text.AsSpan().IndexOf("\U0001F440") >= 0 || s.Text.AsSpan().IndexOf("\U0001F608") >= 0))) continue;
            c.Hit(Categories.ThreatOfViolence, h, "hands a person's whereabouts to others with a nod: a veiled threat", "pattern.whereabouts-nod");
            return;
        }
    }

    /// <summary>"ref needs shooting", "the linesman wants shooting": a match official blamed for a result is
    /// hyperbole about the game, not a threat to a person at the school.</summary>
    private static bool OfficialOfAMatch(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var w = PrevWord(n, h.Start);
        if (WordIs(n, w, "the") || WordIs(n, w, "that")) w = PrevWord(n, w.Start);
        if (IsAny(n, w, MatchOfficials)) return true;
        w = PrevWord(n, w.Start);
        return IsAny(n, w, MatchOfficials) && IsAny(n, NextWord(n, w.End), NeedsWants);
    }

    private static readonly string[] SideObjects = ["them", "em"];
    private static readonly string[] NeedsWants = ["needs", "wants"];
    private static readonly string[] PaperWords = ["paper", "papers"];
    private static readonly string[] MatchOfficials = ["ref", "refs", "referee", "referees", "linesman", "linesmen", "umpire", "umpires"];

    private static bool TellsToKillThemselves(string phrase) =>
        phrase.EndsWith("kys", StringComparison.Ordinal) || phrase.Contains("kill yourself", StringComparison.Ordinal) || phrase.Contains("kill urself", StringComparison.Ordinal)
        || phrase.Contains("unalive yourself", StringComparison.Ordinal) || phrase.Contains("unalive urself", StringComparison.Ordinal);

    /// <summary>Fixture days and match words that <see cref="RuleWord.Sport"/> does not hold ("we'll murder Treorchy on
    /// saturday", "bury them at kick off"), read only when the act is aimed at no person.</summary>
    private static readonly string[] FixtureWords = ["saturday", "sunday", "saturday's", "sunday's", "rfc", "afc", "kickoff", "pitch", "scrum", "ref", "referee", "tries", "innings", "wicket"];

    /// <summary>"if I see one more past paper I'm going to set fire to the maths block": exasperation at an ordeal of
    /// school ("one more" paper, mock or homework in the sentence), not an intention; never with a person identifiable.</summary>
    private static bool OneMoreOrdeal(Scratch s, in Hit intent)
    {
        if (Identifiable(s)) return false;
        var n = s.Norm;
        var more = false;
        for (var w = PrevWord(n, intent.Start); w.Start >= 0 && SentenceOf(n, w.Start) == intent.Sentence; w = PrevWord(n, w.Start))
            if (WordIs(n, w, "more") && WordIs(n, PrevWord(n, w.Start), "one")) { more = true; break; }
        return more && (WordInSentence(s, RuleWord.Ordeal, intent.Sentence) || SentenceHasAny(s, intent.Sentence, PaperWords));
    }

    private static bool SportInSentence(Scratch s, int sentence)
    {
        if (SentenceHasAny(s, sentence, FixtureWords)) return true;
        for (var wi = NextWordWith(s, RuleWord.Sport, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Sport, wi + 1))
            if (SentenceOf(s.Norm, s.WordStart[wi]) == sentence) return true;
        return false;
    }

    /// <summary>"sort her mood out", "sort his attitude out": a temper put right, not a person; "his dad needs to sort him
    /// out": a parent disciplining their own child.</summary>
    private static bool MoodOrParentSorting(Scratch s, in Hit sort, in Hit end)
    {
        var n = s.Norm;
        return IsAny(n, PrevWord(n, end.Start), Moods) || ParentBefore(s, sort);
    }

    private static bool ParentBefore(Scratch s, in Hit sort)
    {
        var n = s.Norm;
        var b = PrevWord(n, sort.Start);
        for (var k = 0; k < 4 && b.Start >= 0 && SentenceOf(n, b.Start) == sort.Sentence; k++, b = PrevWord(n, b.Start))
            if (IsAny(n, b, Parents) && !WordIs(n, PrevWord(n, b.Start), "my") && !WordIs(n, PrevWord(n, b.Start), "your") && !WordIs(n, PrevWord(n, b.Start), "ur")) return true;
        return false;
    }

    private static readonly string[] Moods = ["mood", "moods", "attitude", "temper", "behaviour", "manners", "life", "priorities"];
    private static readonly string[] Parents = ["mum", "mom", "mam", "dad", "parents", "mother", "father", "mum's", "mom's", "dad's", "mam's", "ma", "da"];

    /// <summary>"sort the football kits out": "the" straight after "sort" and no roster person, role or title before
    /// "out" is a thing put in order; "sort the head out" has a role.</summary>
    private static bool TheThingBetween(Scratch s, int from, int to)
    {
        var w = NextWord(s.Norm, from);
        if (!WordIs(s.Norm, w, "the")) return false;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Start >= from && s.Mentions[m].Start < to) return false;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if ((h.Cue == Cue.Role || h.Cue == Cue.Title || h.Cue == Cue.PupilNoun || h.Cue == Cue.AdultNoun || h.Cue == Cue.PersonNoun) && h.Start >= from && h.Start < to) return false;
        }
        return true;
    }

    /// <summary>"sort it out" is about a problem; "sort him out" is about a person.</summary>
    private static bool OnlyAThingBetween(NormalizedText n, int from, int to)
    {
        var w = NextWord(n, from);
        if (w.Start < 0) return false;
        return NextWord(n, w.End).Start >= to && (WordIs(n, w, "it") || WordIs(n, w, "this") || WordIs(n, w, "that") || WordIs(n, w, "things") || WordIs(n, w, "everything"));
    }

    /// <summary>"I know where she parks", "I know which gym he goes to", "I know what time she leaves": the
    /// speaker tells a third person that their movements are known. "I know where the form is" names nobody.</summary>
    private static (int Start, int End) KnowsTheirMovements(Scratch s, HashSet<string> commonWords)
    {
        var n = s.Norm;
        if (!AnyWord(s, RuleWord.Movement)) return (-1, -1);
        for (var wi = NextWordWith(s, RuleWord.Know, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Know, wi + 1))
        {
            var w = WordAt(s, wi);
            var wh = NextWord(n, w.End);
            if (!(WordIs(n, wh, "where") || WordIs(n, wh, "which") || WordIs(n, wh, "what") || WordIs(n, wh, "when"))) continue;
            var sentence = SentenceOf(n, w.Start);
            if (First(s, Cue.OwnChild, sentence) >= 0) continue;
            var v = NextWord(n, wh.End);
            for (var k = 0; k < 4 && v.Start >= 0 && SentenceOf(n, v.Start) == sentence; k++, v = NextWord(n, v.End))
            {
                // "I know where Mr Jenkins lives": a name or a role stands where the pronoun would.
                var subjectEnd = WordIs(n, v, "she") || WordIs(n, v, "he") || WordIs(n, v, "they") ? v.End : PersonEndingFrom(s, v.Start);
                // "I know what time Gazza leaves": a capitalised nickname that is no ordinary word stands for a person.
                if (subjectEnd < 0 && v.End - v.Start >= 3 && IsCapitalized(s, v.Start) && !InList(n, v, RuleWord.FirstPerson) && !commonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(n.Chars.AsSpan(v.Start, v.End - v.Start))) subjectEnd = v.End;
                if (subjectEnd < 0) continue;
                var verb = NextWord(n, subjectEnd);
                if (InList(n, verb, RuleWord.Movement)) return (w.Start, verb.End);
            }
        }
        return (-1, -1);
    }

    /// <summary>"he's getting a bat round the head", "she'll get a glass in her face", "needs his legs
    /// breaking", "getting put on his arse": harm promised to, or wished on, a body. A blow or weapon, or a
    /// breaking word, must be there, so "he'll get sun cream on his face" and "she needs a plaster on her
    /// knee" are not threats; "got" tells what happened, so "he got a ball in the face" is not one either.
    /// Hyperbole about one's own child ("my lad's getting a slap 😂") is left alone.</summary>
    private static (int Start, int End) HarmToTheBody(Scratch s)
    {
        var n = s.Norm;
        // A finding needs a body part and a blow or a breaking word somewhere in the post.
        if (!AnyWord(s, RuleWord.BodyPart) || !AnyWord(s, RuleWord.Blow | RuleWord.Breaking)) return (-1, -1);
        for (var wi = NextWordWith(s, RuleWord.HarmLeadIn, 0); wi >= 0; wi = NextWordWith(s, RuleWord.HarmLeadIn, wi + 1))
        {
            var w = WordAt(s, wi);
            var sentence = SentenceOf(n, w.Start);
            if (First(s, Cue.OwnChild, sentence) >= 0 && (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol))) continue;
            var blow = false;
            var v = NextWord(n, w.End);
            for (var k = 0; k < 7 && v.Start >= 0 && SentenceOf(n, v.Start) == sentence; k++, v = NextWord(n, v.End))
            {
                var bits = ListsOf(n, v);
                if ((bits & RuleWord.Blow) != 0) blow = true;
                if ((bits & RuleWord.BodyPart) == 0) continue;
                var owner = PrevWord(n, v.Start);
                if (!InList(n, owner, RuleWord.BodyOwner)) break;
                var after = NextWord(n, v.End);
                if (InList(n, after, RuleWord.Breaking)) return (w.Start, after.End);
                if (blow) return (w.Start, v.End);
                break;
            }
        }
        return (-1, -1);
    }

    private static bool IsAny(NormalizedText n, (int Start, int End) w, string[] words)
    {
        if (w.Start < 0) return false;
        foreach (var word in words) if (WordIs(n, w, word)) return true;
        return false;
    }

    private static readonly string[] HarmLeadIns = ["getting", "get", "gets", "needs", "need", "wants", "deserves", "deserve", "needing"];
    private static readonly string[] Blows = ["bat", "glass", "brick", "bottle", "slap", "smack", "punch", "kick", "kicking", "fist", "boot", "hiding", "battering", "beating", "hammer", "knife", "clout", "belt", "headbutt", "thump", "whack", "put", "knocked", "dropped", "decked", "floored", "laid", "chair", "crack", "dig", "hander", "backhander"];
    private static readonly string[] BodyParts = ["head", "face", "teeth", "jaw", "nose", "mouth", "gob", "legs", "leg", "arms", "arm", "neck", "kneecaps", "knees", "skull", "ribs", "fingers", "arse", "backside", "throat", "eye", "eyes", "lip", "chin"];
    private static readonly string[] BodyOwners = ["his", "her", "their", "your", "ur", "the", "its", "them", "him"];
    private static readonly string[] Breaking = ["breaking", "broken", "smashing", "smashed", "kicking", "kicked", "punching", "bashing", "bashed", "caving", "caved", "stamping", "stamped", "knocking", "knocked", "rearranging", "rearranged", "busting", "busted", "snapping", "snapped", "slapping", "cracking"];

    private static readonly string[] MovementVerbs = ["lives", "live", "parks", "leaves", "goes", "drives", "walks", "works", "drinks", "finishes", "sleeps", "trains", "shops"];

    private void Racism(Scratch s, Collector c)
    {
        const string cat = Categories.RacistComment;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                case Cue.RacialSlur:
                    if (_commonWords.Contains(PhraseOf(h)) && !Masked(s, h) && !NamesPeople(n, h)) break;
                    c.Hit(cat, h, "a racial or ethnic slur", "lexicon.slur");
                    break;
                case Cue.RacistPhrase:
                    // "get back to England where she belongs", "go back to Poland and run it there": only with a homeland or
                    // "where they belong" after it and nobody speaking of themselves ("we'll go back to Poland next summer").
                    if (PhraseOf(h).StartsWith("get back", StringComparison.Ordinal) && !HomelandAfter(s, h)) break;
                    if ((PhraseOf(h).StartsWith("go", StringComparison.Ordinal) || PhraseOf(h).StartsWith("send", StringComparison.Ordinal)) && !HomelandAfter(s, h))
                    {
                        // "I'll go back to the office" is not "they can go back home".
                        var prev = PrevWord(n, h.Start);
                        // "stop hiring foreigners, send them back": with a national or ethnic group named, the order is about the group.
                        if (!(prev.Start < 0 || IsSentenceInitial(n, h.Start) || s.Has(Cue.Ethnic) || WordIs(n, prev, "should") || WordIs(n, prev, "can") || WordIs(n, prev, "could") || WordIs(n, prev, "must") || WordIs(n, prev, "just")
                              || WordIs(n, prev, "to") || WordIs(n, prev, "them") || WordIs(n, prev, "off") || WordIs(n, prev, "and") || WordIs(n, prev, "they"))) break;
                    }
                    c.Hit(cat, h, "hostility because of race, nationality or ethnic origin", "pattern.racist-phrase");
                    break;
                case Cue.Ethnic:
                {
                    var prev = PrevWord(n, h.Start);
                    var determiner = false;
                    for (var j = 0; j < s.HitCount && !determiner; j++)
                        if (s.Hits[j].Cue == Cue.EthnicDeterminer && s.Hits[j].End + 1 == h.Start) determiner = true;
                    // "foreigners shouldn't be teaching": a whole group run down in its work is hostility to the group.
                    // An insult word near a group name counts unless the sentence is praise ("the Chinese new year dragon parade was fab").
                    if (determiner && prev.Start >= 0 || Near(s, Cue.Stereotype, h, 100) || Near(s, Cue.Insult, h, 60) && !s.InSentence(Cue.Positive, h.Sentence)
                        || Near(s, Cue.ProfessionalDisparage, h, 60) || Near(s, Cue.CodedGroup, h, 40))
                        c.Hit(cat, h, "a stereotype or generalisation about a national or ethnic group", "pattern.stereotype");
                    break;
                }
                case Cue.CodedGroup when Near(s, Cue.Stereotype, h, 100) || Near(s, Cue.Insult, h, 60) || s.Has(Cue.RacialSlur) || Near(s, Cue.Ethnic, h, 40):
                    c.Hit(cat, h, "a coded reference to an ethnic group with a stereotype", "pattern.stereotype");
                    break;
                case Cue.Tokenism when TokenHire(s, h):
                    c.Hit(cat, h, "says an adult got their post because of their race ('tick a box', 'diversity hire')", "pattern.tokenism");
                    break;
            }
        }
        if (!c.Has(cat) && (s.Has(Cue.Insult) || s.Has(Cue.Profanity)))
        {
            // "english scum", "another welsh bastard": a nationality the lists leave out (it is also a lesson or a team)
            // straight before an insult.
            for (var i = 0; i < s.HitCount; i++)
            {
                ref var h = ref s.Hits[i];
                if (h.Cue is not (Cue.Insult or Cue.Profanity) || !IsAny(n, PrevWord(n, h.Start), Nationalities)) continue;
                c.Span(cat, PrevWord(n, h.Start).Start, h.End, "a nationality with an insult", "pattern.nationality-insult");
                break;
            }
        }
        if (!c.Has(cat) && MayHaveEmoji(s))
        {
            // "Tyrese in the nativity 🐒🍌": the monkey or gorilla emoji at a named pupil, never at the zoo or one's own child.
            var at = s.Text.AsSpan().IndexOf("\U0001F412");
            if (at < 0) at = s.Text.AsSpan().IndexOf("\U0001F98D");
            // "they made a meme of her with a 🐒 filter, this school is so racist": a report of the abuse is not the abuse.
            if (at >= 0 && NamedPupil(s) && !AnyWord(s, RuleWord.Ours) && !s.Has(Cue.OwnChild) && !PostHasAny(n, ZooWords) && !PostHasAny(n, RacismWords))
            {
                c.Original(cat, at, 2, "a monkey emoji aimed at a named pupil: racist abuse", "emoji.monkey");
                c.Original(Categories.NegativeOrOffensiveComment, at, 2, "a monkey emoji aimed at a named pupil", "emoji.monkey");
            }
        }
        var accent = MockedAccent(s);
        if (accent >= 0)
        {
            c.Hit(cat, s.Hits[accent], "puts on a person's accent to laugh at them", "pattern.mock-accent");
            c.Hit(Categories.Cyberbullying, s.Hits[accent], "mocks a person's accent for others to laugh at", "pattern.mock-accent");
        }
    }

    private static readonly string[] Nationalities = ["english", "welsh", "scottish", "british", "englishman", "yank", "polish", "irish", "romanian", "paki", "asian", "african"];
    private static readonly string[] RacismWords = ["racist", "racism", "racially"];
    private static readonly string[] ZooWords = ["zoo", "safari", "monkeys", "monkey", "animals", "animal", "jungle", "gorilla", "teddy", "toy"];
    private static readonly string[] Homelands = ["africa", "pakistan", "poland", "india", "romania", "jamaica", "bangladesh", "somalia", "nigeria", "punjab", "syria", "albania", "lithuania", "bulgaria", "slovakia", "china", "ireland", "england", "scotland", "wales", "caribbean", "asia", "europe", "turkey", "iraq", "iran", "afghanistan", "sylhet", "mirpur", "kashmir", "belong", "belongs", "country", "water"];

    private static bool PostHasAny(NormalizedText n, string[] words)
    {
        for (var w = NextWord(n, 0); w.Start >= 0; w = NextWord(n, w.End))
            if (IsAny(n, w, words)) return true;
        return false;
    }

    /// <summary>A homeland ("Poland", "the Punjab") or "where they belong" within three words after "go back", and no
    /// "I", "we" or "my" before it in the sentence.</summary>
    private static bool HomelandAfter(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var home = false;
        var w = NextWord(n, h.End);
        if (IsAny(n, PrevWord(n, h.End), Homelands)) home = true;
        for (var k = 0; k < 4 && !home && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = NextWord(n, w.End))
            home = IsAny(n, w, Homelands);
        if (!home) return false;
        for (var b = PrevWord(n, h.Start); b.Start >= 0 && SentenceOf(n, b.Start) == h.Sentence; b = PrevWord(n, b.Start))
            if (InList(n, b, RuleWord.FirstPerson) || WordIs(n, b, "we") || WordIs(n, b, "we'll") || WordIs(n, b, "our")) return false;
        return true;
    }

    /// <summary>"nip to the shop", "a chink in the armour", "tinker with it": slurs that are also ordinary
    /// words count only when masked or used of people ("a dirty n**", "those tinkers").</summary>
    private static bool NamesPeople(NormalizedText n, in Hit h)
    {
        var prev = PrevWord(n, h.Start);
        foreach (var d in PeopleDeterminers)
            if (WordIs(n, prev, d)) return true;
        return false;
    }

    private static readonly string[] PeopleDeterminers = ["that", "those", "these", "them", "you", "dirty", "bloody", "filthy", "typical", "little", "fucking", "stupid", "another"];

    private static bool Masked(Scratch s, in Hit h)
    {
        var n = s.Norm;
        for (var i = n.OrigStart[h.Start]; i < n.OrigEnd[h.End - 1] && i < s.Text.Length; i++)
            if (!char.IsLetter(s.Text[i])) return true;
        return false;
    }

    private static bool AnyTarget(Scratch s) =>
        Named(s) >= 0 || s.Has(Cue.Role) || s.Has(Cue.Pronoun) || s.Has(Cue.PersonNoun) || s.Has(Cue.AdultNoun) || s.Has(Cue.SchoolRef);

    private void Obscenity(Scratch s, Collector c)
    {
        const string cat = Categories.ObsceneContent;
        var target = AnyTarget(s);
        var (cs, ce) = CurseAtTarget(s);
        if (cs >= 0) c.Span(cat, cs, ce, "a curse aimed at a person or the school ('f*** the governors', 'shove it up her ...')", "pattern.curse-at");
        // The aubergine is the one sexual emoji with no everyday reading (a hot face or a droplet may be the weather).
        if (Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role))
        {
            var aubergine = MayHaveEmoji(s) ? s.Text.AsSpan().IndexOf("\U0001F346") : -1;
            if (aubergine >= 0) c.Original(cat, aubergine, 2, "a sexual emoji aimed at an identifiable adult", "emoji.sexual");
        }
        // The peach is fruit too ("peach smoothies 🍑😋"); with a leer (😏, 🥵, 🤤, 💦, 🔞) and a person it is a bottom.
        if (!c.Has(cat) && MayHaveEmoji(s) && (Identifiable(s) || s.Has(Cue.Pronoun)))
        {
            var peach = s.Text.AsSpan().IndexOf("\U0001F351");
            if (peach >= 0 && LeerEmoji(s.Text)) c.Original(cat, peach, 2, "a sexual emoji with a leer aimed at a person", "emoji.sexual");
        }
        var innuendo = Innuendo(s);
        if (innuendo >= 0)
        {
            ref var ih = ref s.Hits[innuendo];
            c.Hit(cat, ih, "sexual innuendo about an identifiable adult", "pattern.innuendo");
            // Stated as what happened, it is a sexual claim that exposes them to ridicule; between two adults
            // connected with the school ("the deputy and Mrs Hale were at it on the trip") it alleges misconduct too.
            if (InnuendoClaims(s, ih) && Named(s, adultsOnly: true) >= 0)
            {
                c.Hit(Categories.DefamatoryStatement, ih, "sexual innuendo stated as fact about an identifiable adult (exposes them to ridicule)", "rule.defamation");
                if (AdultsInPost(s) >= 2 && StaffInPost(s)) c.Hit(Categories.AllegationAboutStaff, ih, "alleges sexual misconduct between adults connected with the school", "pattern.innuendo");
            }
        }
        if (!(s.Has(Cue.GrossObscene) || s.Has(Cue.Sexual))) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue == Cue.GrossObscene) c.Hit(cat, h, "grossly obscene language", "lexicon.obscene");
            else if (h.Cue == Cue.Sexual && target && !SlagOff(s.Norm, h)) c.Hit(cat, h, "sexual language aimed at a person or the school", "lexicon.sexual");
        }
    }

    private static bool LeerEmoji(string text)
    {
        var t = text.AsSpan();
        return t.IndexOf("\U0001F60F") >= 0 || t.IndexOf("\U0001F975") >= 0 || t.IndexOf("\U0001F924") >= 0 || t.IndexOf("\U0001F4A6") >= 0 || t.IndexOf("\U0001F51E") >= 0 || t.IndexOf("\U0001F346") >= 0;
    }

    /// <summary>"slags you off", "slagging us all off": to slag someone off is to run them down, not a sexual insult.</summary>
    private static bool SlagOff(NormalizedText n, in Hit h)
    {
        if (!n.Chars.AsSpan(h.Start, h.End - h.Start).StartsWith("slag")) return false;
        var v = NextWord(n, h.End);
        for (var k = 0; k < 3 && v.Start >= 0; k++, v = NextWord(n, v.End))
            if (WordIs(n, v, "off")) return true;
        return false;
    }

    /// <summary>"f*** Fernhill", "f*** the governors", "shove it up her fat a***": an obscenity with its
    /// target right after it. "f*** the traffic" has none, and swearing at nobody is not labelled.</summary>
    private (int Start, int End) CurseAtTarget(Scratch s)
    {
        var n = s.Norm;
        // A masked "f***" is a curse too (MaskedF) but carries no rule word, so a post with a mask in it is read
        // word by word; the others visit only their curse and shove words, in the same order.
        if (s.Text.AsSpan().IndexOfAny('*', '#') >= 0)
        {
            for (var w = NextWord(n, 0); w.Start >= 0; w = NextWord(n, w.End))
                if (CurseAt(s, w) is { Start: >= 0 } found) return found;
            return (-1, -1);
        }
        for (var wi = NextWordWith(s, RuleWord.Curse | RuleWord.Shove, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Curse | RuleWord.Shove, wi + 1))
            if (CurseAt(s, WordAt(s, wi)) is { Start: >= 0 } found) return found;
        return (-1, -1);
    }

    private (int Start, int End) CurseAt(Scratch s, (int Start, int End) w)
    {
        var n = s.Norm;
        if (WordIs(n, w, "fuck") || WordIs(n, w, "screw") || MaskedF(s, w))
        {
            var t = NextWord(n, w.End);
            if (WordIs(n, t, "the") || WordIs(n, t, "that") || WordIs(n, t, "every") || WordIs(n, t, "all")) t = NextWord(n, t.End);
            if (WordIs(n, t, "one") || WordIs(n, t, "of")) t = NextWord(n, t.End);
            if (t.Start >= 0 && (TargetAt(s, t) || WordIs(n, t, "you") || WordIs(n, t, "them") || WordIs(n, t, "him") || WordIs(n, t, "her"))) return (w.Start, t.End);
            // "the governors can all go and f*** themselves": the target is the sentence's subject.
            if (IsAny(n, t, Reflexives) && AnyTarget(s)) return (w.Start, t.End);
        }
        else if (WordIs(n, w, "shove") || WordIs(n, w, "stick") || WordIs(n, w, "ram"))
        {
            var v = NextWord(n, w.End);
            for (var k = 0; k < 8 && v.Start >= 0 && SentenceOf(n, v.Start) == SentenceOf(n, w.Start); k++, v = NextWord(n, v.End))
            {
                if (!WordIs(n, v, "up")) continue;
                var whose = NextWord(n, v.End);
                if (WordIs(n, whose, "her") || WordIs(n, whose, "his") || WordIs(n, whose, "your") || WordIs(n, whose, "their") || WordIs(n, whose, "its")) return (w.Start, whose.End);
            }
        }
        return (-1, -1);
    }

    /// <summary>A roster person, a role or the school starting at this word.</summary>
    private bool TargetAt(Scratch s, (int Start, int End) w)
    {
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Start == w.Start && s.Mentions[m].Kind != MentionKind.OwnPupil) return true;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Start == w.Start && s.Hits[i].Cue is Cue.Role or Cue.SchoolRef) return true;
        return false;
    }

    private void PersonalInformation(Scratch s, Collector c)
    {
        const string cat = Categories.PersonalInformation;
        var text = s.Text;
        var n = s.Norm;
        // Phone numbers and e-mail addresses are read from the original text, where digits and '@' are intact.
        var scan = text.AsSpan(0, Math.Min(text.Length, NormalizedText.MaxChars));
        var at = scan.IndexOfAny(PiiStart);
        while (at >= 0)
        {
            var next = at + 1;
            if (scan[at] == '@') next = Email(s, c, at);
            else if (at == 0 || !char.IsAsciiDigit(scan[at - 1])) next = Phone(s, c, at);
            var rest = scan[next..].IndexOfAny(PiiStart);
            at = rest < 0 ? -1 : next + rest;
        }
        // Postcodes, number plates and street addresses are read from the folded words.
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                case Cue.StreetWord:
                {
                    var w1 = PrevWord(n, h.Start);
                    (int Start, int End) w2 = w1.Start >= 0 ? PrevWord(n, w1.Start) : (-1, -1);
                    if (w1.Start >= 0 && IsCapitalized(s, w1.Start) && IsCapitalized(s, h.Start) && w2.Start >= 0 && IsNumber(n, w2))
                        c.Span(cat, w2.Start, h.End, "a street address", "pattern.address");
                    else if (w1.Start >= 0 && w2.Start >= 0 && WordIs(n, w1, "the") && IsNumber(n, w2) && IsCapitalized(s, h.Start))
                        c.Span(cat, w2.Start, h.End, "a street address", "pattern.address");
                    break;
                }
                case Cue.Whereabouts when PersonTarget(s, h.Sentence) || Named(s) >= 0:
                    c.Hit(cat, h, "where someone lives, parks or can be found", "lexicon.whereabouts");
                    break;
                case Cue.Workplace when SubjectIsPerson(s, h):
                    c.Hit(cat, h, "where someone works outside school", "lexicon.workplace");
                    break;
                case Cue.Birthday when HasDigitAfter(n, h.End, 24):
                    c.Hit(cat, h, "a date of birth", "pattern.date-of-birth");
                    break;
                // "my lad has guitar every Tuesday and walks home": a parent may tell where their own child is.
                case Cue.ChildRoute when Count(s, Cue.ChildRoute) + Count(s, Cue.Whereabouts) >= 2 && (NamedPupil(s) || s.Has(Cue.PupilNoun) && !s.Has(Cue.OwnChild)):
                    c.Hit(cat, h, "where and when a child can be found", "lexicon.child-route");
                    break;
            }
        }
        Postcodes(s, c, PersonInPost(s) || s.Has(Cue.Whereabouts));
    }

    /// <summary>Someone a postcode could belong to: a roster name, a role, an adult ("her husband") or a
    /// third-person pronoun. "The fair is at the park, KX2 1AA" names a public place, not a person.</summary>
    private bool PersonInPost(Scratch s)
    {
        if (Named(s) >= 0 || s.Has(Cue.Role) || s.Has(Cue.AdultNoun)) return true;
        if (!s.Has(Cue.Pronoun)) return false;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Pronoun && PhraseOf(s.Hits[i]) is not ("you" or "u" or "ur" or "you're")) return true;
        return false;
    }

    /// <summary>"Ms Dunn works Saturdays in...", "she works at...": the words right before the cue name
    /// the person, so "my friend works at the council" (a source, not a target) is left alone.</summary>
    private static bool SubjectIsPerson(Scratch s, in Hit h)
    {
        // "Miss Younger also works Saturdays at...": an adverb between the person and the verb changes nothing.
        var at = h.Start;
        var prev = PrevWord(s.Norm, h.Start);
        if (IsAny(s.Norm, prev, WorkAdverbs)) at = prev.Start;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].End + 1 == at && s.Mentions[m].Kind != MentionKind.OwnPupil) return true;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Pronoun && s.Hits[i].End + 1 == at) return true;
        return false;
    }

    private static readonly string[] WorkAdverbs = ["also", "still", "now", "only", "even", "actually", "apparently", "secretly"];

    private static readonly System.Buffers.SearchValues<char> PiiStart = System.Buffers.SearchValues.Create("@0+");

    private static bool NamedPupil(Scratch s)
    {
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Kind is MentionKind.Pupil or MentionKind.PupilFamily) return true;
        return false;
    }

    private static bool IsNumber(NormalizedText n, (int Start, int End) w)
    {
        if (w.Start < 0 || w.End - w.Start > 4) return false;
        for (var i = w.Start; i < w.End; i++) if (!char.IsAsciiDigit(n.Chars[i])) return i > w.Start && i == w.End - 1 && char.IsAsciiLetterLower(n.Chars[i]);
        return true;
    }

    private static bool HasDigitAfter(NormalizedText n, int from, int within)
    {
        for (var i = from; i < Math.Min(n.Length, from + within); i++) if (char.IsAsciiDigit(n.Chars[i])) return true;
        return false;
    }

    /// <summary>The author's own number ("text me on", "ring me") and the school's office are not disclosures.</summary>
    private static bool OwnOrOfficial(Scratch s, int normPos)
    {
        var sentence = SentenceOf(s.Norm, normPos);
        // "Mr X's mobile is 07700 ..., he gave it out at the office": the office is where it was given, not whose line it is.
        return First(s, Cue.OwnContact, sentence) >= 0 || First(s, Cue.OfficialContact, sentence) >= 0 && First(s, Cue.PersonalLine, sentence) < 0;
    }

    private static int NormIndexOf(NormalizedText n, int original)
    {
        int lo = 0, hi = n.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (n.OrigStart[mid] <= original) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>UK numbers: 07xxx xxxxxx mobiles, 01/02/03 landlines, +44; spaces and dashes allowed.</summary>
    private static int Phone(Scratch s, Collector c, int start)
    {
        var t = s.Text;
        var i = start;
        var digits = 0;
        if (t[i] == '+')
        {
            if (i + 2 >= t.Length || t[i + 1] != '4' || t[i + 2] != '4') return start + 1;
            i += 3; digits = 1; // +44 stands for the leading 0
            while (i < t.Length && t[i] == ' ') i++;
        }
        else if (i + 1 >= t.Length || t[i + 1] is not ('1' or '2' or '3' or '7' or '8')) return start + 1;
        var end = i;
        while (i < t.Length && i - start < 20)
        {
            if (char.IsAsciiDigit(t[i])) { digits++; i++; end = i; }
            else if ((t[i] is ' ' or '-') && i + 1 < t.Length && char.IsAsciiDigit(t[i + 1])) i++;
            else break;
        }
        if (digits is < 10 or > 11 || end < t.Length && char.IsAsciiDigit(t[end])) return Math.Max(end, start + 1);
        if (!OwnOrOfficial(s, NormIndexOf(s.Norm, start)))
            c.Original(Categories.PersonalInformation, start, end - start, "a phone number that is not the author's own or the school's", "pattern.phone");
        return end;
    }

    private static int Email(Scratch s, Collector c, int at)
    {
        var t = s.Text;
        var l = at;
        while (l > 0 && (char.IsAsciiLetterOrDigit(t[l - 1]) || t[l - 1] is '.' or '_' or '-' or '+')) l--;
        var r = at + 1;
        var dot = false;
        while (r < t.Length && (char.IsAsciiLetterOrDigit(t[r]) || t[r] is '.' or '-'))
        {
            if (t[r] == '.' && r + 1 < t.Length && char.IsAsciiLetter(t[r + 1])) dot = true;
            r++;
        }
        while (r > at + 1 && t[r - 1] == '.') r--;
        if (l == at || !dot) return at + 1;
        if (!OwnOrOfficial(s, NormIndexOf(s.Norm, l)))
            c.Original(Categories.PersonalInformation, l, r - l, "an e-mail address that is not the author's own or the school's", "pattern.email");
        return r;
    }

    /// <summary>UK postcodes ("BF4 7QT") and current-style number plates ("BF19 XKD") as two folded words.</summary>
    private static void Postcodes(Scratch s, Collector c, bool personal)
    {
        var n = s.Norm;
        if (n.Span.IndexOfAnyInRange('0', '9') < 0) return;
        var ch = n.Chars;
        var i = 1;
        while (i < n.Length)
        {
            // Both forms have a digit in their first word, so only the words holding one are read.
            var digit = ch.AsSpan(i, n.Length - i).IndexOfAnyInRange('0', '9');
            if (digit < 0) break;
            var from = i + digit;
            while (ch[from - 1] != ' ') from--;
            var w = NextWord(n, from);
            if (w.Start < 0) break;
            i = w.End;
            var len = w.End - w.Start;
            if (len is < 2 or > 4 || !char.IsAsciiLetterLower(ch[w.Start])) continue;
            var v = NextWord(n, w.End);
            if (v.Start < 0 || v.End - v.Start != 3) continue;
            var a = ch.AsSpan(w.Start, len);
            var b = ch.AsSpan(v.Start, 3);
            if (personal && IsOutward(a) && char.IsAsciiDigit(b[0]) && char.IsAsciiLetterLower(b[1]) && char.IsAsciiLetterLower(b[2]) && IsUpperInOriginal(s, w.Start, v.End))
                c.Span(Categories.PersonalInformation, w.Start, v.End, "a postcode", "pattern.postcode");
            else if (len == 4 && char.IsAsciiLetterLower(a[1]) && char.IsAsciiDigit(a[2]) && char.IsAsciiDigit(a[3]) && b.IndexOfAnyExceptInRange('a', 'z') < 0 && IsUpperInOriginal(s, w.Start, v.End))
                c.Span(Categories.PersonalInformation, w.Start, v.End, "a vehicle registration", "pattern.number-plate");
        }

        static bool IsOutward(ReadOnlySpan<char> a)
        {
            var k = 0;
            while (k < a.Length && char.IsAsciiLetterLower(a[k])) k++;
            if (k is < 1 or > 2 || k == a.Length || !char.IsAsciiDigit(a[k])) return false;
            k++;
            if (k < a.Length && (char.IsAsciiDigit(a[k]) || char.IsAsciiLetterLower(a[k]))) k++;
            return k == a.Length;
        }
    }

    /// <summary>Postcodes and plates are written in capitals; "on 3rd may" is not one.</summary>
    private static bool IsUpperInOriginal(Scratch s, int normStart, int normEnd)
    {
        for (var i = normStart; i < normEnd; i++)
        {
            var o = s.Norm.OrigStart[i];
            if (o < s.Text.Length && char.IsLower(s.Text[o])) return false;
        }
        return true;
    }

    private void Confidential(Scratch s, Collector c)
    {
        if (!s.Has(Cue.Confidential)) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Confidential || NotAPrivateMatter(s, h)) continue;
            var m = Named(s, h.Sentence);
            // "Did you know Cole's on a reduced timetable? Excluded twice this year": the second sentence is still about him.
            if (m < 0 && h.Sentence > 0 && !PersonTarget(s, h.Sentence) && First(s, Cue.OwnChild, h.Sentence) < 0) m = Named(s, h.Sentence - 1);
            if (m < 0) continue;
            c.Hit(Categories.ConfidentialInformation, h, _reasons[s.Mentions[m].Person].Confidential, "lexicon.confidential");
        }
    }

    /// <summary>"someone's nicked his ladder", "somebody stole her purse": an unknown person did it and the adult's
    /// things were taken; the adult is the one wronged.</summary>
    private static bool StrangerTookTheirs(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var owner = NextWord(n, h.End);
        if (!WordIs(n, owner, "his") && !WordIs(n, owner, "her") && !WordIs(n, owner, "their")) return false;
        var who = PrevWord(n, h.Start);
        if (WordIs(n, who, "has") || WordIs(n, who, "have") || WordIs(n, who, "had")) who = PrevWord(n, who.Start);
        return IsAny(n, who, Strangers);
    }

    private static readonly string[] Strangers = ["someone", "someone's", "someones", "somebody", "somebody's", "somebodys", "some1"];

    private bool Allegations(Scratch s, Collector c, bool aboutOtherSchool)
    {
        var (fs, fe) = FalsifiesRecords(s);
        if (fs < 0) (fs, fe) = LooksBetterMotive(s);
        if (fs < 0) (fs, fe) = Favouritism(s);
        if (fs < 0) (fs, fe) = StrikesAChild(s);
        if (fs < 0) (fs, fe) = PrivateContactWithPupils(s);
        if (!s.Has(Cue.Misconduct) && !s.Has(Cue.ProfessionalDisparage) && !s.Has(Cue.SexualClaim) && fs < 0) return false;
        if (aboutOtherSchool) return false;
        var adult = Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role) || OtherAdult(s) || s.Has(Cue.SchoolRef);
        // The school's name counts as the target only when no unnamed adult ("the dad who...") is the subject.
        var identifiable = Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role) || AliasMentioned(s) && !s.Has(Cue.AdultNoun);
        var hedged = s.Has(Cue.Hedge);
        var found = false;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                case Cue.Misconduct when adult && !s.InSentence(Cue.Topic, h.Sentence) && !WordIs(s.Norm, PrevWord(s.Norm, h.Start), "it") && !StrangerTookTheirs(s, h):
                    c.Hit(Categories.AllegationAboutStaff, h, "alleges wrongdoing by an adult connected with the school", "lexicon.misconduct");
                    found = true;
                    // Stratford's test: stated as fact (not asked), about someone identifiable, published, and lowering them in others' eyes.
                    var asked = s.Norm.SentenceTerm[h.Sentence] == '?' && !s.Has(Cue.FactAssert);
                    if (identifiable && !hedged && !asked)
                        c.Hit(Categories.DefamatoryStatement, h, "states as fact a damaging claim about an identifiable person or the school (lowers them in the estimation of right-thinking people)", "rule.defamation");
                    break;
                // A group run down in its work ("can't even do them properly") is racism, read there, not a claim about one person.
                case Cue.ProfessionalDisparage when (identifiable || s.Has(Cue.Pronoun)) && !c.Has(Categories.RacistComment):
                    c.Hit(Categories.DefamatoryStatement, h, "disparages an identifiable person in their profession, stated as fact", "rule.defamation");
                    break;
                case Cue.SexualClaim when (s.Has(Cue.Sexual) || s.Has(Cue.GrossObscene)) && Named(s) >= 0 || s.Has(Cue.Role) && s.Has(Cue.Sexual):
                    c.Hit(Categories.DefamatoryStatement, h, "a sexual claim about an identifiable person that would expose them to ridicule or contempt", "rule.defamation");
                    break;
            }
        }
        if (!found && fs >= 0 && adult)
        {
            c.Span(Categories.AllegationAboutStaff, fs, fe, "alleges misconduct: falsified records, favouritism or a child struck", "pattern.misconduct-frame");
            found = true;
            if (identifiable && !hedged && !(s.Norm.SentenceTerm[SentenceOf(s.Norm, fs)] == '?' && !s.Has(Cue.FactAssert)))
                c.Span(Categories.DefamatoryStatement, fs, fe, "states as fact a damaging claim about an identifiable person or the school (lowers them in the estimation of right-thinking people)", "rule.defamation");
        }
        return found;
    }

    /// <summary>"cooks the attendance figures", "fiddled the books", "massaging the results": a verb of
    /// falsifying with records as its object, whichever verb and record. "cooks the dinners" is neither.</summary>
    private static (int Start, int End) FalsifiesRecords(Scratch s)
    {
        var n = s.Norm;
        if (!AnyWord(s, RuleWord.Record)) return (-1, -1);
        for (var w = NextWord(n, 0); w.Start >= 0; w = NextWord(n, w.End))
        {
            var word = n.Chars.AsSpan(w.Start, w.End - w.Start);
            var falsify = false;
            foreach (var stem in FalsifyStems) if (word.StartsWith(stem) && word.Length <= stem.Length + 3) falsify = true;
            if (!falsify) continue;
            var v = NextWord(n, w.End);
            for (var k = 0; k < 3 && v.Start >= 0; k++, v = NextWord(n, v.End))
                if (InList(n, v, RuleWord.Record)) return (w.Start, v.End);
        }
        return (-1, -1);
    }

    /// <summary>"so the results look better", "so the numbers look good": a motive for making records
    /// look better is an allegation that they were made to, whatever was done to them.</summary>
    private static (int Start, int End) LooksBetterMotive(Scratch s)
    {
        var n = s.Norm;
        if (!AnyWord(s, RuleWord.Look) || !AnyWord(s, RuleWord.Record | RuleWord.Tally)) return (-1, -1);
        for (var wi = NextWordWith(s, RuleWord.So, 0); wi >= 0; wi = NextWordWith(s, RuleWord.So, wi + 1))
        {
            var w = WordAt(s, wi);
            var v = NextWord(n, w.End);
            if (IsAny(n, v, RecordOwners)) v = NextWord(n, v.End);
            if (!InList(n, v, RuleWord.Record | RuleWord.Tally)) continue;
            var look = NextWord(n, v.End);
            if (InList(n, look, RuleWord.Look)) return (w.Start, look.End);
        }
        return (-1, -1);
    }

    private static readonly string[] RecordOwners = ["the", "their", "our", "his", "her"];
    private static readonly string[] TallyWords = ["attendance", "numbers"];
    private static readonly string[] LookWords = ["look", "looks", "looked"];

    /// <summary>"the head's mate got the contract", "his wife keeps her cushy job", "Mrs Charlton's nephew
    /// got the TA job without an interview": a relative or friend of someone else given a post, with a
    /// word that says it was not earned ("only", "without", "funny how", "so", 🤔). "My friend got a job
    /// at the school" is the author's own, and "her husband has a new job in Leeds" says nothing was wrong.</summary>
    private static (int Start, int End) Favouritism(Scratch s)
    {
        var n = s.Norm;
        if (!AnyWord(s, RuleWord.Post)) return (-1, -1);
        var innuendo = AnyWord(s, RuleWord.Innuendo) || MayHaveEmoji(s) && s.Text.AsSpan().IndexOf("🤔") >= 0;
        if (!innuendo) return (-1, -1);
        // Every word, not only the rule words: a possessive relative ("his wife's job") carries an ending, so
        // the scan does not mark it; only posts with a post word and an innuendo get this far.
        for (var w = NextWord(n, 0); w.Start >= 0; w = NextWord(n, w.End))
        {
            var owner = RelativeOwner(n, w);
            if (owner.Start < 0) continue;
            var sentence = SentenceOf(n, w.Start);
            var v = NextWord(n, w.End);
            for (var k = 0; k < 8 && v.Start >= 0 && SentenceOf(n, v.Start) == sentence; k++, v = NextWord(n, v.End))
                if (InList(n, v, RuleWord.Post)) return (owner.Start, v.End);
        }
        return (-1, -1);
    }

    private static readonly string[] InnuendoWords = ["only", "without", "funny", "conveniently", "coincidence"];
    private static readonly string[] Relatives = ["mate", "mates", "pal", "wife", "husband", "son", "daughter", "nephew", "niece", "cousin", "brother", "sister", "friend", "girlfriend", "boyfriend", "partner", "mum", "dad", "mam", "firm", "company", "business"];
    private static readonly string[] Posts = ["job", "jobs", "contract", "contracts", "post", "position", "role", "promotion", "place", "seat", "tender"];

    /// <summary>"TAs slap the bairns' hands", "Mr Cook pushed my son", "she hit the kids": a verb of
    /// striking with a child as its object, said of an adult. "I'll slap him" is a threat, read elsewhere;
    /// "Blaze hit my son" is a pupil and is naming-children.</summary>
    private static (int Start, int End) StrikesAChild(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Strike, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Strike, wi + 1))
        {
            var w = WordAt(s, wi);
            var sentence = SentenceOf(n, w.Start);
            if (First(s, Cue.ThreatIntent, sentence) >= 0 || First(s, Cue.HyperboleOwn, sentence) >= 0) continue;
            var pupilFirst = false;
            var adultFirst = false;
            for (var m = 0; m < s.MentionCount; m++)
            {
                ref var men = ref s.Mentions[m];
                if (men.Sentence != sentence || men.Start >= w.Start) continue;
                if (men.Kind is MentionKind.Pupil or MentionKind.PupilFamily or MentionKind.OwnPupil) pupilFirst = true;
                else adultFirst = true;
            }
            for (var i = 0; i < s.HitCount; i++)
                if (s.Hits[i].Sentence == sentence && s.Hits[i].Start < w.Start && s.Hits[i].Cue is Cue.Role) adultFirst = true;
            // "Mr Okafor is a bully. He grabbed my son": "he" or "she" as the subject, with an adult and no pupil in the sentence before.
            if (!adultFirst && !pupilFirst && sentence > 0 && SubjectPronounBefore(n, w) && AdultOnlyIn(s, sentence - 1)) adultFirst = true;
            if (pupilFirst || !adultFirst) continue;
            var v = NextWord(n, w.End);
            for (var k = 0; k < 3 && v.Start >= 0; k++, v = NextWord(n, v.End))
                if (InList(n, v, RuleWord.ChildObject) || HitAt(s, Cue.OwnChild, v) || HitAt(s, Cue.PupilNoun, v) || PupilMentionAt(s, v.Start)) return (w.Start, v.End);
        }
        return (-1, -1);
    }

    private static readonly string[] Strikes =
    [
        "slap", "slaps", "slapped", "smack", "smacks", "smacked", "hit", "hits", "hitting", "pushed", "shoved", "kicked", "thumped", "punched", "shook", "shakes",
        // Rough handling and mistreatment of a child by an adult, the accusation verbs parents use.
        "pushes", "shoves", "grabbed", "grabs", "dragged", "drags", "yanked", "yanks", "manhandled", "manhandles", "humiliated", "humiliates",
        "belittled", "belittles", "mocked", "mocks", "ridiculed", "ridicules", "singled", "singles", "bullies", "bullied", "locked", "shamed",
        // Not "shouted" or "threw" alone ("shouted my son's name out at the awards", "threw my son the ball"):
        // "shouted at", "screamed at", "swore at" are misconduct phrases of their own.
    ];
    private static readonly string[] ChildObjects = ["kids", "kids'", "children", "children's", "pupils", "bairns", "bairns'", "son", "daughter", "boy", "girl", "lad", "lass", "child", "kid", "students", "student", "pupil", "boys", "girls"];

    /// <summary>"he grabbed", "she has grabbed", "he's always grabbing": "he" or "she" just before the verb.</summary>
    private static bool SubjectPronounBefore(NormalizedText n, (int Start, int End) verb)
    {
        var w = PrevWord(n, verb.Start);
        for (var k = 0; k < 2 && IsAny(n, w, PronounAuxiliaries); k++) w = PrevWord(n, w.Start);
        return IsAny(n, w, ThirdPersonSubjects);
    }

    private static readonly string[] PronounAuxiliaries = ["has", "had", "always", "just", "actually", "then", "also", "even", "literally"];
    private static readonly string[] ThirdPersonSubjects = ["he", "she", "he's", "she's", "hes", "shes"];

    /// <summary>Whether the sentence names an adult (a roster adult or a role) and no pupil.</summary>
    private static bool AdultOnlyIn(Scratch s, int sentence)
    {
        var adult = false;
        for (var m = 0; m < s.MentionCount; m++)
        {
            if (s.Mentions[m].Sentence != sentence) continue;
            if (s.Mentions[m].Kind is MentionKind.Pupil or MentionKind.PupilFamily or MentionKind.OwnPupil) return false;
            adult = true;
        }
        return adult || First(s, Cue.Role, sentence) >= 0;
    }

    /// <summary>Whether a pupil (another family's or the author's own) is named from this position: "grabbed Dawid".</summary>
    private static bool PupilMentionAt(Scratch s, int pos)
    {
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Start == pos && s.Mentions[m].Kind is MentionKind.Pupil or MentionKind.OwnPupil or MentionKind.PupilFamily) return true;
        return false;
    }

    private static readonly string[] FalsifyStems = ["cook", "fiddl", "fudg", "massag", "doctor", "rigg", "fak", "fals"];
    private static readonly string[] Records = ["books", "figures", "numbers", "results", "register", "registers", "data", "stats", "scores", "marks", "grades", "accounts"];

    /// <summary>"the dad who...", "her husband": an adult who is not the author's own ("my husband").</summary>
    /// <summary>Whether a member of staff or a governor is named, or a role is mentioned.</summary>
    private static bool StaffInPost(Scratch s)
    {
        if (s.Has(Cue.Role)) return true;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor) return true;
        return false;
    }

    private static bool OtherAdult(Scratch s)
    {
        if (!s.Has(Cue.AdultNoun)) return false;
        for (var i = 0; i < s.HitCount; i++)
        {
            if (s.Hits[i].Cue != Cue.AdultNoun) continue;
            var prev = PrevWord(s.Norm, s.Hits[i].Start);
            if (!(WordIs(s.Norm, prev, "my") || WordIs(s.Norm, prev, "our") || WordIs(s.Norm, prev, "me"))) return true;
        }
        return false;
    }

    private bool AliasMentioned(Scratch s)
    {
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.SchoolRef && _entries[s.Hits[i].Entry].Person == SchoolAlias) return true;
        return false;
    }

    private static void Petitions(Scratch s, Collector c, bool aboutOtherSchool, int schoolTarget)
    {
        if (!s.Has(Cue.PetitionNoun) || !s.Has(Cue.Mobilise) || s.Has(Cue.PetitionExclude) || aboutOtherSchool) return;
        if (schoolTarget < 0 && !s.Has(Cue.AgainstSchool)) return;
        var i = -1;
        for (var k = 0; k < s.HitCount && i < 0; k++)
            if (s.Hits[k].Cue == Cue.PetitionNoun && !InExistingChat(s.Norm, s.Hits[k]) && !AfterPossessiveName(s, s.Hits[k])) i = k;
        if (i < 0) return;
        c.Hit(Categories.PetitionOrForumAgainstSchool, s.Hits[i], "sets up or promotes a petition, group or campaign against the school and asks others to join", "pattern.petition");
    }

    /// <summary>Pupils are named after streets, brands and words. "Brooke Road", "Jordan Close": a first name
    /// heading a capitalised street word is a place. "Pure bliss: a whole night's sleep", "joy, a dry day": a first
    /// name and its surname's initial count only as "Bliss A", with nothing but a space between and a capital
    /// initial; a lower-case "a" or "i" after punctuation is the article or the pronoun.</summary>
    private static bool NameAsAWord(Scratch s, in Mention men)
    {
        var n = s.Norm;
        var first = NextWord(n, men.Start);
        if (first.Start < 0) return false;
        if (men.Form is NameForm.First or NameForm.Preferred)
        {
            var next = NextWord(n, first.End);
            return next.Start >= 0 && HitAt(s, Cue.StreetWord, next) && IsCapitalized(s, next.Start) && OnlySpaceBetween(s, first.End, next.Start);
        }
        if (men.Form != NameForm.FirstInitial) return false;
        var initial = NextWord(n, first.End);
        if (initial.Start < 0) return false;
        var o = n.OrigStart[initial.Start];
        return !OnlySpaceBetween(s, first.End, initial.Start) || o < s.Text.Length && s.Text[o] is 'a' or 'i';
    }

    private static bool OnlySpaceBetween(Scratch s, int normEnd, int normNextStart)
    {
        var from = s.Norm.OrigEnd[normEnd - 1];
        var to = s.Norm.OrigStart[normNextStart];
        return to > from && s.Text.AsSpan(from, to - from).IsWhiteSpace();
    }

    /// <summary>"Mr Okafor's page": a person's own page or group, not one set up against the school.</summary>
    private static bool AfterPossessiveName(Scratch s, in Hit h)
    {
        var n = s.Norm;
        for (var m = 0; m < s.MentionCount; m++)
        {
            var end = s.Mentions[m].End;
            while (end < n.Length && n.Chars[end] != ' ') end++;
            if (end >= 2 && n.Chars[end - 1] == 's' && n.Chars[end - 2] == '\'' && NextWord(n, end).Start == h.Start) return true;
        }
        return false;
    }

    /// <summary>"everyone in this chat go and ...": the chat the post is written in, not a forum it sets
    /// up; "flood his page": the person's own page, not one against the school.</summary>
    private static bool InExistingChat(NormalizedText n, in Hit h)
    {
        if (!WordIs(n, (h.Start, h.End), "chat") && !WordIs(n, (h.Start, h.End), "group") && !WordIs(n, (h.Start, h.End), "page")) return false;
        var det = PrevWord(n, h.Start);
        if (WordIs(n, det, "his") || WordIs(n, det, "her") || WordIs(n, det, "their")) return true;
        var prep = det.Start >= 0 ? PrevWord(n, det.Start) : (-1, -1);
        return (WordIs(n, det, "this") || WordIs(n, det, "the")) && (WordIs(n, prep, "in") || WordIs(n, prep, "on"));
    }

    private void Complaints(Scratch s, Collector c, bool aboutOtherSchool, int schoolTarget, bool allegation)
    {
        const string cat = Categories.ComplaintAboutSchool;
        if (aboutOtherSchool) return;
        if (c.Has(Categories.PetitionOrForumAgainstSchool))
        {
            var p = First(s, Cue.PetitionNoun);
            c.Hit(cat, s.Hits[p], "a public campaign against the school is a complaint made outside the complaints process", "rule.petition-is-complaint");
            return;
        }
        if (s.Has(Cue.Civil) || s.Has(Cue.HowToRaise)) return;
        if (allegation && s.Has(Cue.OwnChild) && (s.Has(Cue.SchoolRef) || s.Has(Cue.Grievance) || s.Has(Cue.ProfessionalDisparage)))
        {
            // The allegation may come from a frame ("pushed my son") rather than a misconduct word.
            var a = First(s, Cue.Misconduct);
            if (a < 0) a = First(s, Cue.OwnChild);
            c.Hit(cat, s.Hits[a], "a grievance about how the author's own child was treated, made in public", "rule.own-child-grievance");
            return;
        }
        // Criticising how a member of staff does the job ("can't even spell", "shouldn't be teaching") is a complaint about the school's staff.
        if (s.Has(Cue.ProfessionalDisparage) && (Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role)) && !c.Has(Categories.RacistComment))
        {
            c.Hit(cat, s.Hits[First(s, Cue.ProfessionalDisparage)], "runs down a member of staff in their job, in public", "rule.staff-disparaged");
            return;
        }
        // Parents complain about what only the school decides without naming it ("another non-uniform day").
        if (schoolTarget < 0 && !s.Has(Cue.SchoolMatter) && !ChargeNamed(s)) return;
        // "not the school's fault at all, the bus company is a disgrace", "not blaming the school": the school cleared outright.
        if (SchoolCleared(s)) return;
        var grievances = 0;
        var firstGrievance = -1;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Grievance && !SaidOfAParent(s, s.Hits[i]) && !AimedAtAnOutsideBody(s, s.Hits[i])) { grievances++; if (firstGrievance < 0) firstGrievance = i; }
        var sarcasm = First(s, Cue.EmojiSarcasm);
        // "massive thanks ... he cried at the word 'team'": praise twice over is no sarcasm.
        if (grievances == 0 && sarcasm < 0 && !c.Has(Categories.RacistComment) && Count(s, Cue.Positive) < 2 && (schoolTarget >= 0 && StaffTarget(s) || s.Has(Cue.SchoolMatter) || AliasOrSchool(s)))
        {
            var (qs, ql) = ScareQuotes(s.Text);
            if (qs >= 0 && !ReportedOrNamedWords(s, qs, ql)) { c.Original(cat, qs, ql, "scare quotes: sarcasm about the school or its staff, posted publicly", "pattern.scare-quotes"); return; }
        }
        // An eye-roll reads as sarcasm about the school unless the post is about something else: a pupil, an allegation, a group.
        // An eye-roll with laughter ("my son wants to bomb the garden 🙄😂") is fond exasperation, not sarcasm.
        // A year group is the only target and the author's own child is there ("Year 11 mocks next week and mine's
        // on Fortnite 🙄", "lend us a Year 7 blazer, ours has gone missing 🙄"): exasperation at home, not the school.
        var homeExasperation = s.Has(Cue.YearGroup) && !s.Has(Cue.SchoolMatter) && !StaffTarget(s) && !AliasOrSchool(s) && (s.Has(Cue.OwnChild) || AnyWord(s, RuleWord.Ours));
        var eyeRoll = grievances == 0 && sarcasm < 0 && !homeExasperation && !s.Has(Cue.EmojiLaugh) && !NamedPupil(s) && !s.Has(Cue.PupilNoun) && !allegation && !c.Has(Categories.RacistComment) && MayHaveEmoji(s) ? s.Text.AsSpan().IndexOf("\U0001F644") : -1;
        if (grievances == 0 && sarcasm < 0 && eyeRoll < 0) return;
        if (Count(s, Cue.Positive) >= 2 && grievances <= 1 && sarcasm < 0) return;
        const string reason = "a grievance about the school or its staff posted publicly instead of through the complaints process";
        if (grievances == 0 && sarcasm < 0) { c.Original(cat, eyeRoll, 2, reason, "emoji.eye-roll"); return; }
        var g = grievances > 0 ? firstGrievance : sarcasm;
        c.Hit(cat, s.Hits[g], reason, "lexicon.grievance");
    }

    /// <summary>"not the school's fault", "nae the schools fault", "not blaming the school", "ring the council, not the school.":
    /// a negation straight before the school, then its fault or the end of the clause. "this is not the school it used
    /// to be" is no clearing.</summary>
    private static bool SchoolCleared(Scratch s)
    {
        var n = s.Norm;
        var t = n.Chars.AsSpan(0, n.Length);
        for (var from = 0; from < t.Length;)
        {
            var k = t[from..].IndexOf("school");
            if (k < 0) return false;
            var start = from + k;
            var end = start + 6;
            from = end;
            if (start > 0 && t[start - 1] != ' ') continue;
            // "school's", "schools"
            while (end < t.Length && t[end] != ' ' && (t[end] == 's' || t[end] == '\'')) end++;
            if (end < t.Length && t[end] != ' ') continue;
            var w = PrevWord(n, start);
            if (WordIs(n, w, "the")) w = PrevWord(n, w.Start);
            if (WordIs(n, w, "blaming") || WordIs(n, w, "blame")) w = PrevWord(n, w.Start);
            if (!IsAny(n, w, Negations)) continue;
            var next = NextWord(n, end);
            if (WordIs(n, next, "fault") || WordIs(n, next, "problem")) return true;
            // The clause ends after the school: "ring the council, not the school."
            var o = n.OrigEnd[end - 1];
            if (o >= s.Text.Length || s.Text[o] is ',' or '.' or '!' or ';' or ')') return true;
        }
        return false;
    }

    private static readonly string[] Negations = ["not", "nae", "no", "isn't", "isnt", "never", "wasn't", "wasnt", "aint", "ain't", "nothing"];

    /// <summary>"Cornwall council are a shambles", "the bus company is a disgrace": a grievance with an outside body (the
    /// council, the government, the buses) among the six words before it, or one in its sentence or the sentence before
    /// when its own sentence has no school, staff, role or year group, is aimed at that body.</summary>
    private bool AimedAtAnOutsideBody(Scratch s, in Hit g)
    {
        var n = s.Norm;
        var w = PrevWord(n, g.Start);
        for (var k = 0; k < 6 && w.Start >= 0 && SentenceOf(n, w.Start) == g.Sentence; k++, w = PrevWord(n, w.Start))
            if (IsAny(n, w, OutsideBodies)) return true;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Sentence == g.Sentence && s.Hits[i].Cue is Cue.SchoolRef or Cue.Role or Cue.YearGroup && !IsGenericSchoolWord(s.Hits[i])) return false;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Sentence == g.Sentence && s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor) return false;
        return SentenceHasAny(s, g.Sentence, DistantBodies) || g.Sentence > 0 && SentenceHasAny(s, g.Sentence - 1, DistantBodies);
    }

    // The council is also the education authority of every Scottish and Welsh state school and of maintained schools in
    // England, so in a school post it is an outside body only when it is the grievance's own subject ("the council are a
    // shambles"), not when it merely appears near one (a post that names the council in passing may still be about the school).
    private static readonly string[] LocalAuthority = ["council", "councils", "councillor", "councillors"];

    /// <summary>Bodies a grievance is aimed at wherever they stand in its sentence or the one before.</summary>
    private static readonly string[] DistantBodies = ["tfl", "government", "holyrood", "westminster", "dwp", "coaches", "buses", "stagecoach", "arriva"];

    private static readonly string[] OutsideBodies = [.. LocalAuthority, .. DistantBodies];

    /// <summary>"£18 for a jumper pack", "paying £14 for a costume": a sum of money in a grievance is a charge, and
    /// what a school charges parents is a school matter. Read only when the post has a grievance or sarcasm.</summary>
    private static bool ChargeNamed(Scratch s)
    {
        if (!(s.Has(Cue.Grievance) || s.Has(Cue.EmojiSarcasm) || MayHaveEmoji(s))) return false;
        var t = s.Text.AsSpan();
        for (var i = t.IndexOf('£'); i >= 0 && i + 1 < t.Length; )
        {
            if (char.IsAsciiDigit(t[i + 1]) && IsCharge(t, i)) return true;
            var next = t[(i + 1)..].IndexOf('£');
            if (next < 0) break;
            i += 1 + next;
        }
        return false;
    }

    /// <summary>"£18 for ...", "paying £14", "charging us £5": the sum is a price asked, not a win or a find.</summary>
    private static bool IsCharge(ReadOnlySpan<char> t, int pound)
    {
        var j = pound + 1;
        while (j < t.Length && (char.IsAsciiDigit(t[j]) || t[j] is '.' or ',')) j++;
        while (j < t.Length && t[j] == ' ') j++;
        if (t[j..].StartsWith("for ", StringComparison.OrdinalIgnoreCase) || t[j..].StartsWith("each", StringComparison.OrdinalIgnoreCase)) return true;
        var end = pound;
        while (end > 0 && t[end - 1] == ' ') end--;
        var start = end;
        while (start > 0 && char.IsLetter(t[start - 1])) start--;
        var before = t[start..end];
        foreach (var w in ChargeVerbs)
            if (before.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] ChargeVerbs = ["paying", "pay", "paid", "charging", "charge", "charged", "costs", "cost", "costing", "us", "another", "extra"];

    /// <summary>"her mum needs to get a grip", "the mams are sick of": a grievance said of another parent is
    /// not about the school.</summary>
    private static bool SaidOfAParent(Scratch s, in Hit g)
    {
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var a = ref s.Hits[i];
            if (a.Cue != Cue.AdultNoun || a.Sentence != g.Sentence || a.End > g.Start || g.Start - a.End > 25) continue;
            var prev = PrevWord(s.Norm, a.Start);
            if (!(WordIs(s.Norm, prev, "my") || WordIs(s.Norm, prev, "our") || WordIs(s.Norm, prev, "me"))) return true;
        }
        return false;
    }

    /// <summary>Whether an offensive or threatening finding has a member of staff or a role within a few words of it
    /// in its sentence: "my lad is an idiot, forgot his PE kit and the teacher had to lend him shorts" insults the
    /// author's own child, not the teacher later on.</summary>
    private static bool AbuseAimedAtStaff(Scratch s, Collector c)
    {
        const int Near = 24;
        var n = s.Norm;
        foreach (var f in c.All)
        {
            if (!(ReferenceEquals(f.CategoryId, Categories.NegativeOrOffensiveComment) || ReferenceEquals(f.CategoryId, Categories.ThreatOfViolence)) || f.Length == 0) continue;
            var at = NormIndexOf(n, f.Start);
            var to = NormIndexOf(n, f.Start + f.Length - 1);
            for (var i = 0; i < s.HitCount; i++)
                if (s.Hits[i].Cue == Cue.Role && Close(s.Hits[i].Start, s.Hits[i].End)) return true;
            for (var m = 0; m < s.MentionCount; m++)
                if (s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor && Close(s.Mentions[m].Start, s.Mentions[m].End)) return true;

            bool Close(int start, int end) => SentenceOf(n, start) == SentenceOf(n, at) && start - to <= Near && at - end <= Near;
        }
        return false;
    }

    /// <summary>Sexual words, innuendo or a sexual emoji: a remark about what staff do in bed is no grievance about
    /// the detention or the report it mentions.</summary>
    private static bool SexualRemark(Scratch s) =>
        s.Has(Cue.Sexual) || s.Has(Cue.SexualClaim) || s.Has(Cue.Innuendo) || s.Has(Cue.EmojiSexual) || s.Has(Cue.EmojiSmirk);

    private static bool StaffTarget(Scratch s)
    {
        if (s.Has(Cue.Role)) return true;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor) return true;
        return false;
    }

    private static bool AliasOrSchool(Scratch s) => s.Has(Cue.SchoolRef);

    /// <summary>"her 'support'", "the office 'lost' it", "a 'healthy' lunch": one or two lower-case words
    /// in quotation marks, the writer holding the word at arm's length. Apostrophes inside words
    /// ("they've", "Kennedys' house") are not quotation marks: an opening mark follows a space.</summary>
    private static (int Start, int Length) ScareQuotes(string text)
    {
        for (var i = 0; i < text.Length - 2; i++)
        {
            // Only an opening mark starts one, and most posts have none: jump to the next.
            var skip = text.AsSpan(i, text.Length - 2 - i).IndexOfAny(OpeningQuotes);
            if (skip < 0) break;
            i += skip;
            if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] != '(') continue;
            if (!char.IsLower(text[i + 1])) continue;
            var words = 1;
            for (var j = i + 1; j < text.Length && j - i <= 24; j++)
            {
                var ch = text[j];
                if (ch == ' ') { if (++words > 2) break; continue; }
                if (ch is '\'' or '\u2019' or '"' or '\u201D')
                {
                    if (j + 1 < text.Length && char.IsLetter(text[j + 1])) continue; // an apostrophe inside a word
                    if (char.IsLetter(text[j - 1])) return (i, j - i + 1);
                    break;
                }
                if (!char.IsLower(ch) && ch != '-') break;
            }
        }
        return (-1, 0);
    }

    /// <summary>Quotation marks that are not the writer's own sarcasm: a list of words named ("the signs for
    /// 'drink' and 'help'"), or words said by someone outside the school ("the council says it's 'being looked
    /// at'", "the next person who tells me to 'stay calm'"). Said by the head or the school, they stay sarcasm.</summary>
    private static bool ReportedOrNamedWords(Scratch s, int qs, int ql)
    {
        var text = s.Text;
        var i = qs + ql;
        while (i < text.Length && text[i] == ' ') i++;
        if (i < text.Length && text[i] == ',') i++;
        else if (i + 3 < text.Length && text.AsSpan(i, 3) is "and" or "or ") i += text[i] == 'a' ? 3 : 2;
        else i = -1;
        if (i > 0)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i < text.Length && OpeningQuotes.Contains(text[i])) return true;
        }
        var n = s.Norm;
        var p = 0;
        while (p < n.Length && n.OrigStart[p] < qs) p++;
        if (p >= n.Length) return false;
        var sentence = SentenceOf(n, p);
        var w = PrevWord(n, p);
        // "burst into tears at the word 'spelling'", "hear the words 'modal verb'": words talked about, not used.
        if (IsAny(n, w, WordNouns)) return true;
        for (var k = 0; k < 12 && w.Start >= 0 && SentenceOf(n, w.Start) == sentence; k++, w = PrevWord(n, w.Start))
        {
            if (!IsAny(n, w, SpeechVerbs)) continue;
            var speaker = PrevWord(n, w.Start);
            while (speaker.Start >= 0 && IsAny(n, speaker, SpeakerFillers)) speaker = PrevWord(n, speaker.Start);
            if (speaker.Start >= 0 && IsAny(n, speaker, OutsideSpeakers)) return true;
            return QuotedOwnChild(s, sentence, w, speaker);
        }
        return false;
    }

    /// <summary>"my son says it 'vanished'", "DD has decided pink is 'for babies'", "DS came home and announced that tea
    /// is 'dinner'": the author's own child quoted at home, not the writer's sarcasm about the school. The child speaks
    /// (an <see cref="Cue.OwnChild"/> phrase, or "he"/"she" in a post about the author's child, in a sentence that names no
    /// adult and no role), or the sentence starts with the child and the verb is not passive ("my son was told to 'man up'" is
    /// what someone at school said to him).</summary>
    private static bool QuotedOwnChild(Scratch s, int sentence, (int Start, int End) verb, (int Start, int End) speaker)
    {
        if (!s.Has(Cue.OwnChild) || Named(s, sentence, adultsOnly: true) >= 0 || First(s, Cue.Role, sentence) >= 0) return false;
        var n = s.Norm;
        if (speaker.Start >= 0)
        {
            for (var i = 0; i < s.HitCount; i++)
                if (s.Hits[i].Cue == Cue.OwnChild && s.Hits[i].End == speaker.End) return true;
            if (WordIs(n, speaker, "he") || WordIs(n, speaker, "she")) return true;
        }
        if (IsAny(n, PrevWord(n, verb.Start), QuotePassives)) return false;
        var from = n.SentenceStart[sentence];
        while (from < n.Length && n.Chars[from] == ' ') from++;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.OwnChild && s.Hits[i].Start == from && s.Hits[i].End <= verb.Start) return true;
        return false;
    }

    private static readonly string[] WordNouns = ["word", "words", "phrase", "phrases", "term", "terms", "expression"];
    private static readonly string[] QuotePassives = ["was", "were", "been", "being", "get", "gets", "got", "is", "are"];

    private static readonly string[] SpeechVerbs = ["says", "said", "say", "saying", "tells", "told", "tell", "telling", "reckons", "claims", "asked", "asks", "decided", "announced", "informed", "insists", "insisted"];
    private static readonly string[] SpeakerFillers = ["who", "that", "keeps", "keep", "kept", "always", "just", "then", "still", "has", "have", "had"];
    private static readonly string[] OutsideSpeakers =
        ["council", "government", "minister", "mp", "person", "people", "everyone", "everybody", "anyone", "anybody", "someone", "somebody", "nobody", "doctor", "gp", "nhs"];

    private static readonly System.Buffers.SearchValues<char> OpeningQuotes = System.Buffers.SearchValues.Create("'\u2018\"\u201C");

    private void Offence(Scratch s, Collector c)
    {
        const string cat = Categories.NegativeOrOffensiveComment;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                case Cue.Insult when !SlangPraiseOfAThing(s, h) && (PersonTarget(s, h.Sentence) || h.Sentence > 0 && (Named(s, h.Sentence - 1) >= 0 || First(s, Cue.Role, h.Sentence - 1) >= 0)):
                    c.Hit(cat, h, "an insulting or derogatory remark about a person", "lexicon.insult");
                    break;
                case Cue.ProfessionalDisparage when PersonTarget(s, h.Sentence):
                    c.Hit(cat, h, "runs a person down in their job", "lexicon.disparage");
                    break;
                case Cue.EmojiRude when Identifiable(s):
                    c.Hit(cat, h, "an obscene gesture aimed at a person", "emoji.rude");
                    break;
                case Cue.Humiliation when s.Has(Cue.EmojiLaugh) && Named(s) >= 0:
                    c.Hit(cat, h, "mocks a named person", "pattern.mockery");
                    break;
            }
        }
        var found = c.All.Count;
        for (var k = 0; k < found; k++)
        {
            var f = c.All[k];
            if (ReferenceEquals(f.CategoryId, Categories.RacistComment))
                c.Original(cat, f.Start, f.Length, "racist remarks are offensive", "rule.racist-is-offensive");
            else if (ReferenceEquals(f.CategoryId, Categories.ObsceneContent))
                c.Original(cat, f.Start, f.Length, "obscene abuse of a person or the school is offensive", "rule.obscene-is-offensive");
        }
        // The model only backs up the rules where there is strong language for it to judge.
        if (!c.Has(cat) && _model is { } model && s.Has(Cue.Profanity) && AnyTarget(s))
        {
            var (hate, offensive) = model.Predict(s.Norm.Span);
            if (hate + offensive >= model.OffensiveThreshold)
                c.Original(cat, 0, s.Text.Length, $"offensive language (model score {hate + offensive:0.00})", "model.offensive");
        }
    }

    /// <summary>Where the rules found something, categories they missed that the post is worded like. Only then:
    /// on schools the rules had not seen, the model alone on every post flagged clean posts the rules left alone,
    /// while on posts already flagged it added what the rules missed without a single false alarm.</summary>
    private bool AnyEnabled(Collector c)
    {
        foreach (var f in c.All)
            if (Enabled(f.CategoryId)) return true;
        return false;
    }

    private void ModelCategories(CategoryModel model, Scratch s, Collector c, ReadOnlySpan<float> z)
    {
        var ids = _categoryModelIds;
        var add = 0UL;
        for (var k = 0; k < ids.Length; k++)
            if (z[k] >= model.LogitThreshold && Enabled(ids[k]) && !c.Has(ids[k])) add |= 1UL << k;
        if (add == 0) return;
        Span<(int Start, int End)> spans = stackalloc (int, int)[ids.Length];
        Strongest(model, s.Norm.Span, add, spans);
        for (var k = 0; k < ids.Length; k++)
            if ((add & (1UL << k)) != 0 && spans[k].Start >= 0)
                c.Span(ids[k], spans[k].Start, spans[k].End, _categoryModelReasons[k], "model.categories");
    }

    private const string SafeguardingModelReason = "worded like the posts a DSL needed to see at other schools (the safeguarding model, not a rule): a person should check";

    /// <summary>A concern the rules did not see. Unlike the category model it may flag a post with no other
    /// finding: a missed concern costs more than a DSL reading one post too many.</summary>
    private void ModelSafeguarding(CategoryModel model, Scratch s, Collector c, float z)
    {
        if (z < model.LogitThreshold) return;
        Span<(int Start, int End)> span = stackalloc (int, int)[1];
        Strongest(model, s.Norm.Span, 1UL, span);
        if (span[0].Start >= 0) c.Span(Categories.SafeguardingConcern, span[0].Start, span[0].End, SafeguardingModelReason, "model.safeguarding");
    }

    /// <summary>"block and ignore Shannon Blake", "not inviting Harvey": a verb of shunning with the
    /// person right after it. "Ignore the rain" names nobody.</summary>
    private static bool ShunsSomeone(Scratch s, in Hit h)
    {
        const int within = 20;
        for (var m = 0; m < s.MentionCount; m++)
        {
            ref var men = ref s.Mentions[m];
            if (men.Kind != MentionKind.OwnPupil && men.Sentence == h.Sentence && men.Start > h.End && men.Start - h.End <= within) return true;
        }
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var r = ref s.Hits[i];
            if (r.Cue == Cue.Role && r.Sentence == h.Sentence && r.Start > h.End && r.Start - h.End <= within) return true;
        }
        return false;
    }

    /// <summary>"leave Iris Kennedy out of the chat", "leave Mr Birch out": a person and "out" straight after the verb.
    /// "leave Jack a slice of cake" or "leave Iris at the gate" leave nobody out.</summary>
    private static bool LeftOut(Scratch s, in Hit h)
    {
        var person = NextWord(s.Norm, h.End);
        if (HitAt(s, Cue.Title, person)) person = NextWord(s.Norm, person.End);
        if (person.Start < 0) return false;
        var end = PersonEndingFrom(s, person.Start);
        return end >= 0 && WordIs(s.Norm, NextWord(s.Norm, end), "out");
    }

    /// <summary>A word of praise that is not part of a roster name: "Harley Proud's dad" praises nobody.</summary>
    private static bool PraiseWord(Scratch s)
    {
        if (!s.Has(Cue.Positive)) return false;
        for (var i = 0; i < s.HitCount; i++)
        {
            if (s.Hits[i].Cue != Cue.Positive) continue;
            var inName = false;
            for (var m = 0; m < s.MentionCount && !inName; m++)
                if (s.Mentions[m].Start <= s.Hits[i].Start && s.Mentions[m].End >= s.Hits[i].End) inName = true;
            if (!inName) return true;
        }
        return false;
    }

    /// <summary>"looks like a melted welly 😂", "screaming like a toddler 😂😂", "like a zombie lol": a
    /// person likened to something with laughter is being laughed at. Someone else's adult ("the dads",
    /// "her husband"), a named person or a role must be there: "I look like a drowned rat 😂" is about oneself.</summary>
    private static (int Start, int End) MockingSimile(Scratch s)
    {
        var n = s.Norm;
        if (!(s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Pmsl | RuleWord.Lmao))) return (-1, -1);
        for (var wi = NextWordWith(s, RuleWord.Like, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Like, wi + 1))
        {
            var w = WordAt(s, wi);
            var a = NextWord(n, w.End);
            if (!(WordIs(n, a, "a") || WordIs(n, a, "an"))) continue;
            var prev = PrevWord(n, w.Start);
            // "would like a", "feel like a", "I'd like an answer": wanting or feeling, not likening.
            if (InList(n, prev, RuleWord.NotLikening)) continue;
            if (Named(s) >= 0 || s.Has(Cue.Role) || OtherAdult(s)) return (w.Start, NextWord(n, a.End).End is var e and > 0 ? e : a.End);
        }
        return (-1, -1);
    }

    private static readonly string[] NotLikening = ["act", "would", "i'd", "we'd", "feel", "feels", "felt", "feeling", "just", "more", "something", "i", "we", "you'd", "seem", "seems"];

    /// <summary>"day 12 of", "round 3", "part 2": posts numbered as a series, whatever the number; a
    /// list of "day 2 of" ... "day 100 of" only ever covers the numbers someone thought of.</summary>
    private static (int Start, int End) NumberedInstalment(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Series, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Series, wi + 1))
        {
            var w = WordAt(s, wi);
            var v = NextWord(n, w.End);
            if (v.Start < 0) break;
            var day = WordIs(n, w, "day");
            if (IsSeriesNumber(n, v))
            {
                if (!day) return (w.Start, v.End);
                // "day 3 of half term" is a diary, "day 12 of asking" a campaign: the person test above tells them apart.
                var of = NextWord(n, v.End);
                if (WordIs(n, of, "of")) return (w.Start, of.End);
            }
        }
        return (-1, -1);

        // Two or more: "day 1 of" starts nothing yet.
        static bool IsSeriesNumber(NormalizedText n, (int Start, int End) v)
        {
            var len = v.End - v.Start;
            if (len is < 1 or > 3) return false;
            for (var i = v.Start; i < v.End; i++) if (!char.IsAsciiDigit(n.Chars[i])) return false;
            return !(len == 1 && n.Chars[v.Start] is '0' or '1');
        }
    }

    /// <summary>A phone number, address, car or workplace posted with "everyone", "go for it" or "report
    /// him": the details are there to be used against the person. A birthday or an e-mail shared so
    /// people can reach someone is left to personal-information alone.</summary>
    private static bool UrgesUseOfDetails(Scratch s, Collector c)
    {
        var details = false;
        foreach (var f in c.All)
            if (ReferenceEquals(f.CategoryId, Categories.PersonalInformation) && f.Detector is "pattern.phone" or "pattern.address" or "pattern.postcode" or "pattern.number-plate" or "lexicon.workplace")
                details = true;
        if (!details) return false;
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Urging, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Urging, wi + 1))
        {
            var w = WordAt(s, wi);
            if (WordIs(n, w, "everyone") || WordIs(n, w, "everybody")) return true;
            var next = NextWord(n, w.End);
            if (WordIs(n, w, "report") && (WordIs(n, next, "him") || WordIs(n, next, "her") || WordIs(n, next, "them"))) return true;
            if (WordIs(n, w, "go") && WordIs(n, next, "for") && WordIs(n, NextWord(n, next.End), "it")) return true;
        }
        return false;
    }

    private static void Bullying(Scratch s, Collector c)
    {
        const string cat = Categories.Cyberbullying;
        var replyToPerson = c.Post.ReplyTo is not null;
        var named = Named(s) >= 0 || replyToPerson;
        var positive = PraiseWord(s);
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            switch (h.Cue)
            {
                case Cue.ExclusionCall or Cue.ConfrontCall when named || s.Has(Cue.Role) || h.Cue == Cue.ConfrontCall && s.Has(Cue.Pronoun) && c.Has(Categories.PersonalInformation):
                    c.Hit(cat, h, h.Cue == Cue.ExclusionCall ? "calls for a person to be shunned or driven out" : "urges others to contact or confront a person", "pattern.bullying-call");
                    break;
                case Cue.Repetition or Cue.PileOn when named || s.Has(Cue.Role) || s.Has(Cue.Pronoun) || s.Has(Cue.AdultNoun):
                    c.Hit(cat, h, h.Cue == Cue.Repetition ? "repeated targeting of a person (harassment)" : "joins a pile-on against a person", "pattern.harassment");
                    break;
                case Cue.Humiliation when named && !positive:
                    c.Hit(cat, h, "holds a named person up to ridicule", "pattern.humiliation");
                    break;
                case Cue.LeaveOut when LeftOut(s, h):
                    c.Hit(cat, h, "calls for a person to be left out", "pattern.leave-out");
                    break;
                case Cue.ShunVerb when ShunsSomeone(s, h):
                    c.Hit(cat, h, "calls for a person to be shunned or driven out", "pattern.shun");
                    break;
            }
        }
        if (named || s.Has(Cue.Role) || s.Has(Cue.Pronoun) || s.Has(Cue.AdultNoun))
        {
            var (start, end) = NumberedInstalment(s);
            if (start >= 0) c.Span(cat, start, end, "repeated targeting of a person (harassment)", "pattern.numbered-series");
        }
        if (!c.Has(cat) && !positive)
        {
            var (ls, le) = MockingSimile(s);
            if (ls >= 0)
            {
                c.Span(cat, ls, le, "laughs at a person by likening them to something", "pattern.mocking-simile");
                c.Span(Categories.NegativeOrOffensiveComment, ls, le, "mocks a person", "pattern.mocking-simile");
            }
        }
        if (c.Has(Categories.PhotoOfOthers) && (s.Has(Cue.Humiliation) || s.Has(Cue.Insult)))
        {
            var h = First(s, Cue.Humiliation);
            if (h < 0) h = First(s, Cue.Insult);
            c.Hit(cat, s.Hits[h], "a photo of someone posted without permission to laugh at them", "rule.mocking-photo");
        }
        else if (c.Has(Categories.PhotoOfOthers) && (Count(s, Cue.EmojiLaugh) >= 2 || AnyWord(s, RuleWord.Pmsl | RuleWord.Lmao | RuleWord.Lmfao | RuleWord.Rofl)) && !s.Has(Cue.Positive))
        {
            // Helpless laughter at a photo of someone who did not agree to it is the mockery, words or not.
            c.Original(cat, 0, 0, "a photo of someone posted without permission to laugh at them", "rule.mocking-photo");
        }
        if (!c.Has(cat))
        {
            var spread = SpreadsMockery(s, positive);
            if (spread >= 0)
            {
                c.Hit(cat, s.Hits[spread], "asks for pictures or film of a person to be passed round to laugh at", "pattern.spread-media");
                if (NamedPupil(s)) c.Hit(Categories.NegativeOrOffensiveComment, s.Hits[spread], "an adult mocking a named pupil", "pattern.spread-media");
            }
        }
        if (s.Has(Cue.Mockery) && !positive && NamedPupil(s)
            && (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Haha | RuleWord.Pmsl | RuleWord.Lmao | RuleWord.Lmfao | RuleWord.Rofl)))
        {
            // "thinks he's a gangster 😂", "a fan page for her eyebrows 😂": the frame alone can be fond or neutral;
            // laughter at a named child makes it the humiliation the policies mean.
            var m = First(s, Cue.Mockery);
            c.Hit(cat, s.Hits[m], "laughs at a named pupil with a put-down", "pattern.mockery");
            c.Hit(Categories.NegativeOrOffensiveComment, s.Hits[m], "mocks a named pupil", "pattern.mockery");
        }
        if (!c.Has(cat) && UrgesUseOfDetails(s, c))
            c.Original(cat, 0, 0, "posts someone's contact details or whereabouts and urges everyone to use them", "rule.details-and-urging");
        if (s.Has(Cue.EmojiLaugh) && (s.Has(Cue.Insult) || s.Has(Cue.RacialSlur)) && NamedPupil(s))
            c.Hit(cat, s.Hits[First(s, Cue.EmojiLaugh)], "an adult mocking a named pupil", "rule.mocking-pupil");
        if (c.Has(Categories.EngagingWithOtherChildren) && s.Has(Cue.Insult))
            c.Hit(cat, s.Hits[First(s, Cue.Insult)], "an adult abusing a pupil directly", "rule.abusing-pupil");
    }

    /// <summary>A pack's own category is found by its phrases alone: the school chose the words, and a
    /// person reads every finding before anything is done.</summary>
    private void OwnCategoryPhrases(Scratch s, Collector c)
    {
        if (_own.Length == 0) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Own) continue;
            var own = _own[_entries[h.Entry].Person].Category;
            c.Hit(own.Id, h, $"words this school's policy lists under its own category '{own.Title}'", "pack.own-category");
        }
    }
}
