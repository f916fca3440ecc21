using Courtesy.Cli;
using Courtesy.Policies;
using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

public class SafeguardingModelTests
{
    private static Post Labelled(string text, params string[] labels) => Post.OfText(text) with { Labels = labels };

    /// <summary>A made-up phrase only the model can know is a concern: the rules have never heard of "the quiet room".</summary>
    private static CategoryModel QuietRoomModel()
    {
        var posts = new List<Post>();
        for (var i = 0; i < 6; i++)
        {
            posts.Add(Labelled($"he keeps going back to the quiet room thing again {i}, not sleeping", Categories.SafeguardingConcern));
            posts.Add(Labelled($"she said the quiet room thing is happening again at home {i}", Categories.SafeguardingConcern));
            posts.Add(Labelled($"lovely trip to the farm {i}, the kids were sleeping on the coach home"));
            posts.Add(Labelled($"football again on saturday {i}, thing is the pitch is waterlogged"));
        }
        var (model, _) = CategoryTrainer.Train([new LabelledSet("quiet", posts, TrainOnly: true)],
            new CategoryTrainingOptions { MinPositives = 2, LeaveOneSetOut = false, Only = Categories.SafeguardingConcern, Threshold = 0.7f });
        return model;
    }

    [Fact]
    public void The_model_flags_a_concern_the_rules_missed_even_on_an_otherwise_clean_post()
    {
        var model = QuietRoomModel();
        Assert.Equal([Categories.SafeguardingConcern], model.Categories);
        // Safeguarding is flagged under every pack, so a pack without any category still gets it.
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, [], new ScreeningOptions { SafeguardingModel = model });
        const string text = "my nephew keeps on about the quiet room thing again";

        var r = engine.Screen(Post.OfText(text));
        var f = Assert.Single(r.Findings);
        Assert.Equal("model.safeguarding", f.Detector);
        Assert.Equal(Categories.SafeguardingConcern, f.CategoryId);
        Assert.Contains("a person should check", f.Reason);
        Assert.True(r.Safeguarding);
        Assert.Equal(text.Substring(f.Start, f.Length), f.Text);

        // Harmless wording stays clean, and without the model the same post is clean: only the model knew.
        Assert.Empty(engine.Screen(Post.OfText("football on saturday, the pitch is waterlogged again")).Findings);
        Assert.Empty(TestSchool.Screen(text).Findings);
    }

    [Fact]
    public void The_model_adds_nothing_where_the_rules_already_flagged_a_concern()
    {
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, Categories.All.Select(c => c.Id), new ScreeningOptions { SafeguardingModel = QuietRoomModel() });
        var r = engine.Screen(Post.OfText("i want to kill myself, the quiet room thing again"));
        Assert.True(r.Safeguarding);
        Assert.DoesNotContain(r.Findings, f => f.Detector == "model.safeguarding");
    }

    [Fact]
    public void A_model_of_other_categories_is_refused_as_the_safeguarding_model()
    {
        var posts = Enumerable.Range(0, 4).SelectMany(i => new[] { Labelled($"what a wombat {i}", Categories.Cyberbullying), Labelled($"a lovely farm {i}") }).ToList();
        var (wrong, _) = CategoryTrainer.Train([new LabelledSet("w", posts)], new CategoryTrainingOptions { MinPositives = 2, LeaveOneSetOut = false });
        var e = Assert.Throws<ArgumentException>(() => ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, [], new ScreeningOptions { SafeguardingModel = wrong }));
        Assert.Contains(Categories.SafeguardingConcern, e.Message);
    }

    [Fact]
    public void Sentences_are_trained_on_but_never_scored_as_a_school()
    {
        var school = CategoryTrainer.ReadSet(Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut11"));
        var sentences = CategoryTrainer.ReadSet(SafeguardingSet.Directory, trainOnly: true);
        var other = CategoryTrainer.ReadSet(Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut10"));
        var (_, report) = CategoryTrainer.Train([school, other, sentences], new CategoryTrainingOptions { Only = Categories.SafeguardingConcern, Threshold = 0.7f });
        Assert.Equal(["HeldOut11", "HeldOut10"], report.LeaveOneSetOut.Select(s => s.Set));
        Assert.Equal(school.Posts.Count + other.Posts.Count + sentences.Posts.Count, report.Posts);
    }

    /// <summary>The committed model is exactly what the command makes from the sets in the repository.</summary>
    [Fact]
    public void Committed_model_is_what_train_safeguarding_writes()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-sgmodel-");
        try
        {
            var output = Path.Combine(dir.FullName, "safeguarding.bin");
            var sets = ScreeningCommands.CategorySets.SelectMany(rel => new[] { "--set", Path.Combine(rel.StartsWith("shared", StringComparison.Ordinal) ? Path.Combine(Repo.Root, "..") : Repo.Root, rel) }).ToArray();
            var (code, stdout, err) = CliAndModelTests.Run(["train-safeguarding", .. sets, "--sentences", SafeguardingSet.Directory, "--out", output, "--no-leave-one-out"]);
            Assert.True(code == 0, err);
            Assert.Contains("(trained on, never scored)", stdout);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "data", "models", CategoryModel.SafeguardingFile)), File.ReadAllBytes(output));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>The shipped model, chosen on leave-one-school-out runs, catches what the rules catch on the
    /// sets it was trained on and flags no clean post there (the honest figures are in the Screening README).</summary>
    [Theory]
    [InlineData("HeldOut9", 6)]
    [InlineData("HeldOut10", 6)]
    [InlineData("HeldOut11", 9)]
    public void Shipped_model_with_the_rules_catches_every_concern_of_its_training_schools(string set, int labelled)
    {
        var (school, roster, posts) = Evaluation.LoadSet(Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", set));
        var pack = new PolicyLibrary(Path.Combine(Repo.Root, "policies")).Get("default");
        var engine = ScreeningEngine.Build(school, roster, pack.CategoryIds, ShippedModels.Options);
        var report = Evaluation.Run(engine, posts, pack.CategoryIds);
        Assert.Equal(labelled, report.SafeguardingPosts);
        Assert.Equal(labelled, report.SafeguardingCaught);
        Assert.DoesNotContain(report.FalseAlarms, a => a.Result.Safeguarding);
    }
}
