using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

/// <summary>
/// A labelled safeguarding set written for this test, in the voice of pupils, parents and staff on
/// WhatsApp, Snapchat, TikTok, Instagram and Facebook: posts a DSL must see (self-harm or suicidal intent,
/// a disclosure of abuse or exploitation, a child at risk) and everyday posts that use the same words
/// harmlessly ("this homework is killing me", "went missing: one black school shoe"). The names are an
/// invented roster of their own, not those of any labelled set.
/// </summary>
public class SafeguardingRecallTests
{
    private const string RosterCsvText = """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Leah,Moran,,,Year 9
        pupil,,Kai,Doherty,,,Year 10
        pupil,,Zara,Ahmed,,,Year 8
        pupil,,Finn,Castle,,,Year 9
        pupil,,Tomasz,Nowak,,,Year 7
        pupil,,Ellie,Brooks,,,Year 11
        staff,Mr,Owen,Pike,,Head of Year 9,Year 9
        staff,Mrs,Janet,Quinlan,,Designated Safeguarding Lead,
        parent,Mrs,Karen,Moran,,Parent of Leah Moran,Year 9
        """;

    private static readonly InventedSchool School = new("Kestrel Park Academy", ["Kestrel Park", "KPA"], "Hollowford", RosterCsvText, "kestrel-roster.csv");

    /// <summary>Posts a Designated Safeguarding Lead must see.</summary>
    internal static readonly string[] Concerns = SafeguardingSet.Batch(nameof(Concerns));

    /// <summary>Everyday posts with the same words: no flag.</summary>
    internal static readonly string[] Harmless = SafeguardingSet.Batch(nameof(Harmless));

    private static (int Caught, List<string> Missed, List<string> False) Measure() => Measure(Concerns, Harmless);

    private static (int Caught, List<string> Missed, List<string> False) Measure(string[] concerns, string[] harmless)
    {
        var engine = School.Engine;
        var missed = new List<string>();
        var wrong = new List<string>();
        foreach (var t in concerns)
            if (!engine.Screen(new Post { Id = "p", Text = t }).Safeguarding) missed.Add(t);
        foreach (var t in harmless)
            if (engine.Screen(new Post { Id = "n", Text = t }).Safeguarding) wrong.Add(t);
        return (concerns.Length - missed.Count, missed, wrong);
    }

    [Fact]
    public void The_set_is_big_enough()
    {
        Assert.True(Concerns.Length >= 40, $"{Concerns.Length} concerns");
        Assert.True(Harmless.Length >= 40, $"{Harmless.Length} harmless posts");
    }

    /// <summary>Floors a little under the measured figures: before the safeguarding families 9/51 caught and
    /// 5 false flags of 51; after them 50/51 and none. The set was written before the families, but the
    /// families were then tuned on it, so these are development figures, not an estimate for a new school.</summary>
    private const double RecallFloor = 0.96;
    private const int FalseFlagCeiling = 0;

    [Fact]
    public void Safeguarding_recall_and_false_flags()
    {
        var (caught, missed, wrong) = Measure();
        var recall = caught / (double)Concerns.Length;
        Assert.True(recall >= RecallFloor && wrong.Count <= FalseFlagCeiling,
            $"recall {caught}/{Concerns.Length} = {recall:0.000}; missed: {string.Join(" | ", missed)}\nfalse flags {wrong.Count}: {string.Join(" | ", wrong)}");
    }

    /// <summary>"kys" aimed at another child is bullying and a threat, not the poster's own self-harm.</summary>
    [Theory]
    [InlineData("kys Finn nobody even likes you")]
    [InlineData("honestly Leah just kys")]
    [InlineData("go unalive yourself you weirdo")]
    public void Kys_at_someone_else_is_a_threat_not_self_harm(string text)
    {
        var r = School.Engine.Screen(new Post { Id = "k", Text = text });
        Assert.Contains(Categories.ThreatOfViolence, r.Categories);
        Assert.False(r.Safeguarding, text);
    }

    /// <summary>A post ending on an intention ("I'll") or on a wound word ("cuts all") once read past its end
    /// and threw (found by the benchmark).</summary>
    [Theory]
    [InlineData("if she starts I'll")]
    [InlineData("if she starts I'll finish")]
    [InlineData("cuts all")]
    [InlineData("scars all over")]
    public void A_post_ending_mid_frame_does_not_throw(string text)
    {
        var r = School.Engine.Screen(new Post { Id = "e", Text = text });
        Assert.NotNull(r);
    }

