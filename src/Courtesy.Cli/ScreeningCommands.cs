using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Spectre.Console;

namespace Courtesy.Cli;

/// <summary><c>courtesy screen | eval | train</c>: the screening engine from the command line.</summary>
public static class ScreeningCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Screen();
        yield return Eval();
        yield return Train();
        yield return TrainCategories();
        yield return TrainSafeguarding();
    }

    private static Option<string?> PoliciesDir() => new("--policies-dir") { Description = "The policy packs folder (default: policies/ next to the program, else the nearest policies/ above the current folder)" };
    private static Option<bool> NoModel() => new("--no-model") { Description = "Screen with the rules alone, without the trained models (offensive language, categories)" };

    private static Command Screen()
    {
        var policy = new Option<string>("--policy") { Description = "The school's policy pack id (see `courtesy policy list`)", Required = true };
        var roster = new Option<FileInfo>("--roster") { Description = "The school's roster CSV (kind,title,first_name,last_name,preferred_name,role,year_group)", Required = true };
        var school = new Option<FileInfo>("--school") { Description = "The school's JSON: name, aliases, town", Required = true };
        var input = new Option<FileInfo?>("--in") { Description = "posts.jsonl to read (default: standard input)" };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write one JSON result a line (default: standard output)" };
        var dir = PoliciesDir();
        var noModel = NoModel();
        var cmd = new Command("screen", "Screen posts (JSON lines) against a school's policy: one result a line with labels, police and safeguarding flags and findings");
        foreach (var o in new Option[] { policy, roster, school, input, output, dir, noModel }) cmd.Options.Add(o);
        cmd.SetAction((parse, ct) =>
        {
            var err = parse.InvocationConfiguration.Error;
            try
            {
                var engine = BuildEngine(parse.GetValue(policy)!, parse.GetValue(dir), parse.GetValue(roster)!.FullName, parse.GetValue(school)!.FullName, parse.GetValue(noModel));
                var inFile = parse.GetValue(input);
                var outFile = parse.GetValue(output);
                using var reader = inFile is null ? System.Console.In : new StreamReader(inFile.FullName, Encoding.UTF8);
                using var fileWriter = outFile is null ? null : new StreamWriter(outFile.FullName, false, new UTF8Encoding(false));
                var writer = fileWriter ?? parse.InvocationConfiguration.Output;
                // A bar only when a person watches a terminal and the results go to a file, never into piped output.
                var showProgress = outFile is not null && !System.Console.IsOutputRedirected && writer != System.Console.Out;
                var total = inFile is null ? 0 : CountLines(inFile.FullName);
                var summary = new ScreenSummary();
                if (showProgress && total > 0)
                {
                    AnsiConsole.Progress().Start(ctx =>
                    {
                        var task = ctx.AddTask("screening", maxValue: total);
                        ScreenAll(engine, reader, writer, err, summary, () => task.Increment(1), ct);
                    });
                }
                else ScreenAll(engine, reader, writer, err, summary, null, ct);
                writer.Flush();
                err.WriteLine($"screened {summary.Screened} post(s): {summary.Flagged} with findings, {summary.Police} police-threshold, {summary.Safeguarding} safeguarding; {summary.Malformed} malformed line(s) skipped");
                return Task.FromResult(summary.Malformed > 0 ? 1 : 0);
            }
            catch (Exception e) when (e is InputException or PolicyPackException or PolicyNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                err.WriteLine("error: " + e.Message);
                return Task.FromResult(1);
            }
        });
        return cmd;
    }

    private sealed class ScreenSummary
    {
        public int Screened, Flagged, Police, Safeguarding, Malformed;
    }

    private static int CountLines(string path)
    {
        var n = 0;
        foreach (var _ in File.ReadLines(path)) n++;
        return n;
    }

    private static void ScreenAll(IScreener engine, TextReader reader, TextWriter writer, TextWriter err, ScreenSummary summary, Action? tick, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            ct.ThrowIfCancellationRequested();
            lineNumber++;
            tick?.Invoke();
            if (string.IsNullOrWhiteSpace(line)) continue;
            Post post;
            try
            {
                post = PostJson.Parse(line);
            }
            catch (JsonException e)
            {
                summary.Malformed++;
                err.WriteLine($"line {lineNumber}: malformed post skipped: {e.Message.Split(Environment.NewLine)[0]}");
                continue;
            }
            var result = engine.Screen(post);
            summary.Screened++;
            if (result.IsBreach) summary.Flagged++;
            if (result.Police) summary.Police++;
            if (result.Safeguarding) summary.Safeguarding++;
            buffer.SetLength(0);
            json.Reset(buffer);
            ResultJson.Write(json, result);
            json.Flush();
            writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    internal static ScreeningEngine BuildEngine(string policyId, string? policiesDir, string rosterPath, string schoolPath, bool noModel) =>
        BuildEngine(new PolicyLibrary(policiesDir).Get(policyId), SchoolJson.Load(schoolPath), RosterCsv.Load(rosterPath), noModel);

    /// <summary>The engine as the app builds it: the shipped word lists and, unless asked not to, the trained models.</summary>
    private static ScreeningEngine BuildEngine(PolicyPack pack, SchoolProfile school, IReadOnlyList<Person> roster, bool noModel)
    {
        var models = noModel ? TrainedModels.None : TrainedModels.Load(Lexicons.FindDataDirectory());
        return ScreeningEngine.Build(school, roster, pack.CategoryIds,
            new ScreeningOptions { Lexicons = Lexicons.Default, Model = models.Offensive, CategoryModel = models.Categories, SafeguardingModel = models.Safeguarding, OwnCategories = pack.OwnCategories });
    }

    private static Command Eval()
    {
        var set = new Option<DirectoryInfo>("--set") { Description = "A labelled set folder with posts.jsonl, roster.csv and school.json (e.g. ../shared/eval/dev)", Required = true };
        var policy = new Option<string>("--policy") { Description = "The policy pack id whose categories are scored", Required = true };
        var errors = new Option<bool>("--errors") { Description = "Also list every post the engine got wrong, with the labels it missed and added" };
        var audit = new Option<bool>("--audit-cues") { Description = $"Also list cue phrases of {CueAudit.MinWords} or more words that match exactly one post of the set (likely copied from it), and the idioms kept on purpose" };
        var dir = PoliciesDir();
        var noModel = NoModel();
        var cmd = new Command("eval", "Score screening on a labelled set: per-category precision, recall, F1 and support; macro-F1; police-threshold recall; false alarms on clean posts");
        foreach (var o in new Option[] { set, policy, errors, audit, dir, noModel }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            try
            {
                var folder = parse.GetValue(set)!.FullName;
                var pack = new PolicyLibrary(parse.GetValue(dir)).Get(parse.GetValue(policy)!);
                var (school, roster, posts) = Evaluation.LoadSet(folder);
                var engine = BuildEngine(pack, school, roster, parse.GetValue(noModel));
                var report = Evaluation.Run(engine, posts, pack.CategoryIds.Where(Categories.IsKnown));
                var console = Plain(parse.InvocationConfiguration.Output);
                Print(console, report, folder, pack.Id, posts.Count);
                if (parse.GetValue(errors))
                    foreach (var o in report.Outcomes.Where(o => o.Missed.Count + o.Extra.Count > 0))
                        console.WriteLine($"{o.Post.Id}  missed [{string.Join(", ", o.Missed)}]  extra [{string.Join(", ", o.Extra)}]  | {o.Post.Text}", new Style());
                if (parse.GetValue(audit))
                {
                    var a = CueAudit.Run(engine, Lexicons.Default, posts);
                    console.WriteLine($"cue audit: {a.Phrases} cue phrases, {a.PhrasesMatched} match a post of this set; {a.SinglePost.Count} of {CueAudit.MinWords}+ words match exactly one post, {a.Unjustified.Count} of them not marked as idioms", new Style());
                    foreach (var u in a.SinglePost)
                        console.WriteLine($"  {(u.Idiom is null ? "single-post" : "idiom")}  {u.Cue}\t{u.Phrase}  ({u.Words} words; {u.PostIds[0]}){(u.Idiom is null ? "" : "  " + u.Idiom)}", new Style());
                }
                return 0;
            }
            catch (Exception e) when (e is InputException or PolicyPackException or PolicyNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                err.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return cmd;
    }

    private static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        return console;
    }

    private static void Print(IAnsiConsole console, EvaluationReport report, string folder, string packId, int posts)
    {
        console.WriteLine($"set {folder}: {posts} posts; pack {packId}", new Style());
        var table = new Table().AddColumns("category", "precision", "recall", "F1", "support", "tp", "fp", "fn");
        foreach (var s in report.Categories.OrderBy(s => s.FromMetadata).ThenBy(s => s.Id, StringComparer.Ordinal))
            table.AddRow(s.Id + (s.FromMetadata ? " (metadata)" : ""), $"{s.Precision:0.000}", $"{s.Recall:0.000}", $"{s.F1:0.000}", $"{s.Support}", $"{s.TruePositives}", $"{s.FalsePositives}", $"{s.FalseNegatives}");
        console.Write(table);
        console.WriteLine($"macro-F1 (text categories): {report.MacroF1Text:0.000}", new Style());
        console.WriteLine($"macro-F1 (all categories):  {report.MacroF1All:0.000}", new Style());
        console.WriteLine($"police-threshold recall: {report.PoliceRecall:0.000} ({report.PoliceFlagged}/{report.PolicePosts} posts labelled {string.Join(", ", Evaluation.PoliceLabels)})", new Style());
        console.WriteLine($"false alarms on clean posts: {report.FalseAlarms.Count} of {report.CleanPosts}", new Style());
        foreach (var f in report.FalseAlarms)
            console.WriteLine($"  {f.Post.Id}: [{string.Join(", ", f.Result.Categories)}] {f.Post.Text}", new Style());
        if (report.SafeguardingPosts == 0)
            console.WriteLine($"safeguarding flags (not labelled in this set): {report.SafeguardingFlagged}", new Style());
        else
            console.WriteLine($"safeguarding recall: {report.SafeguardingRecall:0.000} ({report.SafeguardingCaught}/{report.SafeguardingPosts} posts labelled {Categories.SafeguardingConcern}); " +
                $"flagged on {report.SafeguardingFlagged - report.SafeguardingCaught} other post(s)", new Style());
    }

    private static Command Train()
    {
        var data = new Option<FileInfo?>("--data") { Description = "Davidson et al. labeled_data.csv (default: shared/eval/external/davidson/labeled_data.csv found above the current folder)" };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the weights (default: data/models/offensive.bin)" };
        var seed = new Option<int>("--seed") { Description = "Seed for the split and the training order", DefaultValueFactory = _ => new TrainingOptions().Seed };
        var limit = new Option<int>("--limit") { Description = "Use only the first N rows (0 = all)", DefaultValueFactory = _ => 0 };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed feature buckets", DefaultValueFactory = _ => new TrainingOptions().BucketBits };
        var iterations = new Option<int>("--iterations") { Description = "Most L-BFGS iterations per fit", DefaultValueFactory = _ => new TrainingOptions().Iterations };
        var l2 = new Option<float>("--l2") { Description = "L2 penalty on the summed log loss (1/C)", DefaultValueFactory = _ => new TrainingOptions().L2 };
        var power = new Option<float>("--class-weight-power") { Description = "0 ignores class imbalance, 1 balances the classes fully", DefaultValueFactory = _ => new TrainingOptions().ClassWeightPower };
        var grams = new Option<int>("--char-grams") { Description = "Longest character n-gram (3-5), 0 for word features only", DefaultValueFactory = _ => new TrainingOptions().MaxCharGram };
        var wordGrams = new Option<int>("--word-grams") { Description = "Longest word n-gram (1-3)", DefaultValueFactory = _ => new TrainingOptions().MaxWordGram };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds over the training split (0 = none)", DefaultValueFactory = _ => new TrainingOptions().Folds };
        var soft = new Option<bool>("--soft-labels") { Description = "Train towards the annotators' vote shares rather than the majority class" };
        var lexicon = new Option<FileInfo?>("--lexicon") { Description = "Hate terms whose presence is a feature (default: data/lexicons/hate-terms.txt; 'none' for none)" };
        var posts = new Option<string[]>("--posts") { Description = "Labelled school-post set folders (posts.jsonl) added to the training part only: racist-comment is hate, negative-or-offensive-comment or obscene-content offensive, the rest neither (default: shared/eval/dev found above the current folder; 'none' for none)" };
        var postWeight = new Option<float>("--post-weight") { Description = "Sample weight of each school post (a tweet weighs 1)", DefaultValueFactory = _ => new TrainingOptions().SchoolPostWeight };
        var hateSvm = new Option<float>("--hate-svm-l2") { Description = "L2 penalty (1/C) of the hate-against-the-rest linear SVM whose scaled score is the model's hate column (0, the default = the plain softmax's; 20 = C 0.05)", DefaultValueFactory = _ => new TrainingOptions().HateSvmL2 };
        var cmd = new Command("train", "Train the offensive/hate language model (logistic regression on TF-IDF of hashed word and character n-grams and a hate-term lexicon) with a fixed seed and split");
        foreach (var o in new Option[] { data, output, seed, limit, bits, iterations, l2, power, grams, wordGrams, folds, soft, lexicon, posts, postWeight, hateSvm }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var console = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            try
            {
                var path = parse.GetValue(data)?.FullName ?? FindAbove(Path.Combine("shared", "eval", "external", "davidson", "labeled_data.csv"))
                    ?? throw new FileNotFoundException("labeled_data.csv not found; pass --data");
                var outPath = parse.GetValue(output)?.FullName ?? Path.Combine(RepoDataDirectory(), "models", "offensive.bin");
                var options = new TrainingOptions { Seed = parse.GetValue(seed), Limit = parse.GetValue(limit), BucketBits = parse.GetValue(bits), Iterations = parse.GetValue(iterations), L2 = parse.GetValue(l2), ClassWeightPower = parse.GetValue(power), MaxCharGram = parse.GetValue(grams), MaxWordGram = parse.GetValue(wordGrams), Folds = parse.GetValue(folds), SoftLabels = parse.GetValue(soft), SchoolPostWeight = parse.GetValue(postWeight), HateSvmL2 = parse.GetValue(hateSvm),
                    Lexicon = parse.GetValue(lexicon) is { } lex ? lex.Name == "none" ? [] : Trainer.ReadLexicon(lex.FullName) : Trainer.ReadLexicon(Path.Combine(Lexicons.FindDataDirectory(), "lexicons", "hate-terms.txt")) };
                var rows = Trainer.ReadDavidson(path, options.Limit);
                var postDirs = parse.GetValue(posts) is { Length: > 0 } given
                    ? given.Contains("none") ? [] : given.Select(Path.GetFullPath).ToArray()
                    : [Path.GetDirectoryName(FindAbove(Path.Combine("shared", "eval", "dev", "posts.jsonl")) ?? throw new FileNotFoundException("shared/eval/dev/posts.jsonl not found; pass --posts <dir> or --posts none"))!];
                var schoolPosts = new List<LabelledText>();
                foreach (var dir in postDirs) schoolPosts.AddRange(Trainer.ReadSchoolPosts(dir));
                console.WriteLine($"training on {path}: {rows.Count} rows, seed {options.Seed}, 2^{options.BucketBits} buckets, word n-grams up to {options.MaxWordGram}, character n-grams up to {options.MaxCharGram}, L2 {options.L2}, hate SVM L2 {options.HateSvmL2}, {options.Lexicon.Count} lexicon terms");
                foreach (var dir in postDirs) console.WriteLine($"school posts from {dir}");
                if (schoolPosts.Count > 0)
                    console.WriteLine($"school posts added to the training part only (weight {options.SchoolPostWeight}): {schoolPosts.Count(p => p.Label == LinearModel.Hate)} hate, {schoolPosts.Count(p => p.Label == LinearModel.Offensive)} offensive, {schoolPosts.Count(p => p.Label == LinearModel.Neither)} neither");
                var (model, report) = Trainer.Train(rows, options, console, schoolPosts);
                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                using (var f = File.Create(outPath)) model.Save(f);
                console.WriteLine($"split: {report.Train} train, {report.Validation} validation (hate threshold {report.HateThreshold:0.00}), {report.Test} held-out test");
                string[] names = ["hate", "offensive", "neither"];
                if (report.CrossValidationScores is { } cv)
                {
                    console.WriteLine($"{report.Folds}-fold cross-validation on the training split, scored on its tweets (hate threshold {report.CrossValidationThreshold:0.00} tuned on their out-of-fold scores):");
                    for (var k = 0; k < names.Length; k++)
                        console.WriteLine($"  {names[k],-10} P {cv[k].Precision:0.000}  R {cv[k].Recall:0.000}  F1 {cv[k].F1:0.000}  support {cv[k].Support}");
                    if (report.SchoolPosts?.CrossValidationScores is { } sc)
                    {
                        console.WriteLine("  school posts, out of fold (same threshold):");
                        for (var k = 0; k < names.Length; k++)
                            console.WriteLine($"  {names[k],-10} P {sc[k].Precision:0.000}  R {sc[k].Recall:0.000}  F1 {sc[k].F1:0.000}  support {sc[k].Support}");
                    }
                }
                console.WriteLine("held-out test:");
                for (var k = 0; k < names.Length; k++)
                {
                    var s = report.TestScores[k];
                    console.WriteLine($"  {names[k],-10} P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  support {s.Support}");
                }
                console.WriteLine($"  weighted F1 {report.WeightedF1:0.000}");
                console.WriteLine($"wrote {outPath} sha256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)))}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException or InputException)
            {
                err.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return cmd;
    }

    /// <summary>The labelled school sets the category model learns from by default: the dev set and the held-out
    /// sets the rules have been tuned on. The blind HeldOut8, HeldOut13, HeldOut16 and HeldOut17 are left out on purpose: they stay unseen, the honest measure. HeldOut12 was blind until the third session of 2026-11-21, then spent on a rule pass.</summary>
    internal static readonly string[] CategorySets =
    [
        Path.Combine("shared", "eval", "dev"),
        .. new[] { "HeldOut", "HeldOut2", "HeldOut3", "HeldOut4", "HeldOut5", "HeldOut6", "HeldOut7", "HeldOut9", "HeldOut10", "HeldOut11", "HeldOut12", "HeldOut14", "HeldOut15", "HeldOut18", "HeldOut19", "HeldOut20", "HeldOut21", "HeldOut22", "HeldOut23", "HeldOut24", "HeldOut25", "HeldOut26", "HeldOut27", "HeldOut28", "HeldOut29", "HeldOut30", "HeldOut31", "HeldOut32", "HeldOut33", "HeldOut34" }.Select(h => Path.Combine("tests", "Courtesy.Tests", "Screening", h)),
    ];

    /// <summary>The sentences the safeguarding model learns from besides the schools' posts: concerns and their
    /// harmless look-alikes, written for SafeguardingRecallTests (train-only: they are not one school's posts).</summary>
    internal static readonly string SafeguardingSentences = Path.Combine("tests", "Courtesy.Tests", "Screening", "SafeguardingSet");

    private static Command TrainCategories() => TrainModel(
        "train-categories", "categories.bin", only: null, new CategoryTrainingOptions(),
        "Train the per-category model (logistic regression on hashed word unigrams and bigrams) on labelled school posts; prints each set's figures when trained without it");

    private static Command TrainSafeguarding() => TrainModel(
        "train-safeguarding", "safeguarding.bin", Categories.SafeguardingConcern, new CategoryTrainingOptions { Threshold = 0.7f },
        "Train the safeguarding model (the same logistic regression, one category) on the labelled school posts and the safeguarding sentences; prints each school's figures when trained without it");

    private static string MacroLine(LeaveOneSetOut s) =>
        $"macro-F1 {s.MacroF1:0.000}  " + string.Join("  ", s.PerCategory.Where(kv => kv.Value.Support > 0).Select(kv => $"{Abbreviate(kv.Key)} {kv.Value.F1:0.00}"));

    private static string OneLine(LeaveOneSetOut s, string id)
    {
        var c = s.PerCategory[id];
        var caught = (int)Math.Round(c.Recall * c.Support);
        return (c.Support > 0 ? $"caught {caught} of {c.Support}" : "no labelled post") + $", {s.Flagged[id] - caught} other post(s) flagged";
    }

    private static Command TrainModel(string name, string file, string? only, CategoryTrainingOptions defaults, string description)
    {
        var sets = new Option<string[]>("--set") { Description = "A labelled set folder (posts.jsonl with labels); repeat for several (default: shared/eval/dev and the tuned held-out sets (HeldOut..HeldOut34 without the blind HeldOut8, HeldOut13, HeldOut16 and HeldOut17), found above the current folder)" };
        var sentences = new Option<string[]>("--sentences") { Description = "A labelled folder that is only trained on, never scored (default for train-safeguarding: tests/Courtesy.Tests/Screening/SafeguardingSet)" };
        var output = new Option<FileInfo?>("--out") { Description = $"Where to write the model (default: data/models/{file})" };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the class-weighted log loss (1/C)", DefaultValueFactory = _ => defaults.L2 };
        var threshold = new Option<float>("--threshold") { Description = "Probability at which the engine adds the category", DefaultValueFactory = _ => defaults.Threshold };
        var noLoso = new Option<bool>("--no-leave-one-out") { Description = "Skip the leave-one-set-out figures" };
        var cmd = new Command(name, description);
        foreach (var o in new Option[] { sets, sentences, output, l2, threshold, noLoso }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var console = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            try
            {
                string Found(string rel) => Path.GetDirectoryName(FindAbove(Path.Combine(rel, "posts.jsonl")) ?? throw new FileNotFoundException($"{rel}/posts.jsonl not found above the current folder; pass --set <dir>"))!;
                var dirs = parse.GetValue(sets) is { Length: > 0 } given ? given.Select(Path.GetFullPath).ToArray() : CategorySets.Select(Found).ToArray();
                var extra = parse.GetValue(sentences) is { Length: > 0 } more ? more.Select(Path.GetFullPath).ToArray()
                    : only is null ? [] : [Found(SafeguardingSentences)];
                foreach (var d in dirs.Concat(extra))
                    if (!File.Exists(Path.Combine(d, "posts.jsonl"))) throw new FileNotFoundException($"{d}: no posts.jsonl in this folder");
                var outPath = parse.GetValue(output)?.FullName ?? Path.Combine(RepoDataDirectory(), "models", file);
                var options = new CategoryTrainingOptions { L2 = parse.GetValue(l2), Threshold = parse.GetValue(threshold), LeaveOneSetOut = !parse.GetValue(noLoso), Only = only };
                var labelled = dirs.Select(d => CategoryTrainer.ReadSet(d)).Concat(extra.Select(d => CategoryTrainer.ReadSet(d, trainOnly: true))).ToList();
                foreach (var set in labelled) console.WriteLine($"set {set.Name}: {set.Posts.Count} posts{(set.TrainOnly ? " (trained on, never scored)" : "")}");
                var (model, report) = CategoryTrainer.Train(labelled, options);
                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                using (var f = File.Create(outPath)) model.Save(f);
                console.WriteLine($"trained on {report.Posts} posts, {report.Features} word and word-pair features, L2 {options.L2}, threshold {options.Threshold:0.00}");
                foreach (var (id, n) in report.Positives)
                    console.WriteLine($"  {id,-34} {n,4} posts{(model.Categories.Contains(id) ? "" : $" (fewer than {options.MinPositives}: no model)")}");
                if (report.LeaveOneSetOut.Count > 0)
                {
                    console.WriteLine(only is null
                        ? "each set scored by the model trained on the others (the model alone, on every post; the engine asks it only where the rules found something):"
                        : "each set scored by the model trained on the others (the model alone, on every post; the engine adds it to what the rules found):");
                    foreach (var s in report.LeaveOneSetOut)
                        console.WriteLine($"  {s.Set,-10} {s.Posts,4} posts  " + (only is null ? MacroLine(s) : OneLine(s, only)));
                    if (only is null) console.WriteLine($"  mean macro-F1 {report.LeaveOneSetOut.Average(s => s.MacroF1):0.000}");
                }
                console.WriteLine($"wrote {outPath} sha256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)))}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InputException)
            {
                err.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return cmd;
    }

    private static string Abbreviate(string id) => string.Concat(id.Split('-').Select(w => w[0]));

    /// <summary>The repository's data/ folder above the current folder (not the copy beside the program), where trained models are committed.</summary>
    private static string RepoDataDirectory() =>
        FindAbove(Path.Combine("data", "lexicons", "cues.tsv")) is { } cues ? Path.GetDirectoryName(Path.GetDirectoryName(cues))! : "data";

    private static string? FindAbove(string relative)
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>One screening result as a JSON object: {"id","labels","police","safeguarding","findings":[...]}.</summary>
public static class ResultJson
{
    public static void Write(Utf8JsonWriter json, ScreeningResult result)
    {
        json.WriteStartObject();
        if (result.PostId is null) json.WriteNull("id"); else json.WriteString("id", result.PostId);
        json.WriteStartArray("labels");
        foreach (var c in result.Categories) json.WriteStringValue(c);
        json.WriteEndArray();
        json.WriteBoolean("police", result.Police);
        json.WriteBoolean("safeguarding", result.Safeguarding);
        if (result.Truncated) json.WriteBoolean("truncated", true);
        json.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("category", f.CategoryId);
            json.WriteNumber("severity", f.Severity);
            json.WriteNumber("start", f.Start);
            json.WriteNumber("length", f.Length);
            json.WriteString("text", f.Text);
            json.WriteString("reason", f.Reason);
            json.WriteString("detector", f.Detector);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
