using Courtesy.Cli;
using Courtesy.Policies;
using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

public class CategoryModelTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliAndModelTests.Run(args);

    internal static readonly string[] BlindSets = ["HeldOut8", "HeldOut13", "HeldOut16", "HeldOut17"];

    private static Post Labelled(string text, params string[] labels) => Post.OfText(text) with { Labels = labels };

    /// <summary>A made-up word that only the model can know means bullying: the rules have never heard of it.</summary>
    private static CategoryModel WombatModel()
    {
        var posts = new List<Post>();
        for (var i = 0; i < 6; i++)
        {
            posts.Add(Labelled($"that kid is a total wombat {i} everyone laugh at him", Categories.Cyberbullying));
            posts.Add(Labelled($"what a wombat, tell the whole class {i}", Categories.Cyberbullying));
            posts.Add(Labelled($"a lovely trip to a farm {i}, everyone laugh at the goats with the whole class"));
            posts.Add(Labelled($"what a great match on saturday {i}, he is a total star"));
        }
        var (model, _) = CategoryTrainer.Train([new LabelledSet("wombats", posts)], new CategoryTrainingOptions { MinPositives = 2, LeaveOneSetOut = false });
        return model;
    }

    [Fact]
    public void The_model_adds_a_category_only_to_a_post_the_rules_already_flagged()
    {
        var model = WombatModel();
        Assert.Equal([Categories.Cyberbullying], model.Categories);
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, Categories.All.Select(c => c.Id), new ScreeningOptions { CategoryModel = model });

        // The rules find a named pupil; the model adds what the wording says.
        var named = engine.Screen(Post.OfText("Marcus Reid is a total wombat, everyone laugh at him"));
        var added = Assert.Single(named.Findings, f => f.Detector == "model.categories");
        Assert.Equal(Categories.Cyberbullying, added.CategoryId);
        Assert.Contains("wombat", added.Text);
        Assert.Contains("a person should check", added.Reason);
        Assert.True(named.Police);

        // Nothing for the rules to go on: the model is not asked, so a clean post stays clean.
        Assert.Empty(engine.Screen(Post.OfText("that kid is a total wombat, everyone laugh at him")).Findings);

        // A pack without the category never gets it from the model.
        var narrow = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, [Categories.NamingChildren], new ScreeningOptions { CategoryModel = model });
        Assert.DoesNotContain(narrow.Screen(Post.OfText("Marcus Reid is a total wombat, everyone laugh at him")).Categories, c => c == Categories.Cyberbullying);

        // Without the model the same post is only a named pupil.
        Assert.Equal([Categories.NamingChildren], TestSchool.Screen("Marcus Reid is a total wombat, everyone laugh at him").Categories);
    }

    /// <summary>The reader is shown the stretch where the strong words are, not the one strongest word; words
    /// far apart are not joined into one long span.</summary>
    [Fact]
    public void The_highlight_is_the_stretch_of_strong_words_near_each_other()
    {
        var posts = new List<Post>();
        for (var i = 0; i < 6; i++)
        {
            posts.Add(Labelled($"a zork {i} again", Categories.Cyberbullying));
            posts.Add(Labelled($"the blat {i} again", Categories.Cyberbullying));
            posts.Add(Labelled($"a zork and a blat {i}", Categories.Cyberbullying));
            posts.Add(Labelled($"a quiet day {i} again"));
            posts.Add(Labelled($"the lovely trip {i} again"));
        }
        var (model, _) = CategoryTrainer.Train([new LabelledSet("zork", posts)], new CategoryTrainingOptions { MinPositives = 2, LeaveOneSetOut = false });
        var spans = new (int Start, int End)[1];

        var near = ScreeningEngine.Fold("honestly the zork and that blat at the gate");
        model.Strongest(near, 1UL, spans);
        Assert.Equal("zork and that blat", near[spans[0].Start..spans[0].End]);

        var far = ScreeningEngine.Fold("the zork was there this morning before the bell went and then later on the blat");
        model.Strongest(far, 1UL, spans);
        var shown = far[spans[0].Start..spans[0].End];
        Assert.True(shown.Contains("zork") != shown.Contains("blat"), shown);
        Assert.True(shown.Length <= CategoryModel.MaxSpanChars, shown);

        model.Strongest(ScreeningEngine.Fold("nothing it knows here"), 1UL, spans);
        Assert.Equal((-1, -1), spans[0]);
    }

    [Fact]
    public void Training_is_reproducible_and_scores_each_set_without_it()
    {
        var sets = new[] { Repo.DevSet, Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut"), Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut2") }
            .Select(d => CategoryTrainer.ReadSet(d)).ToList();
        var (first, report) = CategoryTrainer.Train(sets);
        var (second, _) = CategoryTrainer.Train(sets, new CategoryTrainingOptions { LeaveOneSetOut = false });
        Assert.Equal(Bytes(first), Bytes(second));
        Assert.Equal(["dev", "HeldOut", "HeldOut2"], report.LeaveOneSetOut.Select(s => s.Set));
        // Trained on two other schools, the model alone still finds most categories of the third.
        Assert.All(report.LeaveOneSetOut, s => Assert.InRange(s.MacroF1, 0.4, 1.0));
        Assert.Equal(12, first.Categories.Count);
        Assert.DoesNotContain(Categories.SafeguardingConcern, first.Categories);
        Assert.DoesNotContain(Categories.PhotoOfOthers, first.Categories);
    }

    /// <summary>The committed model is exactly what the command makes from the sets in the repository.</summary>
    [Fact]
    public void Committed_model_is_what_train_categories_writes()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-catmodel-");
        try
        {
            var output = Path.Combine(dir.FullName, "categories.bin");
            var sets = ScreeningCommands.CategorySets.SelectMany(rel => new[] { "--set", Path.Combine(rel.StartsWith("shared", StringComparison.Ordinal) ? Path.Combine(Repo.Root, "..") : Repo.Root, rel) }).ToArray();
            var (code, stdout, err) = Run(["train-categories", .. sets, "--out", output, "--no-leave-one-out"]);
            Assert.True(code == 0, err);
            Assert.Contains("trained on", stdout);
            // The blind sets stay out of every model: they are the measure of a school nobody trained on.
            foreach (var blind in BlindSets) Assert.DoesNotContain(ScreeningCommands.CategorySets, s => s.EndsWith(blind, StringComparison.Ordinal));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "data", "models", "categories.bin")), File.ReadAllBytes(output));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_damaged_model_file_is_refused_with_its_path()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-catmodel-");
        try
        {
            var good = Bytes(WombatModel());
            var cut = Path.Combine(dir.FullName, "cut.bin");
            File.WriteAllBytes(cut, good[..(good.Length / 2)]);
            var e = Assert.Throws<InvalidDataException>(() => CategoryModel.Load(cut));
            Assert.Contains(cut, e.Message);
            Assert.Contains("cut short", e.Message);

            var other = Path.Combine(dir.FullName, "offensive.bin");
            File.Copy(Path.Combine(Repo.Root, "data", "models", "offensive.bin"), other);
            Assert.Contains("not a category model", Assert.Throws<InvalidDataException>(() => CategoryModel.Load(other)).Message);

            Assert.Null(CategoryModel.LoadDefault(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Train_categories_names_a_folder_without_posts()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-catmodel-");
        try
        {
            var (code, _, err) = Run("train-categories", "--set", dir.FullName, "--out", Path.Combine(dir.FullName, "m.bin"));
            Assert.Equal(1, code);
            Assert.Contains(dir.FullName, err);
            Assert.Contains("no posts.jsonl", err);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "m.bin")));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Long_and_hostile_text_is_read_in_bounded_buffers()
    {
        var model = CategoryModel.Load(Path.Combine(Repo.Root, "data", "models", "categories.bin"));
        var p = new float[model.Categories.Count];
        foreach (var text in new[] { "", "'''' ''' '", string.Join(' ', Enumerable.Repeat("you are a disgrace", 5000)), new string('a', 100_000) })
        {
            model.Probabilities(NormalizedText.Of(text).Span, p);
            Assert.All(p, v => Assert.InRange(v, 0f, 1f));
        }
    }

    [Fact]
    public void The_joint_table_gives_each_models_scores_and_strongest_words_bit_for_bit()
    {
        var categories = CategoryModel.Load(Path.Combine(Repo.Root, "data", "models", "categories.bin"));
        var safeguarding = CategoryModel.Load(Path.Combine(Repo.Root, "data", "models", CategoryModel.SafeguardingFile));
        var texts = PostJson.Load(Path.Combine(Repo.DevSet, "posts.jsonl")).Select(p => p.Text).ToList();
        var rng = new Random(7);
        var words = texts.SelectMany(t => t.Split(' ')).Distinct().ToArray();
        for (var t = 0; t < 2000; t++) texts.Add(string.Join(' ', Enumerable.Range(0, rng.Next(0, 120)).Select(_ => words[rng.Next(words.Length)])));
        texts.Add(string.Join(' ', Enumerable.Repeat("you are a disgrace", 5000)));
        var k = categories.Categories.Count;
        foreach (var (joint, models) in new (CategoryModel.Joint?, CategoryModel[])[]
                 {
                     (CategoryModel.Joint.Of(categories, safeguarding), [categories, safeguarding]),
                     (CategoryModel.Joint.Of(safeguarding), [safeguarding]),
                     (CategoryModel.Joint.Of(null, categories), [categories]),
                 })
        {
            Assert.NotNull(joint);
            foreach (var text in texts)
            {
                var folded = NormalizedText.Of(text).Span;
                var buckets = new int[Math.Min(2 * CategoryModel.MaxWords, folded.Length + 2)];
                var n = CategoryModel.Buckets(folded, buckets, default, default);
                var z = new float[joint!.Scores];
                joint.Logits(buckets.AsSpan(0, n), z);
                var at = 0;
                foreach (var model in models)
                {
                    var apart = new float[model.Categories.Count];
                    model.Logits(buckets.AsSpan(0, n), apart);
                    for (var c = 0; c < apart.Length; c++)
                        Assert.Equal(BitConverter.SingleToInt32Bits(apart[c]), BitConverter.SingleToInt32Bits(z[at + c]));
                    at += apart.Length;
                    // The words behind every category, read from the joint table and from the model's own.
                    var all = apart.Length == 64 ? ulong.MaxValue : (1UL << apart.Length) - 1;
                    var own = new (int, int)[apart.Length];
                    var fromJoint = new (int, int)[apart.Length];
                    model.Strongest(folded, all, own);
                    joint.Strongest(model, folded, all, fromJoint);
                    Assert.Equal(own, fromJoint);
                }
            }
        }
        Assert.Null(CategoryModel.Joint.Of(null, null));
        Assert.Equal(k + 1, CategoryModel.Joint.Of(categories, safeguarding)!.Scores);
    }

    private static byte[] Bytes(CategoryModel model)
    {
        using var m = new MemoryStream();
        model.Save(m);
        return m.ToArray();
    }
}
