using Courtesy.Policies;

namespace Courtesy.Screening;

/// <summary>
/// safeguarding-concern: self-harm or suicidal intent, a disclosure of abuse or exploitation, a child at
/// risk. Flagged under every pack and routed to the Designated Safeguarding Lead. The lexicon gives the
/// families (SelfHarm, AbuseDisclosure, ChildAtRisk, Exploitation, and the weak GroomingHint, LeftAlone,
/// Farewell and Despair that count only together with something else); the frames below read the
/// wordings a phrase list cannot: someone at home and an abuse verb with a victim ("my stepdad hurts me",
/// "dad hits mum"), a quantity of pills taken, nudes or pictures asked of or sent by a child.
/// </summary>
public sealed partial class ScreeningEngine
{
    private const string SelfHarmReason = "possible self-harm or suicidal intent: tell the Designated Safeguarding Lead now";
    private const string AbuseReason = "possible disclosure of abuse: tell the Designated Safeguarding Lead now";
    private const string ExploitationReason = "possible grooming or exploitation of a child: tell the Designated Safeguarding Lead now";
    private const string AtRiskReason = "a child may be at risk: tell the Designated Safeguarding Lead now";
    private const string NeglectReason = "a child may be left alone or neglected: tell the Designated Safeguarding Lead now";
    private const string FarewellReason = "a goodbye with despair, possibly suicidal: tell the Designated Safeguarding Lead now";

    private void Safeguarding(Scratch s, Collector c)
    {
        var n = s.Norm;
        if (s.Has(Cue.SelfHarm) || s.Has(Cue.AbuseDisclosure) || s.Has(Cue.ChildAtRisk) || s.Has(Cue.Exploitation)
            || s.Has(Cue.GroomingHint) || s.Has(Cue.LeftAlone) || s.Has(Cue.Secrecy) || s.Has(Cue.Farewell) && s.Has(Cue.Despair))
        {
            for (var i = 0; i < s.HitCount; i++)
            {
                ref var h = ref s.Hits[i];
                if (h.Cue is not (Cue.SelfHarm or Cue.AbuseDisclosure or Cue.ChildAtRisk or Cue.Exploitation or Cue.GroomingHint or Cue.LeftAlone or Cue.Farewell or Cue.Secrecy)) continue;
                // A topic ("a talk about self-harm") is not a child at risk.
                if (s.InSentence(Cue.Topic, h.Sentence)) continue;
                // "I'll kill myself laughing", "scared to go home, mum will see my report 😂": a figure of speech.
                var next = NextWord(n, h.End);
                if (WordIs(n, next, "laughing") || InList(n, next, RuleWord.Lol | RuleWord.Haha | RuleWord.Lmao | RuleWord.Pmsl) || First(s, Cue.EmojiLaugh, h.Sentence) >= 0) continue;
                var phrase = _entries[h.Entry].Phrase;
                var runsAway = h.Cue == Cue.ChildAtRisk && phrase.Contains("away", StringComparison.Ordinal) && MeansToRunAway(s, h, next);
                if (!runsAway && !SomeoneAtRisk(s, h)) continue;
                string reason;
                switch (h.Cue)
                {
                    case Cue.SelfHarm:
                        // "an overdose of sugar" (but "an overdose of paracetamol"); "want to end it with him" is a break-up.
                        if (phrase.StartsWith("overdose", StringComparison.Ordinal) && WordIs(n, next, "of") && !InList(n, NextWord(n, next.End), RuleWord.Pill)) continue;
                        if (phrase.EndsWith(" it", StringComparison.Ordinal) && WordIs(n, next, "with")) continue;
                        // "this homework makes me want to die", "don't want to wake up, it's the maths mock": an ordeal of school.
                        if (WordInSentence(s, RuleWord.Ordeal, h.Sentence)) continue;
                        // "take them all to the park": only with pills or tablets in the post.
                        if (phrase.EndsWith("them all", StringComparison.Ordinal) && !AnyWord(s, RuleWord.Pill)) continue;
                        // "go unalive yourself": aimed at someone else, a threat (read by Threats), not self-harm.
                        if (WordIs(n, next, "yourself") || WordIs(n, next, "urself") || WordIs(n, next, "yourselves")) continue;
                        // "end it all on a high at the prom".
                        if (phrase.EndsWith(" all", StringComparison.Ordinal) && WordIs(n, next, "on")) continue;
                        // "I want to die of embarrassment": a figure of speech.
                        if (phrase.EndsWith("die", StringComparison.Ordinal) && WordIs(n, next, "of")) continue;
                        // "every time her mum opens her mouth I want to die": exasperation at someone else.
                        if (EveryTimeSomeoneElse(s, h)) continue;
                        reason = SelfHarmReason;
                        break;
                    case Cue.AbuseDisclosure:
                        // "hit me up", "hit me back": asking for a message.
                        if (phrase.StartsWith("hit", StringComparison.Ordinal) && (WordIs(n, next, "up") || WordIs(n, next, "back"))) continue;
                        reason = AbuseReason;
                        break;
                    case Cue.Exploitation:
                        reason = ExploitationReason;
                        break;
                    case Cue.GroomingHint:
                        // "the older man at the crossing always waves": only with contact, pictures, gifts or meeting.
                        if (!WordInSentence(s, RuleWord.Grooming | RuleWord.Contact | RuleWord.Images | RuleWord.Dating, h.Sentence)) continue;
                        // "a 40 year old man", "her boyfriend is 26": an adult's age is a concern only about a child.
                        if (char.IsAsciiDigit(phrase[^1]) || phrase.Contains(" year old", StringComparison.Ordinal) || phrase.Contains(" yr old", StringComparison.Ordinal) || phrase.Contains(" yo ", StringComparison.Ordinal))
                            if (!AnyWord(s, RuleWord.ChildAge) && !s.Has(Cue.YearGroup) && !s.Has(Cue.PupilNoun) && !s.Has(Cue.OwnChild)) continue;
                        reason = ExploitationReason;
                        break;
                    case Cue.LeftAlone:
                        // "left on his own all weekend", not "left alone in the playground for a minute".
                        if (!WordInSentence(s, RuleWord.Duration, h.Sentence)) continue;
                        reason = NeglectReason;
                        break;
                    case Cue.Secrecy:
                        // "my stepdad said he'd kill me if I told anyone", not "she'd kill me if I told anyone about the party".
                        if (!WordInSentence(s, RuleWord.Household | RuleWord.Wound, h.Sentence)) continue;
                        reason = AbuseReason;
                        break;
                    case Cue.Farewell:
                        reason = FarewellReason;
                        break;
                    default:
                        // "the kids ran away with the trophy", "hasn't come home with his PE kit", "hasn't been home much".
                        if (WordIs(n, next, "with") || WordIs(n, next, "much")) continue;
                        // "hasn't eaten since breakfast", "hasn't eaten his tea": a meal missed today (a fussy or excited
                        // child), not "hasn't eaten since friday" or "in days".
                        if (phrase.EndsWith("eaten", StringComparison.Ordinal) && MealMissedToday(n, next)) continue;
                        // "sleeping in the car on the way to matches".
                        if (phrase.StartsWith("sleeping in", StringComparison.Ordinal) && (WordIs(n, next, "on") || WordIs(n, next, "to") || WordIs(n, next, "during") || WordIs(n, next, "after") || WordIs(n, next, "home") || WordIs(n, next, "back"))) continue;
                        // "the PE teacher kicked him out of the lesson", not "kicked him out of the house".
                        if (phrase.EndsWith(" out", StringComparison.Ordinal) && WordIs(n, next, "of") && !WordIs(n, NextWord(n, next.End), "home") && !WordIs(n, NextWord(n, next.End), "house")) continue;
                        // "a black eye playing hockey", "bruises from rugby": an accident.
                        if ((phrase.Contains("bruise", StringComparison.Ordinal) || phrase.Contains("black eye", StringComparison.Ordinal))
                            && (WordIs(n, next, "playing") || WordInSentence(s, RuleWord.Accident, h.Sentence))) continue;
                        // "black eye from a football": an accident.
                        if (WordIs(n, next, "from") && AccidentAfter(n, next)) continue;
                        // "went missing: one black school shoe", "the dog ran away": a child must be the one missing,
                        // or a child means to: "i'm going to run away tonight" (not "run away and join the circus").
                        if ((phrase.Contains("missing", StringComparison.Ordinal) || phrase.Contains("away", StringComparison.Ordinal)) && !ChildSubjectBefore(s, h.Start)
                            && !runsAway) continue;
                        reason = AtRiskReason;
                        break;
                }
                c.Hit(Categories.SafeguardingConcern, h, reason, "lexicon.safeguarding");
            }
        }
        AbuseAtHome(s, c);
        TookPills(s, c);
        ImagesAskedOrSent(s, c);
        WoundsOnBody(s, c);
        CarriesWeapon(s, c);
        GivesAChildSubstances(s, c);
        if (s.Has(Cue.OutAlone)) ChildOutAloneAtNight(s, c);
        if (s.Has(Cue.NeglectSign)) SignsOfNeglect(s, c);
        if (s.Has(Cue.JumpFrom)) JumpFromAHeight(s, c);
        if (s.Has(Cue.AgeAsked) && s.Has(Cue.PrivateAsk)) ApproachToAChild(s, c);
        if (AnyWord(s, RuleWord.Images)) IntimateImagesThreatened(s, c);
        if (s.Has(Cue.ThreatIntent) && AnyWord(s, RuleWord.Household)) ViolenceBetweenAdultsAtHome(s, c);
        if (s.Has(Cue.SelfInjury)) SelfInjury(s, c);
        if (s.Has(Cue.ContactRequest)) AdultSeeksContact(s, c);
    }

