using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

public class PackTests
{
    public static TheoryData<string> AllPackIds => new(Repo.SeedPackIds.Append("default"));

    [Theory]
    [MemberData(nameof(AllPackIds))]
    public void Pack_loads_and_its_id_matches_its_file_name(string id)
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack(id));

        Assert.Equal(id, pack.Id);
        Assert.NotEmpty(pack.InappropriateUses);
        Assert.Equal(LadderStepKind.DiscussAndRequestRemoval, pack.FirstStep.Kind);
        Assert.Contains(Categories.SafeguardingConcern, pack.CategoryIds);
        Assert.All(pack.CategoryIds, c => Assert.True(Categories.IsKnown(c), c));
    }

    [Theory]
    [MemberData(nameof(AllPackIds))]
    public void Pack_renders_as_markdown_and_html_with_sections_in_pack_order(string id)
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack(id));
        var markdown = PolicyRenderer.ToMarkdown(pack);
        var html = PolicyRenderer.ToHtml(pack);

        Assert.StartsWith(pack.Letterhead.Count > 0 ? "" : "# ", markdown);
        Assert.Contains("# " + pack.Title, markdown);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("@media print", html);
        // each heading is found after the one before it (Roose has two "Aims")
        var from = 0;
        foreach (var heading in pack.Sections.Where(s => s.Heading is not null).Select(s => "\n## " + PolicyRenderer.Escape(s.Heading!) + "\n"))
        {
            var at = markdown.IndexOf(heading, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{heading.Trim()} missing or out of order");
            from = at + heading.Length;
        }
    }

    [Theory]
    [MemberData(nameof(AllPackIds))]
    public void Police_steps_are_guarded_by_police_threshold_categories_and_forum_restriction_by_the_school_site(string id)
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack(id));

        foreach (var step in pack.Ladder.Where(s => s.Kind == LadderStepKind.Police))
        {
            Assert.NotEmpty(step.Guard.RequiresAnyCategory);
            Assert.All(step.Guard.RequiresAnyCategory, c => Assert.True(Categories.IsPoliceThreshold(c), c));
            Assert.True(step.Guard.OrRecordedReason);
        }
        Assert.All(pack.Ladder.Where(s => s.Kind == LadderStepKind.RestrictForumAccess), s => Assert.True(s.Guard.OnlyOnSchoolSite));
        Assert.All(pack.Ladder.Where(s => s.Kind == LadderStepKind.WrittenWarning), s => Assert.Equal(pack.FirstStep.Id, s.Guard.After));
    }

    [Fact]
    public void Default_pack_uses_every_category_and_every_ladder_step_kind()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("default"));

        Assert.Equal(Categories.All.Select(c => c.Id).Order(), pack.CategoryIds.Order());
        Assert.Equal(Enum.GetValues<LadderStepKind>().Order(), pack.Ladder.Select(s => s.Kind).Distinct().Order());
        var breaches = Categories.All.Select(c => c.Id).Where(c => c != Categories.SafeguardingConcern);
        Assert.All(breaches, c => Assert.Contains(pack.InappropriateUses, u => u.Categories.Contains(c)));
    }

    [Fact]
    public void Heartwood_is_versioned_and_its_review_fell_due_after_December_2021()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("heartwood-trust"));

        Assert.Equal("2", pack.Version);
        Assert.Equal("Heartwood Heads", pack.Owner);
        Assert.Equal("December 2018", pack.DateAgreed!.Text);
        Assert.False(pack.IsReviewOverdue(new DateOnly(2021, 12, 31)));
        Assert.True(pack.IsReviewOverdue(new DateOnly(2022, 1, 1)));
        Assert.Contains(pack.InappropriateUses, u => u.Categories.Contains(Categories.PetitionOrForumAgainstSchool));
        Assert.Contains(pack.InappropriateUses, u => u.Categories.Contains(Categories.PhotoOfOthers));
    }

    [Fact]
    public void Bexton_keeps_its_own_accounts_rules_and_cyber_bullying_methods()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("bexton-primary"));

        var accounts = Assert.IsType<SchoolAccountsSection>(pack.SchoolAccounts);
        Assert.True(accounts.PhotoOptOutInWriting);
        Assert.True(accounts.NeverFullNameOnline);
        Assert.Contains(CyberBullyingMethod.PrivateGroup, pack.CyberBullyingMethods);
        Assert.Equal(4, pack.Questions.Count);
        Assert.Equal(new DateOnly(2026, 12, 31), pack.NextReview!.End);
    }

    [Fact]
    public void Roose_roles_keep_their_duties_and_nested_items()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("roose-community-primary"));

        Assert.Equal(8, pack.Roles.Count);
        var head = pack.Roles.Single(r => r.Name == "Role of the Headteacher");
        Assert.Equal("The Headteacher will:", head.Lead);
        var council = head.Duties.Single(d => d.Text == "discuss with the school council:");
        Assert.Equal(4, council.Items.Count);
        Assert.Contains(pack.Roles.Single(r => r.Name == "Role of Parents").Duties,
            d => d.Text == "support the school Code of Conduct and guidance necessary to ensure smoot running of the school");
        Assert.Equal(5, pack.LinkedPolicies.Count);
        Assert.DoesNotContain(pack.Ladder, s => s.Kind == LadderStepKind.LegalAction);
    }

    [Fact]
    public void Stratford_ladder_is_the_governing_body_s_own_steps_and_its_defamation_test_has_four_limbs()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("stratford-st-mary"));

        Assert.Equal(
            [LadderStepKind.DiscussAndRequestRemoval, LadderStepKind.ComplaintsPolicyRedress, LadderStepKind.GoverningBodyLetter, LadderStepKind.Police],
            pack.Ladder.Select(s => s.Kind));
        Assert.True(pack.Procedure.LadderInText);
        Assert.Equal(4, pack.DefamationTest!.Limbs.Count);
        Assert.Equal(9, pack.StaffGuidelines.Count);
    }
}
