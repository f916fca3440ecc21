namespace Courtesy.Policies;

/// <summary>
/// One school's (or trust's) social media policy as data: the document body in the school's own order
/// and words, plus the typed parts the software acts on (inappropriate uses mapped to categories, the
/// escalation ladder with its guards). Built by <see cref="PolicyPackLoader"/>. A class rather than a
/// record: the derived lists are computed once from <see cref="Sections"/>, and a <c>with</c> copy would
/// carry them over stale.
/// </summary>
public sealed class PolicyPack(
    string id,
    string name,
    string title,
    string version,
    string? owner,
    PolicyDate? dateAgreed,
    PolicyDate? nextReview,
    IReadOnlyList<string> letterhead,
    IReadOnlyList<PolicySection> sections,
    string sourceName,
    IReadOnlyList<OwnCategory>? ownCategories = null)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Title { get; } = title;
    /// <summary>The pack's version as the school numbers it (Heartwood: 2).</summary>
    public string Version { get; } = version;
    public string? Owner { get; } = owner;
    public PolicyDate? DateAgreed { get; } = dateAgreed;
    public PolicyDate? NextReview { get; } = nextReview;
    /// <summary>Lines printed above the title: the school's address, motto, ethos statement.</summary>
    public IReadOnlyList<string> Letterhead { get; } = letterhead;
    /// <summary>The document body in the seed's order.</summary>
    public IReadOnlyList<PolicySection> Sections { get; } = sections;
    /// <summary>The file (or name) the pack was loaded from.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>Every inappropriate use the pack names: the inappropriate-uses lists and the courtesy "do not" list, in document order.</summary>
    public IReadOnlyList<InappropriateUse> InappropriateUses { get; } = UsesOf(sections).ToList();

    internal static IEnumerable<InappropriateUse> UsesOf(IEnumerable<PolicySection> sections) =>
        sections.SelectMany(s => s switch
        {
            InappropriateUsesSection u => u.Uses,
            CourtesyGuidelinesSection c => c.DoNot,
            _ => [],
        });

    /// <summary>The single procedure section; the loader refuses a pack without exactly one.</summary>
    public ProcedureSection Procedure { get; } = sections.OfType<ProcedureSection>().Single();

    private static IReadOnlyList<LadderStep> LadderOf(IReadOnlyList<PolicySection> sections)
    {
        var procedure = sections.OfType<ProcedureSection>().Single();
        return [procedure.FirstStep, .. procedure.Escalations];
    }

    /// <summary>The step the school always offers first (in every seed: discuss with the parent and ask for removal).</summary>
    public LadderStep FirstStep => Procedure.FirstStep;

    /// <summary>Every step of the ladder in the school's order, <see cref="FirstStep"/> first.</summary>
    public IReadOnlyList<LadderStep> Ladder { get; } = LadderOf(sections);

    /// <summary>Categories the school added to the catalogue for its own policy, with the phrases that screening looks for.</summary>
    public IReadOnlyList<OwnCategory> OwnCategories { get; } = ownCategories ?? [];

    /// <summary>A category by id: the catalogue's, or one of the pack's own.</summary>
    public Category? FindCategory(string id) =>
        Categories.Find(id) ?? OwnCategories.FirstOrDefault(c => c.Category.Id == id)?.Category;

    /// <summary>The category's title for people, or the id itself for one the pack no longer has (an old case).</summary>
    public string TitleOf(string id) => FindCategory(id)?.Title ?? id;

    /// <summary>The categories the pack uses: its inappropriate uses, its guards, and always <c>safeguarding-concern</c>, which applies under every pack.</summary>
    public IReadOnlySet<string> CategoryIds { get; } = CollectCategoryIds(sections);

    public IReadOnlyList<string> Overview => Sections.OfType<OverviewSection>().SelectMany(s => s.Paragraphs).ToList();

    public IReadOnlyList<string> Purposes => Sections.OfType<PurposesSection>().SelectMany(s => s.Purposes).ToList();

    public IReadOnlyList<Role> Roles => Sections.OfType<RolesSection>().SelectMany(s => s.Roles).ToList();

    public IReadOnlyList<PolicyItem> StaffGuidelines => Sections.OfType<StaffGuidelinesSection>().SelectMany(s => s.Guidelines).ToList();

    public IReadOnlyList<PolicyItem> Questions => Sections.OfType<AppropriateUseSection>().SelectMany(s => s.Questions).ToList();

    public SchoolAccountsSection? SchoolAccounts => Sections.OfType<SchoolAccountsSection>().FirstOrDefault();

    public IReadOnlyList<CyberBullyingMethod> CyberBullyingMethods =>
        Sections.OfType<CyberBullyingSection>().SelectMany(s => s.Methods).Distinct().ToList();

    public DefamationTestSection? DefamationTest => Sections.OfType<DefamationTestSection>().FirstOrDefault();

    public IReadOnlyList<string> LinkedPolicies => Sections.OfType<LinkedPoliciesSection>().SelectMany(s => s.Policies).ToList();

    public LadderStep? FindStep(string id) => Ladder.FirstOrDefault(s => s.Id == id);

    /// <summary>True once the whole review period has passed: "December 2021" is overdue from 1 January 2022.</summary>
    public bool IsReviewOverdue(DateOnly today) => NextReview is { } due && today > due.End;

    private static HashSet<string> CollectCategoryIds(IReadOnlyList<PolicySection> sections)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { Categories.SafeguardingConcern };
        foreach (var section in sections)
        {
            switch (section)
            {
                case InappropriateUsesSection u:
                    ids.UnionWith(u.Uses.SelectMany(x => x.Categories));
                    break;
                case CourtesyGuidelinesSection c:
                    ids.UnionWith(c.DoNot.SelectMany(x => x.Categories));
                    break;
                case ProcedureSection p:
                    ids.UnionWith(p.FirstStep.Guard.RequiresAnyCategory);
                    ids.UnionWith(p.Escalations.SelectMany(s => s.Guard.RequiresAnyCategory));
                    break;
            }
        }
        return ids;
    }
}

