using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

public class PackLoadingTests
{
    [Fact]
    public void Flitwick_pack_loads_with_its_nine_inappropriate_uses_and_seven_steps()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("flitwick-lower"));

        Assert.Equal("flitwick-lower", pack.Id);
        Assert.Equal("Flitwick Lower School", pack.Name);
        Assert.Equal(9, pack.InappropriateUses.Count);
        Assert.Equal("Posting racist comments;", pack.InappropriateUses[6].Wording);
        Assert.Equal([Categories.RacistComment], pack.InappropriateUses[6].Categories);
        Assert.Equal(LadderStepKind.DiscussAndRequestRemoval, pack.FirstStep.Kind);
        Assert.Equal(7, pack.Ladder.Count);
        Assert.Same(pack.FirstStep, pack.Ladder[0]);
        Assert.Contains(Categories.SafeguardingConcern, pack.CategoryIds);
        Assert.Contains(Categories.EngagingWithOtherChildren, pack.CategoryIds);
    }

    [Fact]
    public void Flitwick_guards_follow_the_policy_wording()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("flitwick-lower"));

        var police = pack.Ladder.Single(s => s.Kind == LadderStepKind.Police);
        Assert.True(police.Guard.OrRecordedReason);
        Assert.All(police.Guard.RequiresAnyCategory, c => Assert.True(Categories.IsPoliceThreshold(c), c));
        Assert.Contains(Categories.RacistComment, police.Guard.RequiresAnyCategory);
        Assert.Contains(Categories.ThreatOfViolence, police.Guard.RequiresAnyCategory);

        var restrict = pack.Ladder.Single(s => s.Kind == LadderStepKind.RestrictForumAccess);
        Assert.True(restrict.Guard.OnlyOnSchoolSite);

        var warning = pack.Ladder.Single(s => s.Kind == LadderStepKind.WrittenWarning);
        Assert.Equal(pack.FirstStep.Id, warning.Guard.After);
        Assert.True(warning.Guard.OrRecordedReason);
        Assert.True(pack.FirstStep.Guard.IsNone);
    }
}
