namespace Courtesy.Screening;

/// <summary>What a matched word or phrase means to the detectors. The lexicon file names these in
/// its first column (data/lexicons/cues.tsv), so renaming one is a data change too.</summary>
public enum Cue : byte
{
    None,
    /// <summary>A roster name; the person and the name form are in the entry.</summary>
    Name,
    Profanity, Insult, Sexual, GrossObscene, SexualClaim,
    RacialSlur, RacistPhrase, CodedGroup, Ethnic, EthnicDeterminer, Stereotype,
    ThreatPhrase, ThreatIntent, ViolentAct, HyperboleOwn, ThreatHint, SortStart, SortEnd,
    Misconduct, Hedge, FactAssert, ProfessionalDisparage,
    /// <summary>Talking about a subject rather than an event: "an assembly about grooming".</summary>
    Topic,
    Grievance, Civil, HowToRaise, OtherSchool, Positive,
    PetitionNoun, Mobilise, PetitionExclude, AgainstSchool,
    Confidential,
    ExclusionCall, ConfrontCall, Humiliation, Repetition, PileOn,
    /// <summary>A verb of shunning ("block", "ignore", "not inviting") that counts only with a person right after it.</summary>
    ShunVerb,
    OwnChild, PersonNoun, PupilNoun, AdultNoun, Pronoun, Role, SchoolRef, Title, NamingDeterminer,
    SelfHarm, AbuseDisclosure, ChildAtRisk,
    OwnContact, OfficialContact, Whereabouts, ChildRoute, Workplace, Vehicle, Birthday, StreetWord, YearGroup,
    EmojiWeapon, EmojiLaugh, EmojiSexual, EmojiRude, EmojiSarcasm, EmojiAngry,
    /// <summary>Something only the school provides or decides (homework, trips, swimming, reports, supply
    /// cover, detentions, dinners): a grievance about it is about the school even when the school is not named.</summary>
    SchoolMatter,
    /// <summary>A phrase of one of the pack's own categories; the entry's Person holds the category's index.</summary>
    Own,
    /// <summary>"through the wall", "through a window": a threat only when a person is sent or going through it.</summary>
    ThroughBarrier,
    /// <summary>"or I'll", "or we'll": the second half of an ultimatum; a threat after an order aimed at a person.</summary>
    Ultimatum,
    /// <summary>"in bed", "at it", "a seeing to": sexual only with a sexual word or emoji and an adult to aim at.</summary>
    Innuendo,
    /// <summary>"tick a box", "diversity hire": a job said to be given for someone's race; racist only about an adult's post.</summary>
    Tokenism,
    /// <summary>Mock-foreign spellings ("ze", "vont", "me no understand"): mockery of an accent, with laughter and a person.</summary>
    MockAccent,
    /// <summary>"send it round", "filmed it", "best pic of": passing pictures of a person round; mockery with laughter.</summary>
    SpreadMedia,
    /// <summary>The smirk (😏): after a remark about a person, innuendo, as the dev conventions read it.</summary>
    EmojiSmirk,
    /// <summary>"the one who", "the one that": singling out who did something; with a wrongdoing after it, an accusation.</summary>
    Culprit,
    /// <summary>"running for them", "going country", "cuckooed": criminal or sexual exploitation of a child (safeguarding).</summary>
    Exploitation,
    /// <summary>"older man", "some guy", "man she met": safeguarding only with contact, pictures, gifts or meeting in the sentence.</summary>
    GroomingHint,
    /// <summary>"left on his own": safeguarding only with a stretch of time ("all weekend", "overnight") in the sentence.</summary>
    LeftAlone,
    /// <summary>"goodbye everyone": a suicide note only with <see cref="Despair"/> in the post.</summary>
    Farewell,
    /// <summary>"sorry for everything", "hate myself": read only with a <see cref="Farewell"/>.</summary>
    Despair,
    /// <summary>"if I told anyone", "our little secret": a disclosure only with someone at home in the sentence.</summary>
    Secrecy,
    /// <summary>"thinks he's a", "fan page for", "rate the year": a put-down frame, mockery only with laughter and a named person.</summary>
    Mockery,
    /// <summary>"leave", "leaving": shutting someone out only as "leave Iris out (of ...)", a person and "out" after it.</summary>
    LeaveOut,
    /// <summary>"her mobile", "personal number", "mobile is": a person's own line, which an office word elsewhere in the sentence does not make official.</summary>
    PersonalLine,
    /// <summary>"at night", "11pm", "after dark", "tonight": a late hour, for a child out alone (<see cref="ScreeningEngine"/> safeguarding).</summary>
    LateHour,
    /// <summary>"wandering round", "no adult", "out on his own", "sleeping in the bus shelter": a child out with nobody, read only with a <see cref="LateHour"/> and a child.</summary>
    OutAlone,
    /// <summary>"always hungry", "same clothes", "holes in his shoes": one sign of neglect; two in a post about a child are a concern.</summary>
    NeglectSign,
    /// <summary>"jump off", "throw herself off": a fall from a height, self-harm only with an intention and a high place or a vehicle.</summary>
    JumpFrom,
    /// <summary>"how old are you", "what year are you in", "mature for your age": a child's age or looks remarked on, grooming only with a <see cref="PrivateAsk"/>.</summary>
    AgeAsked,
    /// <summary>"dm me", "add me on", "don't tell your mum", "keep it between us": a private channel or secrecy asked for.</summary>
    PrivateAsk,
    /// <summary>"and see what happens": an "or else" after an order, a threat when a person is the object and the order is repeated or angry.</summary>
    SeeWhatHappens,
    /// <summary>"better not show their faces", "we're on them": a warning that a weapon emoji turns into a threat.</summary>
    WeaponWarning,
    /// <summary>"little one", "toddler", "little boy": a young child, for a child out alone at night.</summary>
    YoungChild,
    /// <summary>"punching himself", "burning myself", "banging her head": self-injury only with how it is done after it ("in the face", "till it bleeds", "against the wall").</summary>
    SelfInjury,
    /// <summary>"slash his tyres", "car keyed", "smash their windows": damage, a threat when urged, promised or shown with a weapon or angry emoji.</summary>
    Vandalism,
    /// <summary>"someone's getting hurt", "somebody will get hurt": a threat only after the speaker's own intention in the sentence.</summary>
    HurtComing,
    /// <summary>"to add her on", "for her number", "sends her messages at night", "offering lifts": private contact sought, a concern only with a child and an adult in the post.</summary>
    ContactRequest,
    /// <summary>"bloke", "guy", "coach", "neighbour": an adult from outside the family.</summary>
    AdultStranger,
    /// <summary>"taylor swift", "destiny's child", "romeo and juliet", "harley davidson", "sonny jim": the full name of a
    /// celebrity, band, brand, character or title, or a set phrase, with a first name in it; a roster first name inside
    /// it is not the pupil (unless another roster first name is inside it too: "Ben and Holly" may be two pupils).</summary>
    KnownName,
    /// <summary>"paris", "chelsea", "florence", "india": a well-known place (or the club named after it) that is also a
    /// first name; a pupil of that name is the place before a trip or fixture word, after a price or "back from".</summary>
    PlaceName,
    /// <summary>The surname of a two-word <see cref="KnownName"/> ("fury" of "tyson fury"), added by the engine, not listed in
    /// cues.tsv: capitalised elsewhere in the post, it makes that first name the celebrity ("Fury v Usyk ... Tyson's been
    /// training").</summary>
    KnownSurname,
    /// <summary>"do what you want with that", "you know what to do", "just saying" (with 👀 or 😈): a nod that turns a person's whereabouts into a threat.</summary>
    WhereaboutsNod,
}