/// <summary>
/// A category a school adds for its own policy (categories.md: "a pack may add its own with a new id").
/// It is never a police-threshold category: that threshold is the law's (racist, threats, grossly
/// obscene, harassment), not something a school can extend. <see cref="Phrases"/> are what screening
/// matches for it, folded as posts are.
/// </summary>
public sealed record OwnCategory(Category Category, IReadOnlyList<string> Phrases);

/// <summary>A date as the school wrote it ("December 2018", "Autumn 2023", "2021-12") and the period it covers.</summary>
public sealed record PolicyDate(string Text, DateOnly Start, DateOnly End);

/// <summary>A list item in the school's words, with sub-items (Roose: "discuss with the school council:" and its questions).</summary>
public sealed record PolicyItem(string Text, IReadOnlyList<PolicyItem> Items)
{
    public PolicyItem(string text) : this(text, []) { }
}

/// <summary>One example of inappropriate use, in the school's words, mapped to catalogue category ids.</summary>
public sealed record InappropriateUse(string Wording, IReadOnlyList<string> Categories);

public enum LadderStepKind
{
    DiscussAndRequestRemoval,
    WrittenWarning,
    LegalAdvice,
    Police,
    RestrictForumAccess,
    PlatformComplaint,
    LegalAction,
    GoverningBodyLetter,
    ComplaintsPolicyRedress,
    Other,
}

/// <summary>
/// When a step may be taken. Empty members impose nothing; the case workflow enforces the rest.
/// <see cref="RequiresAnyCategory"/>: the case must carry one of these categories, unless
/// <see cref="OrRecordedReason"/> and a reason is recorded. <see cref="After"/>: the step with that id
/// must have been taken first, unless <see cref="OrRecordedReason"/> and a reason for skipping it is
/// recorded. <see cref="OnlyOnSchoolSite"/>: the post is on the school's own website or forum.
/// </summary>
public sealed record StepGuard(IReadOnlyList<string> RequiresAnyCategory, bool OrRecordedReason, bool OnlyOnSchoolSite, string? After)
{
    public static readonly StepGuard None = new([], false, false, null);

    public bool IsNone => RequiresAnyCategory.Count == 0 && !OnlyOnSchoolSite && After is null;
}

/// <summary>One step of the escalation ladder: the school's own wording, what kind of action it is, and when it is allowed.</summary>
public sealed record LadderStep(string Id, string Wording, LadderStepKind Kind, StepGuard Guard);

/// <summary>How a role is named in the policy, the sentence that introduces its duties ("The Governing Body has:") and the duties.</summary>
public sealed record Role(string Name, string? Lead, IReadOnlyList<PolicyItem> Duties);

