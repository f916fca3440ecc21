using Courtesy.Policies;

namespace Courtesy.Screening;

/// <summary>A labelled set folder (posts.jsonl with labels, as shared/eval/dev) and its posts. A set that is
/// only trained on (sentences, not one school's posts) is never scored by leave-one-set-out.</summary>
public sealed record LabelledSet(string Name, IReadOnlyList<Post> Posts, bool TrainOnly = false);

/// <summary>How the category model scored on one set when trained on all the others.</summary>
public sealed record LeaveOneSetOut(string Set, int Posts, double MacroF1, IReadOnlyDictionary<string, ClassScores> PerCategory, IReadOnlyDictionary<string, int> Flagged);

public sealed record CategoryTrainingReport(int Posts, int Features, IReadOnlyDictionary<string, int> Positives, IReadOnlyList<LeaveOneSetOut> LeaveOneSetOut);

public sealed class CategoryTrainingOptions
{
    /// <summary>L2 penalty on the class-weighted summed log loss (scikit-learn's 1/C; C = 4 was chosen on
    /// three schools the rules had not seen, see the Screening README).</summary>
    public double L2 { get; init; } = 0.25;
    public int Iterations { get; init; } = 400;
    /// <summary>A feature seen in fewer posts than this is dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 2;
    /// <summary>A category needs at least this many labelled posts to get a model.</summary>
    public int MinPositives { get; init; } = 10;
    public float Threshold { get; init; } = 0.6f;
    /// <summary>Also fit each set's model without it and score it (the honest figure for a school not trained on).</summary>
    public bool LeaveOneSetOut { get; init; } = true;
    /// <summary>The one category to train (the safeguarding model); null trains every <see cref="CategoryTrainer.Trainable"/> one.</summary>
    public string? Only { get; init; }
}

/// <summary>Fits <see cref="CategoryModel"/>: per category, logistic regression with balanced class weights by
/// L-BFGS. Sequential and seed-free (the data's order is the files' order), so the same sets give the same bytes.</summary>
public static class CategoryTrainer
{
    /// <summary>The categories a model is trained for: those read from the text, never safeguarding (a DSL's
    /// call, with its own rules) or the metadata ones.</summary>
    public static bool Trainable(string id) => Categories.Find(id) is { FromMetadata: false } c && c.Id != Categories.SafeguardingConcern;