    private static bool MealMissedToday(NormalizedText n, (int Start, int End) next)
    {
        if (next.Start < 0) return false;
        var after = NextWord(n, next.End);
        if (WordIs(n, next, "since")) return IsAny(n, after, MealsToday) || WordIs(n, after, "this") && IsAny(n, NextWord(n, after.End), PartsOfToday);
        return IsAny(n, next, MealOwners) && IsAny(n, after, MealsToday);
    }

    private static readonly string[] MealsToday = ["breakfast", "brekkie", "lunch", "lunchtime", "dinner", "dinnertime", "tea", "teatime", "supper", "snack", "school", "noon", "midday", "brunch"];
    private static readonly string[] PartsOfToday = ["morning", "afternoon"];
    private static readonly string[] MealOwners = ["his", "her", "their", "my", "your", "ur", "any", "the"];

    /// <summary>"one of the dinner ladies keeps asking the year 6 girls to add her on tiktok", "a man at the bus stop
    /// asked my daughter for her number", "her step dad sends her messages at night": an adult seeking private
    /// contact with a child. Lifts need an adult from outside the family ("a dad from year 3 is offering lifts to the
    /// tournament" is the school run); a school or club account ("follow him on the school insta") is not private.</summary>
    private void AdultSeeksContact(Scratch s, Collector c)
    {
        if (s.Has(Cue.EmojiLaugh) || s.Has(Cue.Topic)) return;
        var n = s.Norm;
        var child = s.Has(Cue.OwnChild) || s.Has(Cue.YearGroup) || s.Has(Cue.PupilNoun) || s.Has(Cue.YoungChild) || NamedPupil(s);
        if (!child) return;
        var stranger = s.Has(Cue.AdultStranger) || s.Has(Cue.GroomingHint);
        var adult = stranger || s.Has(Cue.AdultNoun) || s.Has(Cue.Role) || s.Has(Cue.Title) || AnyWord(s, RuleWord.Household) || Named(s, adultsOnly: true) >= 0;
        if (!adult) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ContactRequest) continue;
            var phrase = _entries[h.Entry].Phrase;
            if (phrase.Contains("lift", StringComparison.Ordinal) && !stranger) continue;
            // "asked my daughter for her number", not "thanks for her insta 🎂": the "for" forms need an asking verb before.
            if (phrase.StartsWith("for ", StringComparison.Ordinal))
            {
                var asked = false;
                var b = PrevWord(n, h.Start);
                for (var k = 0; k < 4 && b.Start >= 0 && SentenceOf(n, b.Start) == h.Sentence && !asked; k++, b = PrevWord(n, b.Start))
                    asked = IsAny(n, b, AskWords);
                if (!asked) continue;
            }
            var group = false;
            var next = NextWord(n, h.End);
            for (var k = 0; k < 3 && next.Start >= 0 && !group; k++, next = NextWord(n, next.End))
                group = IsAny(n, next, GroupAccounts) || HitAt(s, Cue.SchoolRef, next);
            if (group) continue;
            c.Hit(Categories.SafeguardingConcern, h, ExploitationReason, "frame.adult-seeks-contact");
            return;
        }
    }

    private static readonly string[] GroupAccounts = ["school", "class", "club", "team", "parents", "pta", "official", "group", "page"];

    /// <summary>"i'm going to run away tonight", "she wants to run away from home": an intention with the poster or
    /// "he"/"she" as its subject. "run away and join the circus" and "run away from the spider" are not.</summary>
    private static bool MeansToRunAway(Scratch s, in Hit h, (int Start, int End) next)
    {
        var n = s.Norm;
        var to = PrevWord(n, h.Start);
        if (!(WordIs(n, to, "to") || WordIs(n, to, "gonna") || WordIs(n, to, "wanna") || WordIs(n, to, "i'll") || WordIs(n, to, "she'll") || WordIs(n, to, "he'll"))) return false;
        if (WordIs(n, next, "and") && WordIs(n, NextWord(n, next.End), "join")) return false;
        // "run away to the seaside for half term", "run away for the weekend": a holiday.
        if (WordIs(n, next, "to") || WordIs(n, next, "for")) return false;
        if (WordIs(n, next, "from") && !IsAny(n, NextWord(n, next.End), RunAwayFrom)) return false;
        var w = to;
        for (var k = 0; k < 4 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = PrevWord(n, w.Start))
            if (InList(n, w, RuleWord.FirstPerson) || WordIs(n, w, "she") || WordIs(n, w, "he") || WordIs(n, w, "she's") || WordIs(n, w, "he's")) return true;
        return false;
    }

    /// <summary>"my stepdad is going to kill my mum one night", "her dad will hurt her mum": someone at home
    /// said to mean violence to another. "my mum's going to kill my dad when she finds out" is a telling-off.</summary>
    private static void ViolenceBetweenAdultsAtHome(Scratch s, Collector c)
    {
        if (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Haha)) return;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.ThreatIntent) continue;
            var subject = false;
            var b = PrevWord(n, h.Start);
            for (var k = 0; k < 3 && b.Start >= 0 && SentenceOf(n, b.Start) == h.Sentence; k++, b = PrevWord(n, b.Start))
                if (InList(n, b, RuleWord.Household)) { subject = true; break; }
            if (!subject) continue;
            var act = NextWord(n, h.End);
            if (!IsAny(n, act, HomeViolence)) continue;
            var owner = NextWord(n, act.End);
            var victim = NextWord(n, owner.End);
            if (!(WordIs(n, owner, "my") || WordIs(n, owner, "her") || WordIs(n, owner, "his")) || !InList(n, victim, RuleWord.Household | RuleWord.Relative)) continue;
            var then = NextWord(n, victim.End);
            if (IsAny(n, then, Consequences)) continue;
            c.Span(Categories.SafeguardingConcern, act.Start, victim.End, AbuseReason, "frame.violence-at-home");
            return;
        }
    }

    /// <summary>"punching himself in the face", "burning myself with a lighter", "scratches herself till she
    /// bleeds", "keeps banging her head against the wall": injury by other means than cutting. Not "kicking
    /// myself" (regret), "burnt myself on the oven" (an accident), "banging my head against a brick wall" (an idiom).</summary>
    private static void SelfInjury(Scratch s, Collector c)
    {
        var n = s.Norm;
        if (s.Has(Cue.EmojiLaugh) || s.Has(Cue.Topic)) return;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.SelfInjury) continue;
            var last = PrevWord(n, h.End);
            if (WordIs(n, last, "head"))
            {
                // "banging her head against the wall"; "banging my head against a brick wall trying to ..." is an idiom.
                var against = NextWord(n, h.End);
                if (!(WordIs(n, against, "against") || WordIs(n, against, "on")) || SentenceHasAny(s, h.Sentence, HeadBangIdiom)) continue;
                c.Span(Categories.SafeguardingConcern, h.Start, against.End, SelfHarmReason, "frame.self-injury");
                return;
            }
            // "punching himself in the face", "burning myself with a lighter", "till it bleeds", "on purpose"; not "on the oven".
            var how = NextWord(n, h.End);
            if (!(IsAny(n, how, SelfInjuryHow) || WordIs(n, how, "on") && WordIs(n, NextWord(n, how.End), "purpose"))) continue;
            // "the baby keeps scratching herself in her sleep", "toddler hitting himself when he's tired": a stage of infancy.
            if (AnyWord(s, RuleWord.Lol | RuleWord.Haha) || SentenceHasAny(s, h.Sentence, Infancy)) return;
            c.Span(Categories.SafeguardingConcern, h.Start, how.End, SelfHarmReason, "frame.self-injury");
            return;
        }
    }

    private static readonly string[] SelfInjuryHow = ["in", "with", "till", "until", "again", "when", "every", "so", "whenever", "hard", "deliberately", "properly"];
    private static readonly string[] Infancy = ["baby", "babies", "toddler", "toddlers", "sleep", "teething", "newborn"];
    private static readonly string[] HeadBangIdiom = ["brick", "trying", "try", "council"];
    private static readonly string[] HomeViolence = ["kill", "hurt", "hit", "stab", "strangle", "batter", "beat", "murder", "kills", "hurts", "hits", "beats"];
    private static readonly string[] Consequences = ["when", "if", "for", "after", "because", "cos", "once", "whenever"];
    private static readonly string[] RunAwayFrom = ["home", "house", "here", "care", "everything", "everyone", "all", "them", "him", "her", "my", "this", "school"];

    /// <summary>"every time Mr X does the dance I want to die", "whenever her mum starts I want to die": a clause
    /// of "every time" or "whenever" about someone else before the phrase is exasperation. "every time I look in
    /// the mirror I want to die" speaks of the poster, and stays.</summary>
    private static bool EveryTimeSomeoneElse(Scratch s, in Hit h)
    {
        var n = s.Norm;
        var subject = PrevWord(n, h.Start);
        var from = n.SentenceStart[h.Sentence];
        var found = false;
        for (var w = NextWord(n, from); w.Start >= 0 && w.Start < subject.Start; w = NextWord(n, w.End))
        {
            if (!found)
            {
                if (WordIs(n, w, "whenever") || WordIs(n, w, "everytime") || WordIs(n, w, "time") && WordIs(n, PrevWord(n, w.Start), "every")) found = true;
                continue;
            }
            // The clause speaks of the poster: "every time I look in the mirror".
            if (InList(n, w, RuleWord.FirstPerson)) return false;
        }
        return found;
    }

    /// <summary>"a little boy out on the street at 11pm, no adult", "a kid sleeping in the bus shelter": a child
    /// out with nobody at a late hour, or sleeping outdoors at any. A child word in the singular
    /// (not "the year 11s out celebrating"), not the poster's own ("my lad walked home on his own tonight"); a
    /// fox or a scooter is no child.</summary>
    private void ChildOutAloneAtNight(Scratch s, Collector c)
    {
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.OutAlone) continue;
            if (s.InSentence(Cue.Topic, h.Sentence) || First(s, Cue.EmojiLaugh) >= 0 || AnyWord(s, RuleWord.Ours)) return;
            // "looking for a babysitter for a little boy, evenings till 11pm": care being arranged.
            if (SentenceHasAny(s, h.Sentence, ChildCare)) return;
            // "sleeping on his own at night", "settles by herself at bedtime": in bed, not out.
            var verb = PrevWord(s.Norm, h.Start);
            if (IsAny(s.Norm, verb, SleepWords)) continue;
            // Sleeping outdoors needs no hour; being out with nobody does.
            var sleepingOut = _entries[h.Entry].Phrase.StartsWith("sleeping", StringComparison.Ordinal);
            if (!sleepingOut && !s.InSentence(Cue.LateHour, h.Sentence) && !(h.Sentence + 1 < s.Norm.SentenceCount && s.InSentence(Cue.LateHour, h.Sentence + 1))) continue;
            if (!OneChildNotOwn(s)) return;
            c.Hit(Categories.SafeguardingConcern, h, NeglectReason, "frame.child-out-at-night");
            return;
        }
    }

    /// <summary>A child spoken of in the singular, not the poster's own: "a little girl", "that kid", "a boy,
    /// maybe year 5", or a named pupil.</summary>
    private bool OneChildNotOwn(Scratch s)
    {
        var n = s.Norm;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].Kind == MentionKind.Pupil) return true;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue is not (Cue.YoungChild or Cue.PupilNoun)) continue;
            if (h.Cue == Cue.PupilNoun)
            {
                if (h.Suffixed) continue;
                var phrase = _entries[h.Entry].Phrase;
                if (!(phrase is "kid" or "boy" or "girl" or "lad" or "lass" or "child")) continue;
            }
            else if (_entries[h.Entry].Phrase.Contains("'", StringComparison.Ordinal)) return true; // "my son's friend"
            else if (s.Has(Cue.OwnChild)) continue;
            // "our little boy", "anyone else's kid? mine ...": the poster's own.
            var before = PrevWord(n, h.Start);
            if (WordIs(n, before, "my") || WordIs(n, before, "our") || WordIs(n, before, "else's")) continue;
            return true;
        }
        return false;
    }

    /// <summary>"always hungry and the same clothes all week", "holes in his shoes, no coat, no tea at home": two
    /// signs of neglect in a post about one child who is not the poster's. One sign is everyday ("no coat again,
    /// left it on the bus"), laughter is a trip or a joke, and "I'm starving" is the poster.</summary>
    private void SignsOfNeglect(Scratch s, Collector c)
    {
        if (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Ours) || s.Has(Cue.Topic)) return;
        // One child: "the kids in year 3 are always hungry by 11, starving by lunch" is a complaint about portions.
        if (!OneChildNotOwn(s)) return;
        var n = s.Norm;
        int first = -1, signs = 0, lastEnd = -1;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.NeglectSign || h.Start < lastEnd) continue;
            // "I'm starving", "we were starving after the walk": the poster.
            var before = PrevWord(n, h.Start);
            if (WordIs(n, before, "i'm") || WordIs(n, before, "im") || WordIs(n, before, "we're") || WordIs(n, before, "were") || WordIs(n, before, "was") && InList(n, PrevWord(n, before.Start), RuleWord.FirstPerson)) continue;
            if (first < 0) first = i;
            signs++;
            lastEnd = h.End;
        }
        if (signs < 2) return;
        c.Hit(Categories.SafeguardingConcern, s.Hits[first], NeglectReason, "frame.signs-of-neglect");
    }

    /// <summary>"she keeps saying she's going to jump off the cliffs", "said he'd throw himself off the pier",
    /// "talking about throwing himself in front of a bus": a fall from a height or under a vehicle, with an
    /// intention before it. Throwing oneself needs none. Not "jump off the top board at swimming", "the lads
    /// jump off the harbour wall every summer" (no intention), "jump off the pier for the charity dip".</summary>
    private static void JumpFromAHeight(Scratch s, Collector c)
    {
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.JumpFrom) continue;
            if (s.InSentence(Cue.Topic, h.Sentence) || First(s, Cue.EmojiLaugh, h.Sentence) >= 0) continue;
            // The place or vehicle: within three words after the phrase.
            var place = false;
            var w = NextWord(n, h.End);
            for (var k = 0; k < 3 && w.Start >= 0 && SentenceOf(n, w.Start) == h.Sentence; k++, w = NextWord(n, w.End))
                if (IsAny(n, w, HighPlaces)) { place = true; break; }
            if (!place) continue;
            if (SentenceHasAny(s, h.Sentence, LeisureJumps)) continue;
            var self = n.Chars.AsSpan(h.Start, h.End - h.Start).IndexOf("self ") >= 0 || n.Chars.AsSpan(h.Start, h.End - h.Start).EndsWith("self");
            if (!self)
            {
                var intent = false;
                var b = PrevWord(n, h.Start);
                for (var k = 0; k < 4 && b.Start >= 0 && SentenceOf(n, b.Start) == h.Sentence; k++, b = PrevWord(n, b.Start))
                    if (IsAny(n, b, JumpIntents)) { intent = true; break; }
                if (!intent) continue;
            }
            if (!SomeoneAtRisk(s, h) && !AnyWord(s, RuleWord.FirstPerson)) continue;
            c.Hit(Categories.SafeguardingConcern, h, SelfHarmReason, "frame.jump-from-height");
            return;
        }
    }

    private static bool SentenceHasAny(Scratch s, int sentence, string[] words)
    {
        var n = s.Norm;
        var end = sentence + 1 < n.SentenceCount ? n.SentenceStart[sentence + 1] : n.Length;
        for (var w = NextWord(n, n.SentenceStart[sentence]); w.Start >= 0 && w.Start < end; w = NextWord(n, w.End))
            if (IsAny(n, w, words)) return true;
        return false;
    }

    /// <summary>"what year are you in? ... add me on snap", "how old r u? u look older ... dont tell ur mum": a
    /// child's age or looks remarked on, and a private channel or secrecy asked for, in one message. Laughter
    /// ("you look older than me in that photo 😂 add me back") is friends.</summary>
    private void ApproachToAChild(Scratch s, Collector c)
    {
        if (s.Has(Cue.EmojiLaugh) || AnyWord(s, RuleWord.Lol | RuleWord.Haha | RuleWord.Lmao) || s.Has(Cue.Topic)) return;
        // Spoken to the child ("you", "u", "ur"): "the boys look so grown up for their age, dm me for the album" is a parent.
        if (!SecondPerson(s)) return;
        var n = s.Norm;
        for (var i = 0; i < s.HitCount; i++)
        {
            ref var h = ref s.Hits[i];
            if (h.Cue != Cue.AgeAsked) continue;
            // "how old are you supposed to be to walk home alone?": a question about a rule.
            var next = NextWord(n, h.End);
            if (WordIs(n, next, "supposed") || WordIs(n, next, "meant") || WordIs(n, next, "allowed") || WordIs(n, next, "when") || WordIs(n, next, "before")) continue;
            c.Hit(Categories.SafeguardingConcern, h, ExploitationReason, "frame.approach-to-child");
            return;
        }
    }

    private bool SecondPerson(Scratch s)
    {
        if (!s.Has(Cue.Pronoun)) return false;
        for (var i = 0; i < s.HitCount; i++)
            if (s.Hits[i].Cue == Cue.Pronoun && _entries[s.Hits[i].Entry].Phrase is "you" or "u" or "ur" or "you're") return true;
        return false;
    }

    /// <summary>"or your nudes go to your whole year", "leaking her nudes in the group chat", "he'll post ur
    /// nudes": a person's intimate images threatened or spread (sextortion, image abuse). Not advice ("don't
    /// share your nudes") nor "your pics from the trip".</summary>
    private static void IntimateImagesThreatened(Scratch s, Collector c)
    {
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.Images, 0); k >= 0; k = NextWordWith(s, RuleWord.Images, k + 1))
        {
            var img = WordAt(s, k);
            if (n.Chars[img.Start] != 'n') continue;
            var owner = PrevWord(n, img.Start);
            if (!IsAny(n, owner, ImageOwners)) continue;
            var sentence = SentenceOf(n, img.Start);
            if (s.InSentence(Cue.Topic, sentence)) continue;
            var verb = PrevWord(n, owner.Start);
            var spread = IsAny(n, verb, SpreadVerbs);
            // "screenshotted her nudes and sent them round": a spreading verb a few words on.
            if (!spread)
            {
                var a = NextWord(n, img.End);
                for (var j = 0; j < 4 && a.Start >= 0 && SentenceOf(n, a.Start) == sentence; j++, a = NextWord(n, a.End))
                    if (IsAny(n, a, SpreadVerbs) && !WordIs(n, a, "send")) { spread = true; break; }
            }
            if (spread)
            {
                // "don't share your nudes", "never post your nudes": advice.
                var neg = PrevWord(n, verb.Start);
                if (WordIs(n, neg, "don't") || WordIs(n, neg, "dont") || WordIs(n, neg, "never") || WordIs(n, neg, "not") || WordIs(n, neg, "to")) continue;
            }
            else
            {
                // "your nudes go to ...", "her nudes are going round", or an "or" before: "pay up or your nudes ...".
                var after = NextWord(n, img.End);
                if (WordIs(n, after, "are") || WordIs(n, after, "will") || WordIs(n, after, "r")) after = NextWord(n, after.End);
                spread = IsAny(n, after, SpreadAfter) || WordIs(n, verb, "or");
            }
            if (!spread) continue;
            c.Span(Categories.SafeguardingConcern, owner.Start, img.End, ExploitationReason, "frame.images-threatened");
            return;
        }
    }

    private static readonly string[] ChildCare = ["babysitter", "babysitters", "babysitting", "babysit", "sitter", "childminder", "childminding", "nanny", "au"];
    private static readonly string[] SleepWords = ["sleeping", "sleep", "sleeps", "slept", "settle", "settles", "settled", "settling", "bed", "nap", "napping"];
    private static readonly string[] HighPlaces =
    [
        "bridge", "roof", "rooftop", "cliff", "cliffs", "pier", "harbour", "multi", "multistorey", "carpark", "car", "tower", "building",
        "balcony", "flats", "viaduct", "motorway", "train", "trains", "bus", "lorry", "top", "window", "quarry", "edge",
        "sea", "river", "canal", "lake", "reservoir", "water",
    ];
    private static readonly string[] LeisureJumps =
    [
        "swim", "swimming", "swimmers", "tombstoning", "charity", "sponsor", "sponsored", "dip", "diving", "dive", "board", "trampoline",
        "summer", "tradition", "cat", "dog", "bungee", "parachute", "skydive", "zipwire", "sofa", "bed", "first", "holiday", "paddle",
        "paddling", "splash", "wetsuit", "surf", "surfing", "bodyboard", "lido",
    ];
    private static readonly string[] JumpIntents =
    [
        "gonna", "going", "wants", "want", "wanna", "wanted", "threatening", "threatened", "threatens", "saying", "said", "says", "keeps",
        "will", "she'll", "he'll", "i'll", "she'd", "he'd", "i'd", "plans", "planning", "thinking", "about", "talking", "try", "tried", "trying",
    ];
    private static readonly string[] ImageOwners = ["your", "ur", "yer", "her", "his", "their", "ya"];
    private static readonly string[] SpreadVerbs =
    [
        "leak", "leaking", "leaked", "leaks", "post", "posting", "posted", "share", "sharing", "shared", "send", "sending", "sent", "expose",
        "exposing", "spread", "spreading", "show", "showing", "showed", "upload", "uploading", "sell", "selling", "sold", "screenshotted",
        "screenshot", "screenshotting", "forwarded", "forwarding", "airdropped", "airdropping", "saved", "passed",
    ];
    private static readonly string[] SpreadAfter =
    [
        "go", "going", "goes", "gone", "get", "getting", "gets", "round", "around", "everywhere", "posted", "shared", "leaked", "sent",
        "out", "online", "in", "on", "to",
    ];

    /// <summary>"giving the year 8s free vapes", "gives her vapes and money", "bought him weed": substances
    /// handed to children, a sign of grooming or exploitation.</summary>
    private static void GivesAChildSubstances(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.Substance) || !AnyWord(s, RuleWord.Give)) return;
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.Substance, 0); k >= 0; k = NextWordWith(s, RuleWord.Substance, k + 1))
        {
            var thing = WordAt(s, k);
            var w = PrevWord(n, thing.Start);
            for (var back = 0; back < 6 && w.Start >= 0; back++, w = PrevWord(n, w.Start))
            {
                if (!InList(n, w, RuleWord.Give)) continue;
                var sentence = SentenceOf(n, thing.Start);
                if (!PersonTarget(s, sentence) && !s.InSentence(Cue.YearGroup, sentence) && !s.InSentence(Cue.PupilNoun, sentence)
                    || s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) break;
                c.Span(Categories.SafeguardingConcern, w.Start, thing.End, ExploitationReason, "frame.gives-substances");
                return;
            }
        }
    }

    /// <summary>"keeps a blade in his sock", "brought a knife to school", "has a machete in her bag": a weapon a
    /// child carries, with a verb of carrying just before it and a person in the sentence.</summary>
    private static void CarriesWeapon(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.Weapon) || !AnyWord(s, RuleWord.Carry)) return;
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.Weapon, 0); k >= 0; k = NextWordWith(s, RuleWord.Weapon, k + 1))
        {
            var weapon = WordAt(s, k);
            var after = NextWord(n, weapon.End);
            // "a knife and fork", "knife crime", "a knife to cut the cake".
            if (WordIs(n, after, "and") || WordIs(n, after, "crime") || WordIs(n, after, "to") && WordIs(n, NextWord(n, after.End), "cut")) continue;
            var w = PrevWord(n, weapon.Start);
            for (var back = 0; back < 3 && w.Start >= 0; back++, w = PrevWord(n, w.Start))
            {
                if (!InList(n, w, RuleWord.Carry)) continue;
                var sentence = SentenceOf(n, weapon.Start);
                if (!PersonTarget(s, sentence) || s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) break;
                c.Span(Categories.SafeguardingConcern, w.Start, weapon.End, AtRiskReason, "frame.weapon");
                return;
            }
            // "the knife he keeps under his bed", "a blade she carries".
            var subject = NextWord(n, weapon.End);
            var carry = NextWord(n, subject.End);
            if ((WordIs(n, subject, "he") || WordIs(n, subject, "she") || WordIs(n, subject, "they")) && InList(n, carry, RuleWord.Carry))
            {
                var sentence = SentenceOf(n, weapon.Start);
                if (s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) continue;
                c.Span(Categories.SafeguardingConcern, weapon.Start, carry.End, AtRiskReason, "frame.weapon");
                return;
            }
        }
    }

    /// <summary>"cuts on her thighs", "scars all over his arms", "burns on my wrist": wounds where people
    /// self-harm, not "fresh cuts at the barbers".</summary>
    private static void WoundsOnBody(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.HarmSite)) return;
        var n = s.Norm;
        // "sliced my arm", "slashed her wrists", "burnt his arm": a cutting or burning verb, an owner, a place.
        if (AnyWord(s, RuleWord.CutVerb))
            for (var k = NextWordWith(s, RuleWord.HarmSite, 0); k >= 0; k = NextWordWith(s, RuleWord.HarmSite, k + 1))
            {
                var site = WordAt(s, k);
                var owner = PrevWord(n, site.Start);
                if (!(WordIs(n, owner, "my") || WordIs(n, owner, "her") || WordIs(n, owner, "his") || WordIs(n, owner, "their") || WordIs(n, owner, "both"))) continue;
                var verb = PrevWord(n, owner.Start);
                if (!InList(n, verb, RuleWord.CutVerb)) continue;
                var sentence = SentenceOf(n, site.Start);
                if (s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) continue;
                c.Span(Categories.SafeguardingConcern, verb.Start, site.End, SelfHarmReason, "frame.wounds");
                return;
            }
        if (!AnyWord(s, RuleWord.Wound)) return;
        for (var k = NextWordWith(s, RuleWord.Wound, 0); k >= 0; k = NextWordWith(s, RuleWord.Wound, k + 1))
        {
            var wound = WordAt(s, k);
            var w = NextWord(n, wound.End);
            if (WordIs(n, w, "all")) w = NextWord(n, NextWord(n, w.End).End); // "all over"
            else if (WordIs(n, w, "on") || WordIs(n, w, "up") || WordIs(n, w, "down")) w = NextWord(n, w.End);
            else continue;
            if (WordIs(n, w, "her") || WordIs(n, w, "his") || WordIs(n, w, "my") || WordIs(n, w, "their") || WordIs(n, w, "both")) w = NextWord(n, w.End);
            if (!InList(n, w, RuleWord.HarmSite)) continue;
            var sentence = SentenceOf(n, wound.Start);
            if (s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) continue;
            c.Span(Categories.SafeguardingConcern, wound.Start, w.End, SelfHarmReason, "frame.wounds");
            return;
        }
    }

    /// <summary>Someone the concern is about: a person in the sentence, the poster's own child, or for self-harm
    /// and disclosures the poster ("i", "me", "my"); a self-harm phrase on its own in a post with no talk,
    /// school or other person in it ("thinking about sewerslide ngl") is the poster's own.</summary>
    private static bool SomeoneAtRisk(Scratch s, in Hit h)
    {
        if (PersonTarget(s, h.Sentence) || First(s, Cue.OwnChild, h.Sentence) >= 0) return true;
        if (h.Cue is Cue.SelfHarm or Cue.AbuseDisclosure or Cue.Farewell or Cue.Secrecy or Cue.GroomingHint or Cue.Exploitation && AnyWord(s, RuleWord.FirstPerson)) return true;
        // "they're sleeping in a car": a family.
        if (h.Cue is Cue.ChildAtRisk or Cue.LeftAlone && WordInSentence(s, RuleWord.They, h.Sentence)) return true;
        return h.Cue is Cue.SelfHarm or Cue.Farewell && !s.Has(Cue.Topic) && !s.Has(Cue.SchoolRef) && !s.Has(Cue.Role);
    }

    /// <summary>Whether some word of the sentence is in the lists: visits only the post's listed words.</summary>
    private static bool WordInSentence(Scratch s, RuleWord bits, int sentence)
    {
        var n = s.Norm;
        for (var k = NextWordWith(s, bits, 0); k >= 0; k = NextWordWith(s, bits, k + 1))
        {
            var at = SentenceOf(n, s.WordStart[k]);
            if (at == sentence) return true;
            if (at > sentence) return false;
        }
        return false;
    }

    private static bool AccidentAfter(NormalizedText n, (int Start, int End) from)
    {
        var w = NextWord(n, from.End);
        if (WordIs(n, w, "a") || WordIs(n, w, "the")) w = NextWord(n, w.End);
        return InList(n, w, RuleWord.Accident);
    }

    /// <summary>"Kai ran away", "my daughter has gone missing", "she's run away": a person just before the
    /// phrase, over "has", "had", "just".</summary>
    private static bool ChildSubjectBefore(Scratch s, int start)
    {
        var n = s.Norm;
        var w = PrevWord(n, start);
        for (var k = 0; k < 4 && w.Start >= 0 && IsAny(n, w, MissingAuxiliaries); k++)
            w = PrevWord(n, w.Start);
        if (w.Start < 0) return false;
        if (HitAt(s, Cue.Pronoun, w) || WordIs(n, w, "they") || WordIs(n, w, "she's") || WordIs(n, w, "he's") || InList(n, w, RuleWord.ChildObject | RuleWord.Relative)) return true;
        for (var m = 0; m < s.MentionCount; m++)
            if (s.Mentions[m].End == w.End || s.Mentions[m].Start == w.Start) return true;
        return false;
    }

    /// <summary>"my stepdad hurts me", "dad hits mum", "mum's boyfriend locks her in": an abuse verb with a
    /// victim right after it, and someone at home in the same sentence. "hits the gym", "hurt her back" are not.</summary>
    private static void AbuseAtHome(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.Household) || !AnyWord(s, RuleWord.AbuseVerb)) return;
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.AbuseVerb, 0); k >= 0; k = NextWordWith(s, RuleWord.AbuseVerb, k + 1))
        {
            var verb = WordAt(s, k);
            var victim = NextWord(n, verb.End);
            if (!InList(n, victim, RuleWord.Victim)) continue;
            var after = NextWord(n, victim.End);
            if (WordIs(n, victim, "my") || WordIs(n, victim, "our") || WordIs(n, victim, "his") || WordIs(n, victim, "their")) { if (!InList(n, after, RuleWord.Victim | RuleWord.Relative)) continue; }
            else if (InList(n, after, RuleWord.BodyPart) || WordIs(n, after, "back") || WordIs(n, after, "up") || WordIs(n, after, "knee") || WordIs(n, after, "ankle") || WordIs(n, after, "feelings")) continue;
            // "her dad drags her to every parkrun": taken somewhere, not hurt.
            if ((WordIs(n, verb, "drags") || WordIs(n, verb, "dragged")) && WordIs(n, after, "to")) continue;
            var sentence = SentenceOf(n, verb.Start);
            if (!WordInSentence(s, RuleWord.Household, sentence) || s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) continue;
            c.Span(Categories.SafeguardingConcern, verb.Start, victim.End, AbuseReason, "frame.abuse-at-home");
            return;
        }
    }

    /// <summary>"took a load of pills", "swallowed a packet of paracetamol", "took all her tablets": a quantity
    /// of pills taken, not "took her tablets this morning".</summary>
    private static void TookPills(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.Pill) || !AnyWord(s, RuleWord.Took)) return;
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.Pill, 0); k >= 0; k = NextWordWith(s, RuleWord.Pill, k + 1))
        {
            var pill = WordAt(s, k);
            var quantity = false;
            var w = PrevWord(n, pill.Start);
            // "took a whole box of her mum's pills": the quantity and the owner may stand between.
            for (var back = 0; back < 7 && w.Start >= 0; back++, w = PrevWord(n, w.Start))
            {
                if (InList(n, w, RuleWord.Quantity) || char.IsAsciiDigit(n.Chars[w.Start])) quantity = true;
                else if (InList(n, w, RuleWord.Took))
                {
                    var sentence = SentenceOf(n, pill.Start);
                    if (!quantity || s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) break;
                    c.Span(Categories.SafeguardingConcern, w.Start, pill.End, SelfHarmReason, "frame.took-pills");
                    return;
                }
            }
        }
    }

    /// <summary>"asked her for pics", "sending nudes to a guy", "he wants nudes": images asked of or sent by a
    /// child. "asked for pics of the science fair" and "send nudes Mrs X" (an obscene jibe) are not.</summary>
    private static void ImagesAskedOrSent(Scratch s, Collector c)
    {
        if (!AnyWord(s, RuleWord.Images)) return;
        var n = s.Norm;
        for (var k = NextWordWith(s, RuleWord.Images, 0); k >= 0; k = NextWordWith(s, RuleWord.Images, k + 1))
        {
            var img = WordAt(s, k);
            var sentence = SentenceOf(n, img.Start);
            if (WordIs(n, NextWord(n, img.End), "of") || s.InSentence(Cue.Topic, sentence) || First(s, Cue.EmojiLaugh, sentence) >= 0) continue;
            var nude = n.Chars[img.Start] == 'n';
            var prev = PrevWord(n, img.Start);
            var start = prev.Start;
            if (WordIs(n, prev, "for"))
            {
                // "asked her for pics", "asking me for nudes", "begging for nudes"
                var before = PrevWord(n, prev.Start);
                if (InList(n, before, RuleWord.Victim)) before = PrevWord(n, before.Start);
                if (!IsAny(n, before, AskWords)) continue;
                start = before.Start;
            }
            else if (!nude || !IsAny(n, prev, AskWords) && !IsAny(n, prev, SendWords) || IsSentenceInitial(n, prev.Start))
                continue;
            if (!PersonTarget(s, sentence) && !AnyWord(s, RuleWord.FirstPerson)) continue;
            c.Span(Categories.SafeguardingConcern, start, img.End, ExploitationReason, "frame.images");
            return;
        }
    }

    private static readonly string[] FirstPersonWords = ["i", "me", "my", "myself", "im", "i'm", "ive", "i've", "i'd", "i'll"];
    private static readonly string[] MissingAuxiliaries = ["has", "had", "have", "just", "s", "now", "been", "keeps", "kept", "always", "is", "was", "gone", "literally", "actually", "who", "that"];
    private static readonly string[] WoundWords = ["cuts", "scars", "scratches", "burns", "slashes", "marks", "scabs"];
    private static readonly string[] HarmSites = ["arms", "arm", "legs", "leg", "thighs", "thigh", "wrists", "wrist", "stomach", "tummy", "hips", "hip", "forearm", "forearms"];
    private static readonly string[] WeaponWords = ["knife", "knives", "blade", "blades", "machete", "machetes", "gun", "guns", "zombie", "knuckleduster", "shank", "stanley"];
    private static readonly string[] CarryWords = ["keeps", "kept", "carries", "carrying", "carry", "brought", "brings", "bringing", "bring", "has", "had", "got", "pulled", "pulls", "showed", "flashed", "hides", "hid", "hiding"];
    private static readonly string[] SubstanceWords = ["vapes", "vape", "weed", "alcohol", "cigs", "cigarettes", "fags", "ket", "drugs", "pills", "spice", "vodka", "booze"];
    private static readonly string[] GiveWords = ["giving", "gives", "gave", "given", "buying", "buys", "bought", "handing", "hands", "handed", "selling", "sells", "sold", "supplying", "offering", "offered"];
    private static readonly string[] OrdealWords = ["exam", "exams", "mock", "mocks", "test", "tests", "homework", "revision", "monday", "mondays", "detention", "coursework", "sats", "gcses", "gcse", "assessment", "maths", "essay"];
    private static readonly string[] DatingWords = ["going", "dating", "seeing", "boyfriend", "girlfriend", "talking", "chatting", "relationship", "sleeping", "asking", "waiting", "follows", "followed"];
    private static readonly string[] CutVerbs = ["cut", "cutting", "sliced", "slicing", "slashed", "slashing", "slit", "scratched", "scratching", "burnt", "burned", "burning", "carved", "carving"];
    private static readonly string[] ChildAges = ["10", "11", "12", "13", "14", "15", "16"];
    private static readonly string[] TheyWords = ["they", "they're", "theyre", "their", "them"];
    private static readonly string[] AbuseVerbs =
    [
        "hits", "hitting", "hurts", "hurting", "hurt", "beats", "beating", "beat", "slaps", "slapped", "slapping", "punches", "punched",
        "punching", "kicks", "kicking", "chokes", "choked", "choking", "strangles", "strangled", "burns", "burnt", "smacks", "smacked",
        "smacking", "batters", "battered", "belts", "belted", "locks", "locked", "starves", "starved", "touches", "touched", "touching",
        "throttles", "throttled", "strangling", "pinned", "pins", "dragged", "drags", "shoved", "shoves",
    ];
    private static readonly string[] Victims = ["me", "her", "him", "us", "them", "mum", "mam", "mom", "my", "our", "his", "their"];
    private static readonly string[] HouseholdWords =
    [
        "stepdad", "stepdad's", "stepmum", "stepfather", "stepmother", "step", "dad", "dad's", "mum", "mum's", "mam", "mom", "boyfriend",
        "boyfriend's", "uncle", "uncle's", "grandad", "grandad's", "partner", "partner's", "father", "mother", "carer", "carers",
    ];
    private static readonly string[] ImageWords = ["nudes", "nude", "noods", "pics", "pictures", "photos", "pic", "selfies"];
    private static readonly string[] AskWords = ["asked", "asking", "asks", "ask", "begging", "begged", "wants", "wanted", "pressuring", "pressured", "keeps", "demanding", "demanded"];
    private static readonly string[] SendWords = ["sending", "sent", "send", "sends", "sharing", "shared", "swapping", "trading"];
    private static readonly string[] PillWords = ["pills", "tablets", "paracetamol", "painkillers", "ibuprofen", "codamol"];
    private static readonly string[] QuantityWords = ["load", "loads", "lot", "lots", "handful", "bunch", "packet", "packets", "box", "boxes", "whole", "all", "bottle"];
    private static readonly string[] TookWords = ["took", "taken", "swallowed", "take", "taking", "downed", "necked"];
    private static readonly string[] GroomingWords =
    [
        "online", "vapes", "vape", "money", "cash", "gifts", "presents", "meet", "meeting", "met", "insta", "instagram", "tiktok", "snap",
        "car", "groomed", "grooming", "hotel", "party", "parties", "alcohol", "weed", "phone", "chat", "groupchat", "sending", "sends",
        "gaming", "discord", "whatsapp", "adding", "added",
    ];
    private static readonly string[] DurationWords = ["night", "nights", "weekend", "weekends", "overnight", "days", "week", "weeks", "evenings", "holidays", "midnight", "evening"];
    private static readonly string[] AccidentWords = ["football", "rugby", "netball", "hockey", "cricket", "ball", "pe", "trampoline", "fall", "bike", "game", "match", "training", "door", "swing", "climbing"];
}
