namespace Courtesy.Policies;

/// <summary>How far a category goes toward the police threshold named in the seed policies.</summary>
public enum PoliceThreshold
{
    None,
    /// <summary>Police only when the content is gross (grossly offensive, grossly obscene) or a crime such as harassment.</summary>
    WhenGross,
    Always,
    /// <summary>Not a crime by the poster: a referral by the DSL (police and social services).</summary>
    Referral,
}

/// <summary>One entry of the category catalogue (shared/categories.md). Severities are ordered with gaps
/// so a pack or a later release can slot a category in between without renumbering.</summary>
public sealed record Category(string Id, string Title, string Meaning, int Severity, PoliceThreshold Police, bool FromMetadata);

public static class Categories
{
    public const string NamingChildren = "naming-children";
    public const string AllegationAboutStaff = "allegation-about-staff";
    public const string Cyberbullying = "cyberbullying";
    public const string ComplaintAboutSchool = "complaint-about-school";
    public const string DefamatoryStatement = "defamatory-statement";
    public const string NegativeOrOffensiveComment = "negative-or-offensive-comment";
    public const string RacistComment = "racist-comment";
    public const string ThreatOfViolence = "threat-of-violence";
    public const string ObsceneContent = "obscene-content";
    public const string PersonalInformation = "personal-information";
    public const string ConfidentialInformation = "confidential-information";
    public const string PetitionOrForumAgainstSchool = "petition-or-forum-against-school";
    public const string PhotoOfOthers = "photo-of-others";
    public const string EngagingWithOtherChildren = "engaging-with-other-children";
    public const string SafeguardingConcern = "safeguarding-concern";

    public static readonly IReadOnlyList<Category> All =
    [
        new(NamingChildren, "Naming children", "Names a pupil, or comments on a pupil who attends the school (a parent's own child in a neutral or positive way is not a breach).", 40, PoliceThreshold.None, false),
        new(AllegationAboutStaff, "Allegation about staff", "Alleges wrongdoing by a member of staff, a governor or anyone connected with the school.", 50, PoliceThreshold.None, false),
        new(Cyberbullying, "Cyber-bullying", "Targets a person with repeated or humiliating abuse, exclusion, mockery, pile-ons; includes harassment.", 70, PoliceThreshold.WhenGross, false),
        new(ComplaintAboutSchool, "Complaint about the school", "A complaint about the school or its staff made publicly instead of through the complaints process.", 20, PoliceThreshold.None, false),
        new(DefamatoryStatement, "Defamatory statement", "States as fact something that would lower a named or identifiable person (or the school) in the estimation of right-thinking people.", 60, PoliceThreshold.None, false),
        new(NegativeOrOffensiveComment, "Negative or offensive comment", "Insulting, derogatory or offensive remarks about staff, pupils, parents or anyone connected with the school.", 30, PoliceThreshold.WhenGross, false),
        new(RacistComment, "Racist comment", "A racial element: slurs, racial stereotypes, hostility because of race, colour, nationality or ethnic origin.", 90, PoliceThreshold.Always, false),
        new(ThreatOfViolence, "Threat of violence", "Threatens, encourages or incites violence against anyone or against the school.", 100, PoliceThreshold.Always, false),
        new(ObsceneContent, "Obscene content", "Grossly obscene or sexually explicit material or language.", 80, PoliceThreshold.WhenGross, false),
        new(PersonalInformation, "Personal information", "Personal information about an individual: address, phone, e-mail, date of birth, where a child can be found, vehicle, workplace.", 65, PoliceThreshold.None, false),
        new(ConfidentialInformation, "Confidential information", "Confidential school information: safeguarding, SEN, medical, exclusion or disciplinary matters about a named person.", 66, PoliceThreshold.None, false),
        new(PetitionOrForumAgainstSchool, "Petition or forum against the school", "Sets up a forum or group for complaints against the school, starts or promotes a petition against it.", 25, PoliceThreshold.None, false),
        new(PhotoOfOthers, "Photo of others", "A photograph of other people's children or of staff without permission.", 45, PoliceThreshold.None, true),
        new(EngagingWithOtherChildren, "Engaging with other children", "A parent commenting on, or holding online discussions with, children other than their own.", 35, PoliceThreshold.None, true),
        new(SafeguardingConcern, "Safeguarding concern", "A child may be at risk: self-harm or suicidal intent, a disclosure of abuse or neglect. Goes to the DSL, never to the parent ladder.", 200, PoliceThreshold.Referral, false),
    ];

    private static readonly Dictionary<string, Category> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static bool IsKnown(string id) => ById.ContainsKey(id);

    public static Category? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>A category's title for people: under the school's pack, which may add its own, or the
    /// catalogue's; the id itself for one neither knows (a case opened under a retired category).</summary>
    public static string TitleOf(string id, PolicyPack? pack) => pack?.TitleOf(id) ?? Find(id)?.Title ?? id;

    public static Category Get(string id) =>
        ById.TryGetValue(id, out var c) ? c : throw new KeyNotFoundException($"unknown category id '{id}'");

    /// <summary>The kinds the seeds name as reasons to contact the police (racist, threats, grossly obscene or offensive, harassment).</summary>
    public static bool IsPoliceThreshold(string id) => Find(id)?.Police is PoliceThreshold.Always or PoliceThreshold.WhenGross;
}