    // The later batches, each in SafeguardingSet/posts.jsonl under its name (the concerns) and the same name with
    // "Harmless" (the look-alikes), and how each was measured:
    // FreshConcerns: A second batch written after the first families were added and measured once before any further
    // change: 1/20 caught, 0 false flags of 20, the honest figure for wordings the rules had not seen. The families
    // were then widened (eating disorders, secrecy, wounds on the body, going missing, thrown out, home alone, an
    // adult met on snap): 15/20, 0 false flags, now tuned figures too.
    // UnseenConcerns: A third batch, written after the changes above and measured once before any further change: 4/20
    // caught, 0 false flags of 20. Then widened (sexual abuse words, a parent never sober, medication misuse, days
    // without food, a weapon carried, "thinking about dying", "see the point anymore", an adult man messaging): 16/20,
    // 0 false flags, tuned figures from then on.
    // LastConcerns: A fourth batch, written after the changes above and measured once before any further change: 6/20
    // caught, 0 false flags of 20. Then widened (wanting everything to stop, "does things to her", fear of someone at
    // home, sharing a child's nudes as a threat, smelling of alcohol, nobody ever home, substances given to children,
    // school-ordeal hyperbole): 16/20, 0 false flags, tuned from then on.
    // FinalConcerns: A fifth batch, written after the changes above and measured once before any further change: 3/20
    // caught, 1 false flag of 30 ("a black eye playing hockey"). Then widened (an adult's age in years, "nobody would
    // care if she died", missing since / last seen, took something at a party, a weapon "he keeps", violence from
    // someone at home, a child left caring for a baby all night, an accident near a bruise or black eye): 15/20, 0
    // false flags, tuned from then on.
    // SixthConcerns: A sixth batch, written after every family and measured once: 5/20 caught, 2 false flags of 20,
    // the estimate for wordings the rules have not seen (see the README's Safeguarding paragraph). Only the two false
    // flags were then fixed ("for some older ladies", "hasn't been home much") and "the boy who went missing" read:
    // 6/20, 0 false flags. Then widened (a goodbye without a goodbye word, methods of suicide, cutting or burning
    // verbs with a place on the body, signs of neglect, out at midnight, extremism, "her boyfriend is 26" with a
    // child's age in the post): 12/20, 0 false flags, tuned from then on.
    // SeventhConcerns: A seventh batch, written after the changes above and measured once before any further change:
    // 7/20 caught, 0 false flags (engine before: 1/20, 0). Then widened (despair without a goodbye word, giving things
    // away, sexual stuff, holding a bag for someone, food locked away, running from care, a parent passed out drunk,
    // "dad beats his mum", threats to post nudes): 17/20, 0 false flags.
    // EighthConcerns: An eighth batch, written after every family and measured once: 7/20 caught, 1 false flag of 20
    // (engine before: 0/20, 0), the last estimate for wordings the rules have not seen (see the README's Safeguarding
    // paragraph). Only the false flag was then fixed ("her dad drags her to every parkrun"); its misses were left as
    // they were until the HeldOut7-11 safeguarding and threat pass, whose classes (self-injury other than cutting,
    // running away as an intention, searching how many pills, not eating, violence between adults at home) were
    // written knowing this list: 14/20 now, a tuned figure.
    // NinthConcerns: A ninth batch, written after the HeldOut7-11 safeguarding and threat pass and measured once, with
    // no change made for it: 8/14 caught, 1 false flag of 16 ("my son hasn't eaten since lunch", an older cue). Its
    // first run is the floor below, the estimate for wordings the pass did not see. Missed: a goodbye on a story with
    // no despair word, a child left outside in the cold from early evening, "paid to carry packages", "giving his
    // stuff away" (the cue has "giving away his stuff"), staying at older boys' houses, "nobody would care if he
    // jumped".
    /// <summary>Each later batch with the floor of its figures (see the comments above for its first run).</summary>
    public static TheoryData<string, int, int> Batches => new()
    {
        { "FreshConcerns", 15, 0 },
        { "UnseenConcerns", 16, 0 },
        { "LastConcerns", 18, 0 },
        { "FinalConcerns", 16, 0 },
        { "SixthConcerns", 13, 0 },
        { "SeventhConcerns", 17, 0 },
        { "EighthConcerns", 13, 0 },
        { "NinthConcerns", 8, 0 },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Batch_stays_at_its_recall_and_false_flags(string batch, int caughtFloor, int falseFlagCeiling)
    {
        // Each batch of concerns has its harmless look-alikes under the same name ("FreshConcerns", "FreshHarmless").
        var posts = SafeguardingSet.Batch(batch);
        var harmless = SafeguardingSet.Batch(batch.Replace("Concerns", "Harmless", StringComparison.Ordinal));
        var (caught, missed, wrong) = Measure(posts, harmless);
        Assert.True(caught >= caughtFloor && wrong.Count <= falseFlagCeiling,
            $"{batch}: caught {caught}/{posts.Length}; missed: {string.Join(" | ", missed)}\nfalse flags {wrong.Count}: {string.Join(" | ", wrong)}");
    }
}

/// <summary>The set's sentences live in SafeguardingSet/posts.jsonl, where the safeguarding model's trainer
/// reads them too; a batch is the posts whose id starts with its name and a dash ("FreshConcerns-007").</summary>
internal static class SafeguardingSet
{
    public static readonly string Directory = Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "SafeguardingSet");

    private static readonly Lazy<IReadOnlyList<Post>> Posts = new(() => PostJson.Load(Path.Combine(Directory, "posts.jsonl")));

    public static string[] Batch(string name)
    {
        var batch = Posts.Value.Where(p => p.Id is { } id && id.StartsWith(name + "-", StringComparison.Ordinal)).ToArray();
        if (batch.Length == 0) throw new InvalidDataException($"SafeguardingSet/posts.jsonl has no post whose id starts with \"{name}-\"");
        // A batch of concerns is labelled as one, a batch of harmless look-alikes is not: the file and the names agree.
        var concern = name.EndsWith("Concerns", StringComparison.Ordinal);
        foreach (var p in batch)
            if (p.Labels.Contains(Categories.SafeguardingConcern) != concern) throw new InvalidDataException($"SafeguardingSet/posts.jsonl {p.Id}: labels do not fit the batch {name}");
        return batch.Select(p => p.Text).ToArray();
    }
}
