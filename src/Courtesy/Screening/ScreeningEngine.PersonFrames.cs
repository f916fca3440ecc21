using Courtesy.Policies;

namespace Courtesy.Screening;

/// <summary>Rules from the fifth school's misses (HeldOut4). Each starts from a cue hit the scan already
/// found and looks only at the words next to it and at the resolved mentions, so a post without the cue
/// pays one bit test.</summary>
public sealed partial class ScreeningEngine
{
    /// <summary>The end of a roster person or a role that starts at this word ("Mr Jenkins", "the head"),
    /// or -1. The author's own child is never a target.</summary>
    private static int PersonEndingFrom(Scratch s, int start)
    {
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Start == start && s.Mentions[m].Kind != MentionKind.OwnPupil) return s.Mentions[m].End;
        if (!s.Has(Cue.Role)) return -1;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Role && s.Hits[i].Start == start) return s.Hits[i].End;
        return -1;
    }

    /// <summary>"Poppy is a snake", "Will is such a liar", "Iris thinks she's it": at the start of a sentence an
    /// ordinary-word name is mostly the word ("Will there be ...", "Grace is said before lunch"), so it counts
    /// only when what follows is said of people alone: a verb of thinking, fancying or telling tales, or "is"/"was"
    /// and an insult. A sentence opener is tried only for such names, so the lists are read rarely.</summary>
    private bool PersonPredicateFollows(Scratch s, int start, int end)
    {
        var n = s.Norm;
        // "Summer is a nightmare for hay fever": the seasons and months are capitalised words first.
        if (Calendar.GetAlternateLookup<ReadOnlySpan<char>>().Contains(n.Chars.AsSpan(start, end - start))) return false;
        var next = NextWord(n, end);
        if (next.Start < 0) return false;
        if (IsAny(n, next, PersonOnlyVerbs)) return true;
        if (!IsAny(n, next, Copulas)) return false;
        var w = NextWord(n, next.End);
        for (var k = 0; k < 4 && w.Start >= 0; k++)
        {
            if (HitAt(s, Cue.Insult, w) || InList(n, w, RuleWord.Unchaste)) return true;
            if (!IsAny(n, w, Intensifiers)) return false;
            w = NextWord(n, w.End);
        }
        return false;
    }

    // Not "says", "smells" or "stinks": "Grace said before meals", "Rose smells lovely" are the word.
    private static readonly string[] PersonOnlyVerbs = ["thinks", "reckons", "fancies", "snogged", "kissed", "grassed", "snitched", "lied", "texted", "messaged", "cried", "bullies", "bullied"];
    private static readonly string[] Copulas = ["is", "was", "isnt", "wasnt"];
    private static readonly string[] Intensifiers = ["a", "an", "the", "such", "so", "proper", "absolute", "total", "complete", "right", "little", "massive", "real", "actual", "literally", "honestly", "just", "being"];

    /// <summary>Whether a roster person or a role ends at this word, so "Mr Jenkins" can stand where "he" would.</summary>
    private static bool PersonEndingAt(Scratch s, (int Start, int End) w) => PersonStartEndingAt(s, w) >= 0;

    /// <summary>Where the roster person or role ending at this word starts, title included, or -1.</summary>
    private static int PersonStartEndingAt(Scratch s, (int Start, int End) w)
    {
        if (w.Start < 0) return -1;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].End == w.End && s.Mentions[m].Kind != MentionKind.OwnPupil)
            {
                var title = PrevWord(s.Norm, s.Mentions[m].Start);
                return HitAt(s, Cue.Title, title) ? title.Start : s.Mentions[m].Start;
            }
        if (!s.Has(Cue.Role)) return -1;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Role && s.Hits[i].End == w.End) return s.Hits[i].Start;
        return -1;
    }

    /// <summary>"he's going through the fence", "I'll put him through the window", "Darren's going through
    /// the wall": a person sent, or going, through something solid. The person is the slot, pronoun or name;
    /// "the ball went through the window" has no person and tells what happened.</summary>
    private static (int Start, int End) SentThroughABarrier(Scratch s)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThroughBarrier) continue;
            var before = PrevWord(n, h.Start);
            var personStart = IsAny(n, before, ObjectPronouns) ? before.Start : PersonStartEndingAt(s, before);
            if (personStart >= 0)
            {
                var verb = PrevWord(n, personStart);
                if (before.Start >= 0 && IsAny(n, verb, SendVerbs)) return (verb.Start, h.End);
                continue;
            }
            if (!IsAny(n, before, GoVerbs)) continue;
            var subject = PrevWord(n, before.Start);
            for (var k = 0; k < 2 && IsAny(n, subject, Auxiliaries); k++) subject = PrevWord(n, subject.Start);
            if (IsAny(n, subject, SubjectPronouns) || PersonEndingAt(s, subject)) return (subject.Start, h.End);
        }
        return (-1, -1);
    }

    private static readonly string[] ObjectPronouns = ["him", "her", "them", "you", "ya"];
    private static readonly string[] SendVerbs = ["put", "putting", "throw", "throwing", "chuck", "chucking", "launch", "launching", "send", "sending", "push", "pushing", "shove", "shoving", "kick", "kicking", "lob", "boot"];
    private static readonly string[] GoVerbs = ["going", "go", "goes", "flying", "fly"];
    private static readonly string[] Auxiliaries = ["is", "will", "be", "gonna", "would"];
    private static readonly string[] SubjectPronouns = ["he", "she", "they", "you", "he's", "she's", "they're", "you're", "hes", "shes", "he'll", "she'll", "they'll", "you'll"];

    /// <summary>"stop messaging my son or I'll be coming round yours", "leave her alone or we'll...": an order
    /// with the speaker's own consequence, aimed at someone (a reply to a person, a name, a role, a
    /// pronoun). "Don't forget your kit or I'll never hear the end of it 😂" laughs, and is left alone.</summary>
    private static int UltimatumToAPerson(Scratch s, Post post)
    {
        if (s.Has(Cue.EmojiLaugh)) return -1;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Ultimatum) continue;
            var first = NextWord(n, n.SentenceStart[h.Sentence]);
            if (!IsAny(n, first, Orders)) continue;
            if (post.ReplyTo is not null || Named(s, h.Sentence) >= 0 || First(s, Cue.Role, h.Sentence) >= 0 || First(s, Cue.Pronoun, h.Sentence) >= 0) return i;
        }
        return -1;
    }

    private static readonly string[] Orders = ["stop", "keep", "leave", "stay", "don't", "dont", "quit", "back", "tell", "pack", "get"];

    /// <summary>"someone should give him a slap", "the deputy wants a slap", "needs his legs breaking": violence
    /// wished on a person says they deserve it, which runs them down as well as threatening them. The
    /// speaker's own "I'll break his arm" is a threat only; "someone should do to him what he did" names no blow.</summary>
    private int ViolenceWished(Scratch s)
    {
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent) continue;
            var phrase = PhraseOf(h);
            if (!(phrase.StartsWith("some", StringComparison.Ordinal) || phrase.StartsWith("sum", StringComparison.Ordinal) || Array.IndexOf(WishIntents, phrase) >= 0)) continue;
            if (First(s, Cue.ViolentAct, h.Sentence) >= 0 || First(s, Cue.ThreatPhrase, h.Sentence) >= 0 || First(s, Cue.SortEnd, h.Sentence) >= 0) return i;
        }
        return -1;
    }

    private static readonly string[] WishIntents = ["wants a", "needs a", "deserves a", "deserves to get", "should get", "needs to get"];
    private static readonly string[] WishLeadIns = ["needs", "need", "wants", "deserves", "deserve", "needing"];

    /// <summary>"f***": a masked four-letter f-word. The unmasking step reads it as the first word of its
    /// length in the lists, which need not be the swear word everyone reads; as a curse with a target it is one.</summary>
    private static bool MaskedF(Scratch s, (int Start, int End) w)
    {
        if (w.End - w.Start != 4 || s.Norm.Chars[w.Start] != 'f') return false;
        for (var i = s.Norm.OrigStart[w.Start]; i < s.Norm.OrigEnd[w.End - 1] && i < s.Text.Length; i++)
            if (s.Text[i] is '*' or '#') return true;
        return false;
    }

    private static readonly string[] Reflexives = ["themselves", "himself", "herself", "yourself", "yourselves"];

    /// <summary>"mark my homework in bed 🥵", "handing out more than gold stars 🍆", "a proper seeing to":
    /// innuendo aimed at an adult someone could pick out. Alone, "in bed" and "at it" are ordinary words; a
    /// sexual word or emoji makes them innuendo, and a sentence about illness ("in bed with flu") does not.</summary>
    private int Innuendo(Scratch s)
    {
        if (!s.Has(Cue.Innuendo) || !(s.Has(Cue.EmojiSexual) || s.Has(Cue.Sexual) || s.Has(Cue.EmojiSmirk))) return -1;
        if (!(Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role) || OtherAdult(s))) return -1;
        var smirkOnly = !(s.Has(Cue.EmojiSexual) || s.Has(Cue.Sexual));
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Innuendo || s.InSentence(Cue.Confidential, h.Sentence) || InBedIll(s, h)) continue;
            // "at it again with the parking 😏" is mischief; with only a smirk to go on, "at it" and "in bed" need
            // two adults, a couple ("Mr Lomax and the deputy were at it").
            if (smirkOnly && IsEverydayInnuendo(s, h) && AdultsInPost(s) < 2) continue;
            return i;
        }
        return -1;
    }

    private bool IsEverydayInnuendo(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var phrase = PhraseOf(h);
        if (phrase is "at it" or "in bed" || WordIs(n, NextWord(n, h.End), "again")) return true;
        if (!phrase.StartsWith("passed", StringComparison.Ordinal)) return false;
        // "the forms were passed round" passes a thing; "she gets passed round" a person.
        var w = PrevWord(n, h.Start);
        if (IsAny(n, w, PassiveAuxiliaries)) w = PrevWord(n, w.Start);
        return !(IsAny(n, w, SubjectPronouns) || PersonEndingAt(s, w));
    }

    private static readonly string[] PassiveAuxiliaries = ["gets", "got", "get", "getting", "been", "was", "is", "being"];

    /// <summary>How many adults the post points at: named adults (each mention), roles and other adults ("the Y6 dads"), up to 2.</summary>
    private static int AdultsInPost(Scratch s)
    {
        var count = 0;
        for (var m = 0; m < s.MentionCount && count < 2; m++)
            if (s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor or MentionKind.Parent && (m == 0 || s.Mentions[m].Person != s.Mentions[0].Person)) count++;
        for (var i = 0; i < s.HitCount && count < 2; i++)
            if (s.Hits[i].Cue is Cue.Role or Cue.AdultNoun) count++;
        return count;
    }

    /// <summary>Innuendo that claims something happened ("were at it", "gets passed round", "handing out more than
    /// gold stars"), not a wish ("a go on her", "mark my homework in bed").</summary>
    private bool InnuendoClaims(Scratch s, in Hit h)
    {
        var phrase = PhraseOf(h);
        if (phrase.StartsWith("a go on", StringComparison.Ordinal) || phrase == "in bed") return false;
        return !s.Has(Cue.Hedge) && s.Norm.SentenceTerm[h.Sentence] != '?';
    }

    /// <summary>"in bed with flu", "in bed all week", "in bed by 8": being ill or asleep. "in bed with the
    /// head" has a person after "with", and stays innuendo.</summary>
    private static bool InBedIll(Scratch s, in Hit h)
    {
        var n = s.Norm;
        if (!n.Chars.AsSpan(h.Start, h.End - h.Start).SequenceEqual("in bed")) return false;
        var next = NextWord(n, h.End);
        if (IsAny(n, next, NotInnuendo)) return true;
        if (!WordIs(n, next, "with")) return false;
        var after = NextWord(n, next.End);
        return !(IsAny(n, after, ObjectPronouns) || PersonEndingFrom(s, after.Start) >= 0 || HitAt(s, Cue.Title, after));
    }

    private static readonly string[] NotInnuendo = ["all", "for", "since", "by", "early", "poorly", "ill", "sick", "asleep", "again", "now"];

    /// <summary>"only got the job to tick a box", "diversity hire": an adult's post said to be given for their
    /// race. "Tick a box on the form" gives nobody a post; the hire words say so themselves.</summary>
    private bool TokenHire(Scratch s, in Hit h)
    {
        if (!(Named(s, adultsOnly: true) >= 0 || s.Has(Cue.Role) || OtherAdult(s))) return false;
        var phrase = PhraseOf(h);
        if (phrase.Contains("divers", StringComparison.Ordinal) || phrase.Contains("quota", StringComparison.Ordinal) || phrase.Contains("hire", StringComparison.Ordinal)) return true;
        var n = s.Norm;
        var w = PrevWord(n, h.Start);
        // Someone must have been given the post: "got the job to tick a box", not "the form asks you to tick a box".
        for (var k = 0; k < 8 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = PrevWord(n, w.Start))
            if (IsAny(n, w, GivenAPost)) return true;
        return false;
    }

    private static readonly string[] GivenAPost = ["got", "gets", "getting", "given", "hired", "appointed", "promoted", "employed", "recruited", "taken"];

    /// <summary>"'I vont to speak viz ze teacher' 🤣", "doing her 'me no understand' act 😂": a person's
    /// accent put on for a laugh. One short spelling ("ze" is also a pronoun) is not enough; two, or a
    /// phrase, with laughter and someone to aim at, are.</summary>
    private static int MockedAccent(Scratch s)
    {
        if (!s.Has(Cue.MockAccent) || !s.Has(Cue.EmojiLaugh)) return -1;
        if (!(Named(s) >= 0 || s.Has(Cue.Role) || s.Has(Cue.AdultNoun) || s.Has(Cue.PersonNoun) || s.Has(Cue.Pronoun))) return -1;
        var count = 0;
        var first = -1;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.MockAccent) continue;
            if (first < 0) first = i;
            count++;
            if (s.Norm.Chars.AsSpan(h.Start, h.End - h.Start).Contains(' ')) count++;
        }
        return count >= 2 ? first : -1;
    }

    /// <summary>"someone must have filmed it, send it round 😂", "post your best pic of Kyle's haircut 😂":
    /// pictures of a named person or a member of staff passed round to laugh at. Praise ("lovely pics of
    /// the party 😂") is sharing, not mockery.</summary>
    private static int SpreadsMockery(Scratch s, bool positive)
    {
        if (positive || !s.Has(Cue.SpreadMedia) || !s.Has(Cue.EmojiLaugh)) return -1;
        if (!(Named(s) >= 0 || s.Has(Cue.Role))) return -1;
        return First(s, Cue.SpreadMedia);
    }

    /// <summary>"she looked after my Daisy" is minding a child, "a looked after child" is in care; "the
    /// exclusion figures" are the school's statistics, not a person's record.</summary>
    private bool NotAPrivateMatter(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var next = NextWord(n, h.End);
        if (IsAny(n, next, Statistics)) return true;
        // "I'm in isolation with covid", "we've been in isolation": the author's own matter.
        var before = PrevWord(n, h.Start);
        for (var k = 0; k < 2 && IsAny(n, before, Linking); k++) before = PrevWord(n, before.Start);
        if (IsAny(n, before, FirstPersons)) return true;
        // "our son's EHCP", "my daughter's diagnosis": the author's own child's matter, whoever else the sentence names.
        var owner = PrevWord(n, h.Start);
        for (var k = 0; k < 3 && owner.Start >= 0; k++, owner = PrevWord(n, owner.Start))
        {
            if (owner.End - owner.Start < 3 || n.Chars[owner.End - 1] != 's' || n.Chars[owner.End - 2] != '\'') continue;
            if (HitAt(s, Cue.OwnChild, owner) || HitAt(s, Cue.OwnChild, PrevWord(n, owner.Start))) return true;
            break;
        }
        if (PhraseOf(h) != "looked after") return false;
        return IsAny(n, next, Minded) || PersonEndingFrom(s, next.Start) >= 0 || HitAt(s, Cue.OwnChild, next);
    }

    private static readonly string[] Linking = ["been", "am", "was", "were", "are", "got", "have", "had", "still"];
    private static readonly string[] FirstPersons = ["i", "i'm", "im", "i've", "ive", "we", "we're", "we've", "weve", "myself"];
    private static readonly string[] Statistics = ["figures", "rates", "rate", "numbers", "data", "stats", "statistics", "policy", "policies", "procedure"];
    private static readonly string[] Minded = ["my", "our", "his", "her", "their", "your", "the", "them", "him", "me", "us", "everyone", "all"];

    /// <summary>"his wife's firm", "his building firm": a relative or business word, possessive or with one
    /// word between it and its owner, for the favouritism frame.</summary>
    private static readonly string[] ThirdPersonOwners = ["his", "her", "their"];

    private static (int Start, int End) RelativeOwner(NormalizedText n, (int Start, int End) w)
    {
        var word = n.Chars.AsSpan(w.Start, w.End - w.Start);
        var relative = false;
        foreach (var r in Relatives)
            if (word.SequenceEqual(r) || word.Length == r.Length + 2 && word.StartsWith(r) && word.EndsWith("'s")) relative = true;
        if (!relative) return (-1, -1);
        var owner = PrevWord(n, w.Start);
        if (IsOwner(n, owner)) return owner;
        var further = owner.Start >= 0 ? PrevWord(n, owner.Start) : (-1, -1);
        return IsOwner(n, further) ? further : (-1, -1);

        static bool IsOwner(NormalizedText n, (int Start, int End) o) =>
            o.Start >= 0 && (IsAny(n, o, ThirdPersonOwners) || n.Chars.AsSpan(o.Start, o.End - o.Start).EndsWith("'s"));
    }

    /// <summary>"I will smash Mr Okafor's face in", "I'll break the head's nose": an intention, a blow and a body
    /// part whose owner is a person, named or a pronoun. "we'll smash it at sports day" has no body part.</summary>
    private static (int Start, int End) BlowToAPersonsBody(Scratch s)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent) continue;
            var w = NextWord(n, h.End);
            for (var k = 0; k < 6 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = NextWord(n, w.End))
            {
                if (!IsAny(n, w, BlowVerbs)) continue;
                var owner = NextWord(n, w.End);
                if (owner.Start < 0) break;
                var part = NextWord(n, owner.End);
                if (IsAny(n, owner, BodyOwners) && IsAny(n, part, BodyParts)) return (h.Start, part.End);
                // A name's possessive ("Mr Okafor's face") may run over two words, so look for the part after the name.
                // "Mr Okafor": the mention may start at the surname, after the title.
                var end = PersonEndingFrom(s, owner.Start);
                if (end < 0 && HitAt(s, Cue.Title, owner)) end = PersonEndingFrom(s, NextWord(n, owner.End).Start);
                if (end < 0) break;
                var wordEnd = end;
                while (wordEnd < n.Length && n.Chars[wordEnd] != ' ') wordEnd++;
                part = NextWord(n, wordEnd);
                if (wordEnd - 2 > owner.Start && n.Chars[wordEnd - 2] == '\'' && n.Chars[wordEnd - 1] == 's' && IsAny(n, part, BodyParts)) return (h.Start, part.End);
                break;
            }
        }
        return (-1, -1);
    }

    private static readonly string[] BlowVerbs = ["smash", "break", "punch", "kick", "bust", "cave", "rearrange", "slap", "batter", "knock", "burst", "split", "stamp", "boot"];

    /// <summary>"I'll drag Derek Catchpole out of that meeting", "gonna haul the head out by his tie": the
    /// phrases cover "drag him out"; a roster name or role stands in the pronoun's slot. Only with an
    /// intention shortly before it: "they had to drag the head out of the staffroom for the photo 😂" tells
    /// what happened.</summary>
    private static (int Start, int End) DragsAPersonOut(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Drag, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Drag, wi + 1))
        {
            var verb = WordAt(s, wi);
            var person = NextWord(n, verb.End);
            if (HitAt(s, Cue.Title, person)) person = NextWord(n, person.End);
            if (person.Start < 0) continue;
            var personEnd = PersonEndingFrom(s, person.Start);
            // "drag him out", and as surely "drag him round the car park", "across the yard".
            if (personEnd < 0 || !IsAny(n, NextWord(n, personEnd), DragDirections)) continue;
            for (var i = 0; i < s.HitCount; i++)
            {
                ref var h = ref s.Hits[i];
                if (h.Cue == Cue.ThreatIntent && h.End <= verb.Start && verb.Start - h.End <= 30) return (h.Start, personEnd);
            }
        }
        return (-1, -1);
    }

    private static readonly string[] DragDirections = ["out", "round", "around", "across", "along", "through", "outside"];

    /// <summary>Claims stated as fact that lower one identifiable person, read by frames rather than phrases.</summary>
    private void DefamatoryFrames(Scratch s, Collector c)
    {
        if (s.Has(Cue.Hedge)) return;
        var (us, ue) = UnchastitySaidOfAPerson(s);
        if (us >= 0)
        {
            c.Span(Categories.DefamatoryStatement, us, ue, "calls an identifiable person unchaste, stated as fact (exposes them to ridicule and contempt)", "rule.defamation");
            return;
        }
        var (cs, ce) = NamedAsTheCulprit(s);
        if (cs >= 0) c.Span(Categories.DefamatoryStatement, cs, ce, "names an identifiable person as the one who did wrong, stated as fact", "rule.defamation");
    }

    /// <summary>"Dean's missus is a sl*t", "that Stacey is a dirty slag": one named person called unchaste, as
    /// fact. Not a group ("they're all slags"), not "slagging us off", not a question.</summary>
    private static (int Start, int End) UnchastitySaidOfAPerson(Scratch s)
    {
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Unchaste, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Unchaste, wi + 1))
        {
            var w = WordAt(s, wi);
            var sentence = SentenceOf(n, w.Start);
            if (n.SentenceTerm[sentence] == '?' || SlagsOff(n, w)) continue;
            for (var m = 0; m < s.MentionCount; m++)
                if (s.Mentions[m].Kind != MentionKind.OwnPupil && s.Mentions[m].Sentence == sentence && s.Mentions[m].Start < w.Start)
                    return (s.Mentions[m].Start, w.End);
        }
        return (-1, -1);
    }

    /// <summary>"slag off", "slag us off": to run down, not a word for a person.</summary>
    private static bool SlagsOff(NormalizedText n, (int Start, int End) w)
    {
        var next = NextWord(n, w.End);
        if (WordIs(n, next, "off")) return true;
        return IsAny(n, next, OffObjects) && WordIs(n, NextWord(n, next.End), "off");
    }

    private static readonly string[] OffObjects = ["you", "us", "them", "me", "everyone", "him", "her", "people"];
    private static readonly string[] UnchasteWords = ["slag", "slut", "whore", "slapper", "skank", "tart"];

    /// <summary>"Rocky is the one who's been stealing from the cloakroom", "Mr X was the one that broke it": a
    /// person named as the one who did wrong. "the one who grassed" and "the one who organised the raffle" name
    /// no wrongdoing.</summary>
    private static (int Start, int End) NamedAsTheCulprit(Scratch s)
    {
        if (!s.Has(Cue.Culprit)) return (-1, -1);
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.Culprit || n.SentenceTerm[h.Sentence] == '?') continue;
            var person = -1;
            for (var m = 0; m < s.MentionCount; m++)
                if (s.Mentions[m].Kind != MentionKind.OwnPupil && s.Mentions[m].Sentence == h.Sentence && s.Mentions[m].End <= h.Start) person = m;
            if (person < 0) continue;
            var v = NextWord(n, h.End);
            for (var k = 0; k < 4 && v.Start >= 0 && SentenceOf(n, v.Start) == h.Sentence; k++, v = NextWord(n, v.End))
                if (InList(n, v, RuleWord.Wrongdoing) || HitAt(s, Cue.Misconduct, v)) return (s.Mentions[person].Start, v.End);
        }
        return (-1, -1);
    }

    private static readonly string[] WrongdoingWords =
    [
        "stole", "steals", "stealing", "nicked", "nicking", "pinched", "pinching", "broke", "smashed", "wrecked", "vandalised", "vandalized",
        "damaged", "bit", "bites", "biting", "hit", "hits", "punched", "kicked", "bullied", "bullying", "bullies", "spreading", "spread",
        "lied", "lying", "cheated", "shoplifting", "dealing", "keyed", "scratched", "slashed", "graffitied", "sprayed",
    ];

    /// <summary>"Funny how Mr X is always messaging the Year 10 girls on Snapchat 🤔", "odd that the PE teacher gives
    /// the girls lifts home", "... how is he still teaching": an adult's private contact with pupils, with a word or
    /// emoji of unease or outrage at the adult still being in post, insinuates misconduct. "Mr X messages the students about homework on Teams" has no unease and is left alone.</summary>
    private static (int Start, int End) PrivateContactWithPupils(Scratch s)
    {
        if (!AnyWord(s, RuleWord.Contact)) return (-1, -1);
        var emoji = MayHaveEmoji(s) && (s.Text.AsSpan().IndexOf("\U0001F914") >= 0 || s.Text.AsSpan().IndexOf("\U0001F440") >= 0);
        // "how is he still teaching" after the contact is the same unease as "odd" beside it.
        var outrage = s.Has(Cue.ProfessionalDisparage);
        if (!emoji && !outrage && !AnyWord(s, RuleWord.Unease | RuleWord.Innuendo) || s.Has(Cue.Positive)) return (-1, -1);
        var n = s.Norm;
        for (var wi = NextWordWith(s, RuleWord.Contact, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Contact, wi + 1))
        {
            var w = WordAt(s, wi);
            var sentence = SentenceOf(n, w.Start);
            var adult = false;
            for (var m = 0; m < s.MentionCount; m++)
                if (s.Mentions[m].Sentence == sentence && s.Mentions[m].Start < w.Start && s.Mentions[m].Kind is MentionKind.Staff or MentionKind.Governor) adult = true;
            for (var i = 0; i < s.HitCount && !adult; i++)
                if (s.Hits[i].Cue == Cue.Role && s.Hits[i].Sentence == sentence && s.Hits[i].Start < w.Start) adult = true;
            if (!adult || !emoji && !outrage && !UneaseIn(s, sentence)) continue;
            // The pupils after the contact word ("messaging the Year 10 girls") or just before it ("gives the girls lifts").
            var v = NextWord(n, w.End);
            for (var k = 0; k < 4 && v.Start >= 0 && SentenceOf(n, v.Start) == sentence; k++, v = NextWord(n, v.End))
                if (IsPupils(s, v)) return (w.Start, v.End);
            v = PrevWord(n, w.Start);
            for (var k = 0; k < 2 && v.Start >= 0; k++, v = PrevWord(n, v.Start))
                if (IsPupils(s, v)) return (v.Start, w.End);
        }
        return (-1, -1);
    }

    private static bool IsPupils(Scratch s, (int Start, int End) v) =>
        InList(s.Norm, v, RuleWord.ChildObject) || HitAt(s, Cue.PupilNoun, v) || PupilMentionAt(s, v.Start);

    private static bool UneaseIn(Scratch s, int sentence)
    {
        for (var k = NextWordWith(s, RuleWord.Unease | RuleWord.Innuendo, 0); k >= 0; k = NextWordWith(s, RuleWord.Unease | RuleWord.Innuendo, k + 1))
            if (SentenceOf(s.Norm, s.WordStart[k]) == sentence) return true;
        return false;
    }

    private static readonly string[] ContactWords =
    [
        "messaging", "messages", "messaged", "snapchat", "snapchats", "snapchatting", "dms", "dming", "dm'ing", "texting", "texts", "texted",
        "whatsapping", "lifts", "lift", "follows", "following", "friended", "adding", "adds",
    ];

    private static readonly string[] UneaseWords = ["odd", "weird", "creepy", "strange", "dodgy", "suspicious", "uncomfortable", "wrong"];

    /// <summary>"if his dad wants to start I'll finish it", "if she starts, I'll finish it": a fight promised on a
    /// condition. "I'll finish it" alone is homework or a box set; the start before it in the sentence makes it a fight.</summary>
    private static (int Start, int End) StartItFinishIt(Scratch s)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent) continue;
            var verb = NextWord(n, h.End);
            var obj = NextWord(n, verb.End);
            if (!(WordIs(n, verb, "finish") || WordIs(n, verb, "end")) || !IsAny(n, obj, FinishedThings)) continue;
            var w = PrevWord(n, h.Start);
            for (var k = 0; k < 10 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = PrevWord(n, w.Start))
            {
                if (!IsAny(n, w, StartWords)) continue;
                // Starting trouble, not a thing: "wants to start (on him, again, something)", not "start the quiz".
                var after = NextWord(n, w.End);
                if (!(after.Start == h.Start || IsAny(n, after, StartedTrouble))) continue;
                // "wants to start", "if he starts": a condition, not "I started the book and I'll finish it".
                var before = PrevWord(n, w.Start);
                if (WordIs(n, before, "to") || IsAny(n, before, SubjectPronouns) || PersonEndingAt(s, before)) return (w.Start, obj.End);
            }
        }
        return (-1, -1);
    }

    private static readonly string[] FinishedThings = ["it", "him", "her", "them", "you"];
    private static readonly string[] StartWords = ["start", "starts", "kick"];
    private static readonly string[] StartedTrouble = ["on", "again", "anything", "something", "owt", "summat", "trouble", "with", "it", "off", "kicking"];

    /// <summary>"Tyler gonna get battered after school", "you're getting jumped on monday", "he'll get merked": a
    /// person said to be about to take a beating. A future "get" (after an intention, or "getting") and a
    /// beating word straight after it, with a roster person, a role or a second or third person before it in
    /// the sentence; not the poster's own fear ("I'm getting jumped" is read by safeguarding), not a fixture
    /// ("we'll get battered in the final"), not with laughter, not one's own child.</summary>
    private static (int Start, int End) GettingHurt(Scratch s)
    {
        var n = s.Norm;
        if (AnyWord(s, RuleWord.Sport | RuleWord.Lol | RuleWord.Haha | RuleWord.Lmao | RuleWord.Pmsl) || s.Has(Cue.EmojiLaugh)) return (-1, -1);
        for (var wi = NextWordWith(s, RuleWord.Beaten, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Beaten, wi + 1))
        {
            var act = WordAt(s, wi);
            var get = PrevWord(n, act.Start);
            var getting = WordIs(n, get, "getting");
            if (!getting && !WordIs(n, get, "get") && !WordIs(n, get, "gets")) continue;
            var sentence = SentenceOf(n, act.Start);
            if (First(s, Cue.OwnChild, sentence) >= 0) continue;
            var from = n.SentenceStart[sentence];
            var future = getting;
            var person = Named(s, sentence) >= 0 || First(s, Cue.Role, sentence) >= 0;
            var own = false;
            var w = PrevWord(n, get.Start);
            for (var k = 0; k < 5 && w.Start >= from; k++, w = PrevWord(n, w.Start))
            {
                if (InList(n, w, RuleWord.FirstPerson) || WordIs(n, w, "we") || WordIs(n, w, "were") || WordIs(n, w, "we're")) own = true;
                if (IsAny(n, w, GettingHurtSubjects)) person = true;
                if (WordIs(n, w, "got") || WordIs(n, w, "was") || WordIs(n, w, "were")) future = false;
                var span = n.Chars.AsSpan(w.Start, w.End - w.Start);
                if (span.EndsWith("ll") && span.Length > 3 && span.IndexOf('\'') >= 0) future = true;
                if (w.Start < 0) break;
            }
            if (own || !person) continue;
            var intent = -1;
            for (var i = 0; i < s.HitCount && !future; i++)
            {
                ref var h = ref s.Hits[i];
                if (h.Cue == Cue.ThreatIntent && h.Sentence == sentence && h.End <= get.Start && get.Start - h.End <= 30) { future = true; intent = h.Start; }
            }
            if (future) return (intent >= 0 ? Math.Min(intent, get.Start) : get.Start, act.End);
        }
        return (-1, -1);
    }

    private static readonly string[] GettingHurtSubjects = ["you", "u", "ur", "youre", "you're", "ya", "he", "she", "hes", "he's", "shes", "she's", "they", "theyre", "they're", "youll", "you'll", "he'll", "she'll", "they'll"];
    internal static readonly string[] BeatenWords = ["battered", "jumped", "beaten", "bashed", "merked", "shanked", "stabbed", "smacked", "leathered", "decked", "sparked", "rushed", "bottled", "glassed", "knifed", "slapped", "punched", "mashed"];
    internal static readonly string[] SportWords = ["match", "matches", "game", "games", "fixture", "fixtures", "league", "final", "finals", "cup", "derby", "quiz", "tournament", "team", "netball", "football", "rugby", "hockey", "cricket", "fifa", "fc", "semi", "semis", "rematch", "playoffs", "town", "united", "rovers", "athletic", "albion", "wanderers"];

    /// <summary>"Tyler's goal tonight was filthy 🔥", "her bars are nasty": slang praise of a thing someone did. The
    /// insult is one word of <see cref="SlangPraise"/> and a <see cref="RuleWord.Play"/> word comes up to five
    /// words before it in the same sentence.</summary>
    private static bool SlangPraiseOfAThing(Scratch s, in Hit insult)
    {
        if (!AnyWord(s, RuleWord.Play)) return false;
        var n = s.Norm;
        var word = (insult.Start, insult.End);
        if (!IsAny(n, word, SlangPraise)) return false;
        var from = n.SentenceStart[insult.Sentence];
        var w = PrevWord(n, insult.Start);
        for (var k = 0; k < 5 && w.Start >= from; k++, w = PrevWord(n, w.Start))
            if (InList(n, w, RuleWord.Play)) return true;
        return false;
    }

    private static readonly string[] SlangPraise = ["filthy", "nasty", "sick", "dirty", "disgusting", "criminal", "evil", "wicked", "mad", "rude", "violent"];
    internal static readonly string[] PlayWords = ["goal", "goals", "shot", "skill", "skills", "tekkers", "save", "bars", "tune", "verse", "drip", "fit", "outfit", "fade", "freestyle", "dribble", "assist", "volley", "header", "dunk", "trick", "tricks", "vocals", "solo"];

    /// <summary>"I'll be waiting at the gates at 3:15 to pick Jack up for the dentist": a menacing phrase in a
    /// sentence that also names a school-run errand, with no violent act or fight in it, is an arrangement.</summary>
    private static bool SchoolRunErrand(Scratch s, int sentence)
    {
        if (!AnyWord(s, RuleWord.Errand) || First(s, Cue.ViolentAct, sentence) >= 0) return false;
        for (var wi = NextWordWith(s, RuleWord.Errand, 0); wi >= 0; wi = NextWordWith(s, RuleWord.Errand, wi + 1))
        {
            var w = WordAt(s, wi);
            if (SentenceOf(s.Norm, w.Start) != sentence) continue;
            var next = NextWord(s.Norm, w.End);
            if (WordIs(s.Norm, next, "a") && WordIs(s.Norm, NextWord(s.Norm, next.End), "fight")) continue;
            return true;
        }
        return false;
    }

    internal static readonly string[] ErrandWords = ["pick", "collect", "collecting", "collection", "dentist", "dentists", "appointment", "doctors", "orthodontist", "pickup"];
}
