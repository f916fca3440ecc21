using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>A pack's own category is screened by its phrases, folded like every post (so dodges are
/// caught), reported under its own title and severity, and only when the pack uses it.</summary>
public class OwnCategoryScreeningTests
{
    private static readonly OwnCategory Uniform =
        new(new Category("uniform-mockery", "Mocking the uniform", "Ridicules the uniform or pupils for wearing it.", 25, PoliceThreshold.None, false),
            ["clown uniform", "bin bag blazer*"]);

    private static ScreeningEngine Engine(bool packUsesIt = true) =>
        ScreeningEngine.Build(TestSchool.School, TestSchool.Roster,
            packUsesIt ? Categories.All.Select(c => c.Id).Append(Uniform.Category.Id) : Categories.All.Select(c => c.Id),
            new ScreeningOptions { OwnCategories = [Uniform] });

    [Theory]
    [InlineData("Oakfield still making the kids wear that clown uniform", "clown uniform")]
    [InlineData("Those BIN BAG BLAZERS again, honestly", "BIN BAG BLAZER")]
    [InlineData("the cl0wn unif0rm is back for September", "cl0wn unif0rm")]
    public void A_phrase_of_the_packs_own_category_is_a_finding_of_it(string text, string words)
    {
        var result = Engine().Screen(Post.OfText(text));

        Assert.Contains("uniform-mockery", result.Categories);
        var finding = Assert.Single(result.Findings, f => f.CategoryId == "uniform-mockery");
        Assert.Equal(words, text.Substring(finding.Start, finding.Length));
        Assert.Equal(25, finding.Severity);
        Assert.Contains("Mocking the uniform", finding.Reason);
        Assert.Equal("pack.own-category", finding.Detector);
        Assert.False(result.Police);
    }

    [Theory]
    [InlineData("The new uniform looks smart, well done Oakfield")]
    [InlineData("My son was a clown in the school play, the costume was brilliant")]
    public void Other_words_about_the_uniform_are_not(string text) =>
        Assert.DoesNotContain("uniform-mockery", Engine().Screen(Post.OfText(text)).Categories);

    [Fact]
    public void Nothing_is_reported_for_an_own_category_the_pack_does_not_use() =>
        Assert.Empty(Engine(packUsesIt: false).Screen(Post.OfText("that clown uniform")).Categories);

    [Fact]
    public void Own_categories_are_ordered_by_their_severity_among_the_catalogues()
    {
        var result = Engine().Screen(Post.OfText("Oakfield and its clown uniform. I know where he lives, Mr Okafor"));
        Assert.Equal([Categories.ThreatOfViolence, "uniform-mockery"], result.Categories.Where(c => c is Categories.ThreatOfViolence or "uniform-mockery"));
        Assert.Equal(result.Categories.Order().Count(), result.Categories.Count);
    }

    [Fact]
    public void The_shared_cache_gives_a_new_engine_when_the_packs_own_phrases_change()
    {
        var cache = new ScreeningEngineCache();
        var ids = Categories.All.Select(c => c.Id).Append(Uniform.Category.Id).ToList();
        var first = cache.Get(TestSchool.School, TestSchool.Roster, ids, [Uniform]);
        Assert.Same(first, cache.Get(TestSchool.School, TestSchool.Roster, ids, [Uniform]));
        var edited = Uniform with { Phrases = ["clown uniform", "prison uniform"] };
        var second = cache.Get(TestSchool.School, TestSchool.Roster, ids, [edited]);
        Assert.NotSame(first, second);
        Assert.Contains("uniform-mockery", second.Screen(Post.OfText("it's like a prison uniform")).Categories);
    }
}
