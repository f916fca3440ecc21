using System.Globalization;
using System.Net;
using CsvHelper;
using CsvHelper.Configuration;

namespace Courtesy.Screening;

/// <summary>A labelled text; <paramref name="Votes"/> are the annotators' votes per class when known.</summary>
public sealed record LabelledText(string Text, int Label, float[]? Votes = null);

/// <summary>Out-of-fold figures on the school posts alone, which sit in the training split only.</summary>
public sealed record SchoolPostReport(int Count, IReadOnlyList<int> PerClass, IReadOnlyList<ClassScores>? CrossValidationScores);

public sealed record ClassScores(double Precision, double Recall, double F1, int Support);

public sealed record TrainingReport(int Train, int Validation, int Test, float HateThreshold, IReadOnlyList<ClassScores> TestScores, double WeightedF1,
    int Folds = 0, float CrossValidationThreshold = 0, IReadOnlyList<ClassScores>? CrossValidationScores = null, SchoolPostReport? SchoolPosts = null);

public sealed class TrainingOptions
{
    public int Seed { get; init; } = 20171;
    public int BucketBits { get; init; } = 19;
    /// <summary>Longest character n-gram (3 to 5), or 0 for word features only.</summary>
    public int MaxCharGram { get; init; } = 5;
    /// <summary>Longest word n-gram (1 to 3).</summary>
    public int MaxWordGram { get; init; } = 3;
    /// <summary>Hate terms whose count is a feature (data/lexicons/hate-terms.txt); stored in the model.</summary>
    public IReadOnlyCollection<string> Lexicon { get; init; } = [];
    /// <summary>Train towards the annotators' vote shares instead of the majority class, where votes are known.</summary>
    public bool SoftLabels { get; init; }
    /// <summary>L2 penalty on the summed log loss (scikit-learn's 1/C): 2 was best in 5-fold cross-validation of 0.5 to 16.</summary>
    public float L2 { get; init; } = 2f;
    /// <summary>Most L-BFGS iterations per fit.</summary>
    public int Iterations { get; init; } = 300;
    /// <summary>A bucket seen in fewer training texts than this is dropped (as TfidfVectorizer's min_df).</summary>
    public int MinDocumentFrequency { get; init; } = 2;
    /// <summary>Cross-validation folds over the training split, reported beside the held-out figures (0 = none).</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Fraction held out for the reported test figures; never trained on or tuned on.</summary>
    public double TestFraction { get; init; } = 0.10;
    /// <summary>Fraction of the remainder used to tune the hate threshold.</summary>
    public double ValidationFraction { get; init; } = 0.10;
    /// <summary>Read only the first N rows (0 = all): for quick reproducibility checks.</summary>
    public int Limit { get; init; }
    /// <summary>Class weight = (n / (classes * n_class))^power: 0 ignores imbalance, 1 balances fully.</summary>
    public float ClassWeightPower { get; init; } = 0f;
    /// <summary>Sample weight of each school post against a tweet's 1.</summary>
    public float SchoolPostWeight { get; init; } = 1f;
    /// <summary>
    /// L2 penalty (liblinear's 1/C) of a hate-against-the-rest linear SVM (squared hinge) whose score, scaled by
    /// a slope and offset fitted in-sample against the softmax's other two logits, replaces the softmax's hate
    /// column; 0 (the default, the shipped model) keeps the plain softmax. Opt-in only: at 20 (C = 0.05, best in
    /// 5-fold cross-validation of 0.01 to 1) the CV hate F1 rose from 0.458 to 0.470, short of the +0.02 asked of a change.
    /// </summary>
    public float HateSvmL2 { get; init; }
}

/// <summary>Trains <see cref="LinearModel"/> by L-BFGS on a fixed, seeded split. Everything is
/// sequential and seeded, so the same data and options give the same bytes.</summary>
public static class Trainer
{
    /// <summary>One folded word a line; '#' starts a comment.</summary>
    public static IReadOnlyList<string> ReadLexicon(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => ScreeningEngine.Fold(l.Trim())).Where(l => l.Length > 0).Distinct().ToList();

