using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

/// <summary>The promise of a pack: the school's published policy, every bullet of it, in its words.</summary>
public class SeedCoverageTests
{
    public static TheoryData<string, string, int> Seeds => new()
    {
        { "flitwick-lower-school.txt", "flitwick-lower", 21 },
        { "heartwood-academy-trust.txt", "heartwood-trust", 19 },
        { "bexton-primary-school.txt", "bexton-primary", 24 },
        { "roose-community-primary-school.txt", "roose-community-primary", 139 },
        { "stratford-st-mary-primary-school.txt", "stratford-st-mary", 20 },
    };

    private static List<string> SeedBullets(string seed) =>
        SeedText.Bullets(File.ReadAllLines(Path.Combine(Repo.SeedsDir, seed)));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_bullet_of_the_seed_appears_in_the_markdown_render_of_its_pack(string seed, string packId, int bulletCount)
    {
        var bullets = SeedBullets(seed);
        Assert.Equal(bulletCount, bullets.Count);
        var rendered = SeedText.MarkdownText(PolicyRenderer.ToMarkdown(PolicyPackLoader.LoadFile(Repo.Pack(packId))));

        var missing = SeedText.Missing(bullets, rendered);

        Assert.True(missing.Count == 0, $"{seed}: {missing.Count} bullet(s) missing from the Markdown of {packId}:\n  " + string.Join("\n  ", missing));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_bullet_of_the_seed_appears_in_the_html_render_of_its_pack(string seed, string packId, int bulletCount)
    {
        var bullets = SeedBullets(seed);
        Assert.Equal(bulletCount, bullets.Count);
        var rendered = SeedText.HtmlText(PolicyRenderer.ToHtml(PolicyPackLoader.LoadFile(Repo.Pack(packId))));

        var missing = SeedText.Missing(bullets, rendered);

        Assert.True(missing.Count == 0, $"{seed}: {missing.Count} bullet(s) missing from the HTML of {packId}:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Wrapped_bullet_lines_are_joined_into_one_bullet()
    {
        var police = Assert.Single(SeedBullets("heartwood-academy-trust.txt"), b => b.StartsWith("Contact the Police", StringComparison.Ordinal));

        Assert.Equal(
            "Contact the Police where the school feels it appropriate for example, if it considers a crime (such as harassment) has been committed; or in cases where the posting has a racial element, is considered to be obscene or is threatening violence;",
            police);
    }

    [Fact]
    public void Bullets_are_found_whatever_their_marker_or_indent()
    {
        var bullets = SeedText.Bullets(["Intro", "- dash item", "· middle dot item", "\t· indented item", "•bullet item", "1. numbered item", "not a bullet", "-5 degrees"]);

        Assert.Equal(["dash item", "middle dot item", "indented item", "bullet item", "numbered item"], bullets);
    }

    [Fact]
    public void A_bullet_left_out_of_a_pack_is_reported_as_missing()
    {
        var pack = PolicyPackLoader.LoadFile(Repo.Pack("flitwick-lower"));
        var sections = pack.Sections
            .Select(s => s is InappropriateUsesSection u ? u with { Uses = u.Uses.Where(x => x.Wording != "Posting racist comments;").ToList() } : s)
            .ToList();
        var trimmed = new PolicyPack(pack.Id, pack.Name, pack.Title, pack.Version, pack.Owner, pack.DateAgreed, pack.NextReview, pack.Letterhead, sections, pack.SourceName);

        var missing = SeedText.Missing(SeedBullets("flitwick-lower-school.txt"), SeedText.MarkdownText(PolicyRenderer.ToMarkdown(trimmed)));

        Assert.Equal(["Posting racist comments;"], missing);
    }

    [Fact]
    public void Comparison_ignores_quote_dash_and_emphasis_variants_but_not_words()
    {
        Assert.Empty(SeedText.Missing(["the school’s “view” – **now**"], SeedText.Normalise("the school's \"view\" - now")));
        Assert.Single(SeedText.Missing(["smoot running"], SeedText.Normalise("smooth running")));
    }
}