public enum CyberBullyingMethod
{
    TextMessage,
    Email,
    PhoneCall,
    InstantMessage,
    PhotoOrVideo,
    WebsitePost,
    SocialMediaPost,
    PrivateGroup,
    Blog,
    ChatRoom,
}

public enum SectionKind
{
    Overview,
    Text,
    Purposes,
    AppropriateUse,
    CourtesyGuidelines,
    InappropriateUses,
    Procedure,
    Roles,
    StaffGuidelines,
    SchoolAccounts,
    CyberBullying,
    DefamationTest,
    LinkedPolicies,
}

/// <summary>
/// One section of the document body, in the seed's order. Every section has an optional heading,
/// paragraphs before its typed content and closing paragraphs after it, so every seed section fits.
/// </summary>
public abstract record PolicySection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Closing)
{
    public abstract SectionKind Kind { get; }
}

/// <summary>Overview, rationale, context, introduction: paragraphs only.</summary>
public sealed record OverviewSection(string? Heading, IReadOnlyList<string> Paragraphs)
    : PolicySection(Heading, Paragraphs, [])
{
    public override SectionKind Kind => SectionKind.Overview;
}

/// <summary>Any further section: paragraphs, an optional (possibly numbered, possibly nested) list, closing paragraphs.</summary>
public sealed record TextSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<PolicyItem> Items, bool Numbered, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.Text;
}

/// <summary>The purpose (objectives, aims) of the policy.</summary>
public sealed record PurposesSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Purposes, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.Purposes;
}

/// <summary>Appropriate use, with the questions to ask oneself before posting (Bexton, Roose).</summary>
public sealed record AppropriateUseSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<PolicyItem> Questions, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.AppropriateUse;
}

/// <summary>Heartwood's "setting a good example by ... / by not ..." lists; the "do not" items are inappropriate uses.</summary>
public sealed record CourtesyGuidelinesSection(
    string? Heading,
    IReadOnlyList<string> DoIntro,
    IReadOnlyList<string> Do,
    IReadOnlyList<string> DoNotIntro,
    IReadOnlyList<InappropriateUse> DoNot,
    IReadOnlyList<string> Closing)
    : PolicySection(Heading, DoIntro, Closing)
{
    public override SectionKind Kind => SectionKind.CourtesyGuidelines;
}

public sealed record InappropriateUsesSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<InappropriateUse> Uses, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.InappropriateUses;
}

/// <summary>
/// The procedure: the school's paragraphs (which contain the first step's wording), then the escalation
/// steps. When <see cref="LadderInText"/> the steps are phrases of the paragraphs (Stratford) and are not
/// printed again as a list.
/// </summary>
public sealed record ProcedureSection(
    string? Heading,
    IReadOnlyList<string> Paragraphs,
    LadderStep FirstStep,
    IReadOnlyList<LadderStep> Escalations,
    bool LadderInText,
    IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.Procedure;
}

/// <summary>Roles and responsibilities (Roose): each role with its duties.</summary>
public sealed record RolesSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<Role> Roles, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.Roles;
}

/// <summary>Guidelines issued to staff about their personal accounts (Stratford).</summary>
public sealed record StaffGuidelinesSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<PolicyItem> Guidelines, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.StaffGuidelines;
}

/// <summary>
/// The school's own accounts (Bexton). The paragraphs keep the school's words; the flags are the rules
/// the software enforces: parents opt a child's photograph out in writing, and a child's full name is
/// never published.
/// </summary>
public sealed record SchoolAccountsSection(
    string? Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Accounts,
    bool PhotoOptOutInWriting,
    bool NeverFullNameOnline,
    IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.SchoolAccounts;
}

/// <summary>Cyber-bullying: the school's paragraphs and the methods they name, as data for recording incidents.</summary>
public sealed record CyberBullyingSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<CyberBullyingMethod> Methods, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.CyberBullying;
}

/// <summary>The defamation test (Stratford, quoting the NAHT): a statement is defamatory if it does any of these.</summary>
public sealed record DefamationTestSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Limbs, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.DefamationTest;
}

public sealed record LinkedPoliciesSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Policies, IReadOnlyList<string> Closing)
    : PolicySection(Heading, Paragraphs, Closing)
{
    public override SectionKind Kind => SectionKind.LinkedPolicies;
}