    /// <summary>Davidson et al. labeled_data.csv: class 0 hate, 1 offensive, 2 neither; tweet text with HTML entities.</summary>
    public static List<LabelledText> ReadDavidson(string path, int limit = 0)
    {
        var rows = new List<LabelledText>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var label = csv.GetField<int>("class");
            var tweet = WebUtility.HtmlDecode(csv.GetField("tweet") ?? "");
            float[] votes = [csv.GetField<float>("hate_speech"), csv.GetField<float>("offensive_language"), csv.GetField<float>("neither")];
            rows.Add(new LabelledText(tweet, label, votes));
            if (limit > 0 && rows.Count >= limit) break;
        }
        return rows;
    }

    /// <summary>The class a labelled school post teaches: racist-comment is hate; otherwise a
    /// negative-or-offensive comment or obscene content is offensive; anything else is neither,
    /// since a complaint or a named pupil is not offensive language.</summary>
    public static int SchoolPostClass(IReadOnlyCollection<string> labels) =>
        labels.Contains(Policies.Categories.RacistComment) ? LinearModel.Hate
        : labels.Contains(Policies.Categories.NegativeOrOffensiveComment) || labels.Contains(Policies.Categories.ObsceneContent) ? LinearModel.Offensive
        : LinearModel.Neither;

    /// <summary>The posts.jsonl of a labelled set folder (e.g. shared/eval/dev), in file order.</summary>
    public static List<LabelledText> ReadSchoolPosts(string directory) =>
        PostJson.Load(Path.Combine(directory, "posts.jsonl")).Select(p => new LabelledText(p.Text, SchoolPostClass(p.Labels))).ToList();

    /// <summary>SplitMix64: a fixed generator, so the split does not depend on the runtime's Random.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _s = seed;
        public ulong Next()
        {
            var z = _s += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        public int Below(int n) => (int)(Next() % (ulong)n);
    }

    private static void Shuffle(int[] a, ref SplitMix rng)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = rng.Below(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>Splits <paramref name="data"/> into test, validation and train by seed; returns the indices.</summary>
    public static (int[] Train, int[] Validation, int[] Test) Split(int count, TrainingOptions o)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var rng = new SplitMix((ulong)o.Seed);
        Shuffle(order, ref rng);
        var test = (int)Math.Round(count * o.TestFraction);
        var validation = (int)Math.Round((count - test) * o.ValidationFraction);
        return (order[(test + validation)..], order[test..(test + validation)], order[..test]);
    }

    /// <summary>A text's distinct buckets with their counts, word n-grams first, and its lexicon hits.</summary>
    private sealed class Doc(int[] buckets, int[] counts, int words, int lexiconHits)
    {
        public readonly int[] Buckets = buckets, Counts = counts;
        public readonly int Words = words, LexiconHits = lexiconHits;
    }

    private static Doc Featurize(ReadOnlySpan<char> folded, LinearModel shape, char[] clean, ref LinearModel.BufferSink sink)
    {
        var n = LinearModel.Clean(folded, clean);
        sink.WordCount = 0; sink.CharCount = 0;
        var hits = LinearModel.Features(clean.AsSpan(0, n), shape.Mask, shape.MaxWordGram, shape.MaxCharGram, (HashSet<string>)shape.Lexicon, ref sink);
        var words = Distinct(sink.Words.AsSpan(0, sink.WordCount), out var wc);
        var chars = Distinct(sink.Chars.AsSpan(0, sink.CharCount), out var cc);
        return new Doc([.. words, .. chars], [.. wc, .. cc], words.Length, hits);
    }

    private static int[] Distinct(Span<int> buckets, out int[] counts)
    {
        buckets.Sort();
        var b = new List<int>(buckets.Length);
        var c = new List<int>(buckets.Length);
        for (var i = 0; i < buckets.Length; i++)
        {
            if (b.Count > 0 && b[^1] == buckets[i]) c[^1]++;
            else { b.Add(buckets[i]); c.Add(1); }
        }
        counts = [.. c];
        return [.. b];
    }

    /// <summary>Splits <paramref name="davidson"/> by seed and fits on its training part plus
    /// <paramref name="schoolPosts"/>, which join the training part (and the folds) only, after the
    /// tweets in the order given: the validation and test tweets stay exactly those of a run without them.</summary>
    public static (LinearModel Model, TrainingReport Report) Train(IReadOnlyList<LabelledText> davidson, TrainingOptions? options = null, TextWriter? log = null, IReadOnlyList<LabelledText>? schoolPosts = null)
    {
        var o = options ?? new TrainingOptions();
        var school = schoolPosts ?? [];
        var data = davidson.Concat(school).ToList();
        var schoolRows = Enumerable.Range(davidson.Count, school.Count).ToArray();
        var sampleWeight = new float[data.Count];
        for (var i = 0; i < data.Count; i++) sampleWeight[i] = i < davidson.Count ? 1f : o.SchoolPostWeight;
        var shape = new LinearModel(o.BucketBits, o.MaxCharGram, o.MaxWordGram);
        shape.SetLexicon(o.Lexicon);
        var docs = new Doc[data.Count];
        var norm = new NormalizedText();
        var clean = new char[LinearModel.CleanCapacity];
        var sink = new LinearModel.BufferSink { Words = new int[1024], Chars = new int[4096] };
        for (var i = 0; i < data.Count; i++)
        {
            norm.Normalize(data[i].Text);
            docs[i] = Featurize(norm.Span, shape, clean, ref sink);
        }
        var (davidsonTrain, validation, test) = Split(davidson.Count, o);
        int[] train = [.. davidsonTrain, .. schoolRows];

        // Cross-validation on the training split alone: the figure to choose settings by, since the
        // held-out split has only about 140 hate tweets and must not be tuned on.
        float cvThreshold = 0;
        ClassScores[]? cvScores = null, schoolCvScores = null;
        var folds = o.Folds >= 2 && train.Length >= o.Folds * 10 ? o.Folds : 0;
        if (folds > 0)
        {
            var order = (int[])train.Clone();
            var rng = new SplitMix((ulong)o.Seed ^ 0xC0FFEEUL);
            Shuffle(order, ref rng);
            var oof = new float[data.Count][];
            for (var f = 0; f < folds; f++)
            {
                var fitRows = order.Where((_, k) => k % folds != f).ToArray();
                var heldRows = order.Where((_, k) => k % folds == f).ToArray();
                var m = Fit(data, docs, sampleWeight, fitRows, shape, o, log, $"fold {f + 1}/{folds}");
                foreach (var i in heldRows) oof[i] = Probabilities(m, data[i].Text, norm);
            }
            // Threshold and figures on the tweets alone, so they compare with runs without school posts.
            var tweets = order.Where(i => i < davidson.Count).ToArray();
            cvThreshold = TuneThreshold(tweets, data, oof);
            cvScores = Score(tweets, data, oof, cvThreshold);
            if (schoolRows.Length > 0) schoolCvScores = Score(schoolRows, data, oof, cvThreshold);
        }

        var model = Fit(data, docs, sampleWeight, train, shape, o, log, "final");
        var probs = new float[data.Count][];
        foreach (var i in validation.Concat(test)) probs[i] = Probabilities(model, data[i].Text, norm);
        model.HateThreshold = TuneThreshold(validation, data, probs);
        var scores = Score(test, data, probs, model.HateThreshold);
        var weighted = scores.Sum(s => s.F1 * s.Support) / Math.Max(1, scores.Sum(s => s.Support));
        var perClass = new int[LinearModel.Classes];
        foreach (var p in school) perClass[p.Label]++;
        var schoolReport = school.Count == 0 ? null : new SchoolPostReport(school.Count, perClass, schoolCvScores);
        return (model, new TrainingReport(train.Length, validation.Length, test.Length, model.HateThreshold, scores, weighted, folds, cvThreshold, cvScores, schoolReport));
    }

    private static float[] Probabilities(LinearModel model, string text, NormalizedText norm)
    {
        norm.Normalize(text);
        var q = new float[LinearModel.Classes];
        model.Probabilities(norm.Span, q);
        return q;
    }

    /// <summary>The p(hate) cut-off, in steps of 0.02, with the best hate F1 on <paramref name="rows"/>.</summary>
    private static float TuneThreshold(int[] rows, IReadOnlyList<LabelledText> data, float[][] probs)
    {
        var best = 0.5f;
        var bestF1 = -1.0;
        for (var step = 5; step <= 45; step++)
        {
            var t = step / 50f;
            var f1 = Score(rows, data, probs, t)[LinearModel.Hate].F1;
            if (f1 > bestF1 + 1e-9) { bestF1 = f1; best = t; }
        }
        return best;
    }

    /// <summary>Fits a model on <paramref name="rows"/>: IDF from those rows, then multinomial logistic
    /// regression with an L2 penalty by L-BFGS over the buckets the rows use.</summary>
    private static LinearModel Fit(IReadOnlyList<LabelledText> data, Doc[] docs, float[] sampleWeight, int[] rows, LinearModel shape, TrainingOptions o, TextWriter? log, string name)
    {
        const int C = LinearModel.Classes;
        var model = new LinearModel(shape.BucketBits, shape.MaxCharGram, shape.MaxWordGram);
        model.SetLexicon(shape.Lexicon);
        var df = new int[model.Idf.Length];
        foreach (var i in rows)
        {
            var b = docs[i].Buckets;
            // A bucket can hold both a word and a character n-gram of one text; count the text once.
            for (var k = 0; k < b.Length; k++)
                if (k == 0 || k == docs[i].Words || b[k] != b[k - 1]) df[b[k]]++;
        }
        // Smoothed IDF as scikit-learn's, rounded to the stored precision so training sees what prediction will.
        var active = new int[model.Idf.Length];
        var activeCount = 0;
        for (var b = 0; b < df.Length; b++)
        {
            if (df[b] < o.MinDocumentFrequency || df[b] == 0) { active[b] = -1; continue; }
            model.Idf[b] = (float)(Half)(MathF.Log((1f + rows.Length) / (1f + df[b])) + 1f);
            active[b] = activeCount++;
        }

        // The training matrix over active buckets, each block L2-normalised as at prediction time.
        var start = new int[rows.Length + 1];
        var cols = new List<int>();
        var vals = new List<float>();
        var extra = new float[rows.Length * LinearModel.Extras];
        for (var r = 0; r < rows.Length; r++)
        {
            var d = docs[rows[r]];
            start[r] = cols.Count;
            AddBlock(d, 0, d.Words, model.Idf, active, cols, vals);
            AddBlock(d, d.Words, d.Buckets.Length, model.Idf, active, cols, vals);
            if (d.LexiconHits > 0) { extra[r * 2] = LinearModel.LexiconCount(d.LexiconHits); extra[r * 2 + 1] = 1; }
        }
        start[rows.Length] = cols.Count;
        var colArr = cols.ToArray();
        var valArr = vals.ToArray();

        var counts = new int[C];
        foreach (var i in rows) counts[data[i].Label]++;
        var classWeight = new double[C];
        for (var k = 0; k < C; k++) classWeight[k] = counts[k] == 0 ? 0 : Math.Pow(rows.Length / (double)(C * counts[k]), o.ClassWeightPower);
        var targets = new double[rows.Length * C];
        var weights = new double[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = data[rows[r]];
            weights[r] = classWeight[row.Label] * sampleWeight[rows[r]];
            var votes = o.SoftLabels ? row.Votes : null;
            var total = votes is null ? 0f : votes[0] + votes[1] + votes[2];
            for (var k = 0; k < C; k++) targets[r * C + k] = total > 0 ? votes![k] / total : k == row.Label ? 1 : 0;
        }

        // Parameters: active buckets x classes, then the lexicon features, then the biases (not penalised).
        var nw = (activeCount + LinearModel.Extras) * C;
        var x = new double[nw + C];
        double Evaluate(double[] w, double[] g)
        {
            Array.Clear(g);
            double loss = 0;
            Span<double> z = stackalloc double[C];
            Span<double> diff = stackalloc double[C];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var k = 0; k < C; k++) z[k] = w[nw + k];
                for (var e = 0; e < LinearModel.Extras; e++)
                    if (extra[r * 2 + e] != 0)
                        for (var k = 0; k < C; k++) z[k] += extra[r * 2 + e] * w[(activeCount + e) * C + k];
                for (var j = start[r]; j < start[r + 1]; j++)
                {
                    var c = colArr[j] * C;
                    var v = valArr[j];
                    z[0] += v * w[c]; z[1] += v * w[c + 1]; z[2] += v * w[c + 2];
                }
                var max = Math.Max(z[0], Math.Max(z[1], z[2]));
                var sum = 0.0;
                for (var k = 0; k < C; k++) sum += Math.Exp(z[k] - max);
                var logSum = max + Math.Log(sum);
                for (var k = 0; k < C; k++)
                {
                    var t = targets[r * C + k];
                    if (t > 0) loss -= weights[r] * t * (z[k] - logSum);
                    diff[k] = weights[r] * (Math.Exp(z[k] - logSum) - t);
                    g[nw + k] += diff[k];
                }
                for (var e = 0; e < LinearModel.Extras; e++)
                    if (extra[r * 2 + e] != 0)
                        for (var k = 0; k < C; k++) g[(activeCount + e) * C + k] += extra[r * 2 + e] * diff[k];
                for (var j = start[r]; j < start[r + 1]; j++)
                {
                    var c = colArr[j] * C;
                    var v = valArr[j];
                    g[c] += v * diff[0]; g[c + 1] += v * diff[1]; g[c + 2] += v * diff[2];
                }
            }
            for (var k = 0; k < nw; k++) { loss += 0.5 * o.L2 * w[k] * w[k]; g[k] += o.L2 * w[k]; }
            return loss;
        }
        var (fx, iterations) = Lbfgs(x, Evaluate, o.Iterations);
        log?.WriteLine($"{name}: {rows.Length} texts, {activeCount} buckets in use, {iterations} L-BFGS iterations, objective {fx / rows.Length:0.0000} per text");

        for (var b = 0; b < active.Length; b++)
            if (active[b] >= 0)
                for (var k = 0; k < C; k++) model.Weights[b * C + k] = (float)x[active[b] * C + k];
        for (var k = 0; k < LinearModel.Extras * C; k++) model.ExtraWeights[k] = (float)x[activeCount * C + k];
        for (var k = 0; k < C; k++) model.Bias[k] = (float)x[nw + k];
        if (o.HateSvmL2 > 0) FitHateSvm(model, x, active, activeCount, rows.Length, start, colArr, valArr, extra, targets, weights, o, log, name);
        // Round-trip through the stored precision, so thresholds are tuned on the weights that are saved.
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        return LinearModel.Load(ms);
    }

    /// <summary>
    /// Replaces the hate column of a fitted softmax (<paramref name="x"/>: active buckets x classes, then the extras,
    /// then the biases) by a hate-against-the-rest linear SVM: squared hinge loss plus an L2 penalty on every weight
    /// and the bias, as liblinear's default (scikit-learn's LinearSVC), fitted by L-BFGS; then a slope a and an
    /// offset c so that a * score + c, beside the softmax's own offensive and neither logits, maximises the training
    /// texts' three-class likelihood (Newton's method; two numbers). Prediction is unchanged: the hate column is
    /// a * weights, its bias a * bias + c.
    /// </summary>
    private static void FitHateSvm(LinearModel model, double[] x, int[] active, int activeCount, int n, int[] start, int[] colArr, float[] valArr, float[] extra,
        double[] targets, double[] weights, TrainingOptions o, TextWriter? log, string name)
    {
        const int C = LinearModel.Classes;
        var nf = activeCount + LinearModel.Extras;
        var sign = new double[n];
        for (var r = 0; r < n; r++) sign[r] = targets[r * C + LinearModel.Hate] >= 0.5 ? 1 : -1;
        double Score(double[] w, int r)
        {
            var z = w[nf];
            for (var e = 0; e < LinearModel.Extras; e++) z += extra[r * 2 + e] * w[activeCount + e];
            for (var j = start[r]; j < start[r + 1]; j++) z += valArr[j] * w[colArr[j]];
            return z;
        }
        double Evaluate(double[] w, double[] g)
        {
            Array.Clear(g);
            double loss = 0;
            for (var r = 0; r < n; r++)
            {
                var margin = 1 - sign[r] * Score(w, r);
                if (margin <= 0) continue;
                loss += weights[r] * margin * margin;
                var d = -2 * weights[r] * sign[r] * margin;
                g[nf] += d;
                for (var e = 0; e < LinearModel.Extras; e++) g[activeCount + e] += extra[r * 2 + e] * d;
                for (var j = start[r]; j < start[r + 1]; j++) g[colArr[j]] += valArr[j] * d;
            }
            for (var k = 0; k <= nf; k++) { loss += 0.5 * o.HateSvmL2 * w[k] * w[k]; g[k] += o.HateSvmL2 * w[k]; }
            return loss;
        }
        var sv = new double[nf + 1];
        var (fx, iterations) = Lbfgs(sv, Evaluate, o.Iterations);

        // The softmax's offensive and neither logits and the SVM's score for every training text.
        var nw = nf * C;
        var score = new double[n];
        var rest = new double[n];
        for (var r = 0; r < n; r++)
        {
            score[r] = Score(sv, r);
            double zo = x[nw + LinearModel.Offensive], zn = x[nw + LinearModel.Neither];
            for (var e = 0; e < LinearModel.Extras; e++)
            {
                zo += extra[r * 2 + e] * x[(activeCount + e) * C + LinearModel.Offensive];
                zn += extra[r * 2 + e] * x[(activeCount + e) * C + LinearModel.Neither];
            }
            for (var j = start[r]; j < start[r + 1]; j++)
            {
                zo += valArr[j] * x[colArr[j] * C + LinearModel.Offensive];
                zn += valArr[j] * x[colArr[j] * C + LinearModel.Neither];
            }
            rest[r] = Math.Max(zo, zn) + Math.Log(Math.Exp(zo - Math.Max(zo, zn)) + Math.Exp(zn - Math.Max(zo, zn)));
        }
        double Nll(double a, double c)
        {
            double l = 0;
            for (var r = 0; r < n; r++)
            {
                var zh = a * score[r] + c;
                var m = Math.Max(zh, rest[r]);
                var lse = m + Math.Log(Math.Exp(zh - m) + Math.Exp(rest[r] - m));
                var t = targets[r * C + LinearModel.Hate];
                l -= weights[r] * (t * zh + (1 - t) * rest[r] - lse);
            }
            return l;
        }
        // Newton's method on (a, c); the likelihood is concave in them, the step is halved until it improves.
        double slope = 1, offset = 0, value = Nll(slope, offset);
        for (var it = 0; it < 100; it++)
        {
            double ga = 0, gc = 0, haa = 0, hac = 0, hcc = 0;
            for (var r = 0; r < n; r++)
            {
                var zh = slope * score[r] + offset;
                var p = 1 / (1 + Math.Exp(rest[r] - zh));
                var d = weights[r] * (p - targets[r * C + LinearModel.Hate]);
                var h = weights[r] * p * (1 - p);
                ga += d * score[r]; gc += d;
                haa += h * score[r] * score[r]; hac += h * score[r]; hcc += h;
            }
            var det = haa * hcc - hac * hac;
            if (det <= 1e-12) break;
            var da = (hcc * ga - hac * gc) / det;
            var dc = (haa * gc - hac * ga) / det;
            var step = 1.0;
            var improved = false;
            for (var tries = 0; tries < 30; tries++, step *= 0.5)
            {
                var v = Nll(slope - step * da, offset - step * dc);
                if (v <= value) { improved = value - v > 1e-10 * Math.Max(1, Math.Abs(value)); slope -= step * da; offset -= step * dc; value = v; break; }
            }
            if (!improved) break;
        }
        log?.WriteLine($"{name}: hate SVM {iterations} L-BFGS iterations, objective {fx:0.000}; hate logit = {slope:0.000} x score + {offset:0.000}");

        for (var b = 0; b < active.Length; b++)
            if (active[b] >= 0) model.Weights[b * C + LinearModel.Hate] = (float)(slope * sv[active[b]]);
        for (var e = 0; e < LinearModel.Extras; e++) model.ExtraWeights[e * C + LinearModel.Hate] = (float)(slope * sv[activeCount + e]);
        model.Bias[LinearModel.Hate] = (float)(slope * sv[nf] + offset);
    }

    private static void AddBlock(Doc d, int from, int to, float[] idf, int[] active, List<int> cols, List<float> vals)
    {
        var first = cols.Count;
        var norm = 0f;
        for (var k = from; k < to; k++)
        {
            var b = d.Buckets[k];
            if (active[b] < 0) continue;
            var v = LinearModel.TermWeight(d.Counts[k]) * idf[b];
            norm += v * v;
            cols.Add(active[b]);
            vals.Add(v);
        }
        if (norm == 0) return;
        var scale = 1f / MathF.Sqrt(norm);
        for (var k = first; k < cols.Count; k++) vals[k] *= scale;
    }

    /// <summary>Limited-memory BFGS (10 pairs) with a backtracking Armijo line search; minimises
    /// <paramref name="f"/> from <paramref name="x"/> in place. Sequential, so the result is the same
    /// bytes on every run.</summary>
    internal static (double Value, int Iterations) Lbfgs(double[] x, Func<double[], double[], double> f, int maxIterations)
    {
        const int m = 10;
        var n = x.Length;
        var g = new double[n];
        var fx = f(x, g);
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alpha = new double[m];
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var stored = 0;
        var head = 0;
        var iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            // Two-loop recursion: d = -H g.
            for (var i = 0; i < n; i++) d[i] = -g[i];
            for (var k = 0; k < stored; k++)
            {
                var j = (head - 1 - k + m) % m;
                alpha[j] = rho[j] * Dot(s[j], d);
                Axpy(-alpha[j], y[j], d);
            }
            if (stored > 0)
            {
                var j = (head - 1 + m) % m;
                var gamma = Dot(s[j], y[j]) / Dot(y[j], y[j]);
                for (var i = 0; i < n; i++) d[i] *= gamma;
            }
            for (var k = stored - 1; k >= 0; k--)
            {
                var j = (head - 1 - k + m) % m;
                var beta = rho[j] * Dot(y[j], d);
                Axpy(alpha[j] - beta, s[j], d);
            }
            var slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction: start again from steepest descent.
                stored = 0;
                for (var i = 0; i < n; i++) d[i] = -g[i];
                slope = Dot(g, d);
            }
            var step = stored == 0 ? 1.0 / Math.Max(1e-12, Math.Sqrt(-slope)) : 1.0;
            double fNew;
            var tries = 0;
            while (true)
            {
                for (var i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries >= 30) break;
                step *= 0.5;
            }
            if (tries >= 30) break;
            var slot = s[head] ??= new double[n];
            var yslot = y[head] ??= new double[n];
            for (var i = 0; i < n; i++) { slot[i] = xNew[i] - x[i]; yslot[i] = gNew[i] - g[i]; }
            var sy = Dot(slot, yslot);
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            var decrease = fx - fNew;
            fx = fNew;
            if (sy > 1e-12)
            {
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.Min(stored + 1, m);
            }
            if (decrease <= 1e-9 * Math.Max(1, Math.Abs(fx))) { iteration++; break; }
        }
        return (fx, iteration);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static ClassScores[] Score(int[] rows, IReadOnlyList<LabelledText> data, float[][] probs, float hateThreshold)
    {
        var tp = new int[LinearModel.Classes];
        var fp = new int[LinearModel.Classes];
        var fn = new int[LinearModel.Classes];
        var support = new int[LinearModel.Classes];
        foreach (var i in rows)
        {
            var q = probs[i];
            var predicted = LinearModel.Decide(q, hateThreshold);
            var y = data[i].Label;
            support[y]++;
            if (predicted == y) tp[y]++;
            else { fp[predicted]++; fn[y]++; }
        }
        var result = new ClassScores[LinearModel.Classes];
        for (var k = 0; k < result.Length; k++)
        {
            var precision = tp[k] + fp[k] == 0 ? 0 : tp[k] / (double)(tp[k] + fp[k]);
            var recall = tp[k] + fn[k] == 0 ? 0 : tp[k] / (double)(tp[k] + fn[k]);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result[k] = new ClassScores(precision, recall, f1, support[k]);
        }
        return result;
    }
}