    public static LabelledSet ReadSet(string directory, bool trainOnly = false)
    {
        var path = Path.Combine(directory, "posts.jsonl");
        return new LabelledSet(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), PostJson.Load(path), trainOnly);
    }

    public static (CategoryModel Model, CategoryTrainingReport Report) Train(IReadOnlyList<LabelledSet> sets, CategoryTrainingOptions? options = null, TextWriter? log = null)
    {
        var o = options ?? new CategoryTrainingOptions();
        var posts = sets.SelectMany(s => s.Posts).ToList();
        if (posts.Count == 0) throw new InvalidDataException("no labelled posts to train on");
        var positives = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in posts)
            foreach (var l in p.Labels.Distinct())
                if (o.Only is { } only ? l == only : Trainable(l)) positives[l] = positives.GetValueOrDefault(l) + 1;
        var categories = positives.Where(kv => kv.Value >= o.MinPositives).Select(kv => Categories.Find(kv.Key)!.Id).ToArray();
        if (categories.Length == 0) throw new InvalidDataException($"no category has {o.MinPositives} or more labelled posts");

        var docs = posts.Select(p => Featurize(p.Text)).ToArray();
        var model = Fit(docs, posts, categories, o, log, "all sets");

        var loso = new List<LeaveOneSetOut>();
        if (o.LeaveOneSetOut && sets.Count > 1)
        {
            var offset = 0;
            foreach (var set in sets)
            {
                var inSet = new bool[posts.Count];
                for (var i = 0; i < set.Posts.Count; i++) inSet[offset + i] = true;
                offset += set.Posts.Count;
                if (set.TrainOnly) continue;
                var trainRows = Enumerable.Range(0, posts.Count).Where(i => !inSet[i]).ToArray();
                var without = Fit(trainRows.Select(i => docs[i]).ToArray(), trainRows.Select(i => posts[i]).ToList(), categories, o, null, "without " + set.Name);
                loso.Add(Score(set, without));
            }
        }
        return (model, new CategoryTrainingReport(posts.Count, model.Features, positives, loso));
    }

    private static LeaveOneSetOut Score(LabelledSet set, CategoryModel model)
    {
        var k = model.Categories.Count;
        var tp = new int[k]; var fp = new int[k]; var fn = new int[k];
        Span<float> p = stackalloc float[k];
        foreach (var post in set.Posts)
        {
            model.Logits(ScreeningEngine.Fold(post.Text), p);
            for (var c = 0; c < k; c++)
            {
                var truth = post.Labels.Contains(model.Categories[c]);
                // The engine's own test: the score against the threshold as a logit.
                var said = p[c] >= model.LogitThreshold;
                if (truth && said) tp[c]++;
                else if (said) fp[c]++;
                else if (truth) fn[c]++;
            }
        }
        var per = new SortedDictionary<string, ClassScores>(StringComparer.Ordinal);
        var flagged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var f1s = new List<double>();
        for (var c = 0; c < k; c++)
        {
            var precision = tp[c] + fp[c] == 0 ? 0 : (double)tp[c] / (tp[c] + fp[c]);
            var recall = tp[c] + fn[c] == 0 ? 0 : (double)tp[c] / (tp[c] + fn[c]);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per[model.Categories[c]] = new ClassScores(precision, recall, f1, tp[c] + fn[c]);
            flagged[model.Categories[c]] = tp[c] + fp[c];
            if (tp[c] + fn[c] > 0) f1s.Add(f1);
        }
        return new LeaveOneSetOut(set.Name, set.Posts.Count, f1s.Count == 0 ? 0 : f1s.Average(), per, flagged);
    }

    /// <summary>A post's distinct feature buckets, ascending.</summary>
    private static int[] Featurize(string text)
    {
        var folded = ScreeningEngine.Fold(text);
        var buckets = new int[2 * CategoryModel.MaxWords];
        var n = CategoryModel.Buckets(folded, buckets, new int[buckets.Length], new int[buckets.Length]);
        return buckets.AsSpan(0, n).ToArray().Distinct().Order().ToArray();
    }

    private static CategoryModel Fit(int[][] docs, IReadOnlyList<Post> posts, string[] categories, CategoryTrainingOptions o, TextWriter? log, string name)
    {
        // Columns: buckets seen in enough posts, in bucket order (so the file is the same whatever the post order).
        var df = new Dictionary<int, int>();
        foreach (var d in docs)
            foreach (var b in d) df[b] = df.GetValueOrDefault(b) + 1;
        var kept = df.Where(kv => kv.Value >= o.MinDocumentFrequency).Select(kv => kv.Key).Order().ToArray();
        var column = new Dictionary<int, int>(kept.Length);
        for (var j = 0; j < kept.Length; j++) column[kept[j]] = j;
        var n = docs.Length;
        // Smoothed IDF, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1.
        var idf = kept.Select(b => (float)(Math.Log((1.0 + n) / (1.0 + df[b])) + 1.0)).ToArray();
        var rows = new (int[] Cols, float[] Vals)[n];
        for (var i = 0; i < n; i++)
        {
            var cols = docs[i].Where(column.ContainsKey).Select(b => column[b]).ToArray();
            var vals = cols.Select(c => idf[c]).ToArray();
            var norm = MathF.Sqrt(vals.Sum(v => v * v));
            if (norm > 0) for (var v = 0; v < vals.Length; v++) vals[v] /= norm;
            rows[i] = (cols, vals);
        }

        var k = categories.Length;
        var weights = new float[kept.Length * k];
        var bias = new float[k];
        for (var c = 0; c < k; c++)
        {
            var y = posts.Select(p => p.Labels.Contains(categories[c])).ToArray();
            var pos = y.Count(t => t);
            // Balanced class weights: a category on one post in ten counts as much as the posts without it.
            var wPos = pos == 0 ? 0 : n / (2.0 * pos);
            var wNeg = pos == n ? 0 : n / (2.0 * (n - pos));
            var x = new double[kept.Length + 1];
            double Loss(double[] w, double[] g)
            {
                Array.Clear(g);
                var loss = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var (cols, vals) = rows[i];
                    var z = w[^1];
                    for (var t = 0; t < cols.Length; t++) z += w[cols[t]] * vals[t];
                    var sw = y[i] ? wPos : wNeg;
                    // log(1 + e^-z) for a positive, log(1 + e^z) for a negative, written to stay finite.
                    var m = y[i] ? -z : z;
                    loss += sw * (m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m)));
                    var pr = 1 / (1 + Math.Exp(-z));
                    var d = sw * (pr - (y[i] ? 1 : 0));
                    for (var t = 0; t < cols.Length; t++) g[cols[t]] += d * vals[t];
                    g[^1] += d;
                }
                // The intercept is not penalised, as in scikit-learn.
                for (var j = 0; j < w.Length - 1; j++)
                {
                    loss += 0.5 * o.L2 * w[j] * w[j];
                    g[j] += o.L2 * w[j];
                }
                return loss;
            }
            var (value, iterations) = Trainer.Lbfgs(x, Loss, o.Iterations);
            log?.WriteLine($"  {name}: {categories[c]}: {pos} of {n} posts, loss {value:0.000} after {iterations} iterations");
            for (var j = 0; j < kept.Length; j++) weights[j * k + c] = (float)x[j];
            bias[c] = (float)x[^1];
        }
        return new CategoryModel(categories, o.Threshold, bias, kept, idf, weights);
    }
}
