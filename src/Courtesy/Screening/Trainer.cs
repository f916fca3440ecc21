using System.Globalization;
using System.Net;
using CsvHelper;
using CsvHelper.Configuration;

namespace Courtesy.Screening;

/// <summary>A labelled text; <paramref name="Votes"/> are the annotators' votes per class when known.</summary>
public sealed record LabelledText(string Text, int Label, float[]? Votes = null);

public sealed record ClassScores(double Precision, double Recall, double F1, int Support);

public sealed record TrainingReport(int Train, int Validation, int Test, float HateThreshold, IReadOnlyList<ClassScores> TestScores, double WeightedF1);

public sealed class TrainingOptions
{
    public int Seed { get; init; } = 20171;
    public int BucketBits { get; init; } = 18;
    public int Epochs { get; init; } = 8;
    /// <summary>Longest character n-gram (3 to 5), or 0 for word features only.</summary>
    public int MaxCharGram { get; init; } = 0;
    /// <summary>Hate terms whose presence is a shared feature (data/lexicons/hate-terms.txt); stored in the model.</summary>
    public IReadOnlyCollection<string> Lexicon { get; init; } = [];
    /// <summary>Train towards the annotators' vote shares instead of the majority class, where votes are known.</summary>
    public bool SoftLabels { get; init; }
    public float LearningRate { get; init; } = 0.1f;
    public float L2 { get; init; } = 1e-6f;
    /// <summary>Fraction held out for the reported test figures; never trained on or tuned on.</summary>
    public double TestFraction { get; init; } = 0.10;
    /// <summary>Fraction of the remainder used to tune the hate threshold.</summary>
    public double ValidationFraction { get; init; } = 0.10;
    /// <summary>Read only the first N rows (0 = all): for quick reproducibility checks.</summary>
    public int Limit { get; init; }
    /// <summary>Class weight = (n / (classes * n_class))^power: 0 ignores imbalance, 1 balances fully.</summary>
    public float ClassWeightPower { get; init; } = 0f;
}

/// <summary>Trains <see cref="LinearModel"/> with Adagrad on a fixed, seeded split. Everything is
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

    private struct ListSink(List<int> list) : LinearModel.IFeatureSink
    {
        public void Add(int bucket) => list.Add(bucket);
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

    public static (LinearModel Model, TrainingReport Report) Train(IReadOnlyList<LabelledText> data, TrainingOptions? options = null, TextWriter? log = null)
    {
        var o = options ?? new TrainingOptions();
        var model = new LinearModel(o.BucketBits, o.MaxCharGram);
        model.SetLexicon(o.Lexicon);
        var features = new int[data.Count][];
        var norm = new NormalizedText();
        for (var i = 0; i < data.Count; i++)
        {
            norm.Normalize(data[i].Text);
            var list = new List<int>(256);
            var sink = new ListSink(list);
            model.Features(norm.Span, ref sink);
            features[i] = list.ToArray();
        }
        var (train, validation, test) = Split(data.Count, o);

        // Class weights: each class contributes as if it were a third of the data, which lifts the
        // rare hate class without drowning the offensive one.
        var counts = new int[LinearModel.Classes];
        foreach (var i in train) counts[data[i].Label]++;
        var classWeight = new float[LinearModel.Classes];
        for (var k = 0; k < classWeight.Length; k++) classWeight[k] = counts[k] == 0 ? 0 : MathF.Pow(train.Length / (float)(LinearModel.Classes * counts[k]), o.ClassWeightPower);

        var g2 = new float[model.Weights.Length];
        var b2 = new float[LinearModel.Classes];
        var rng = new SplitMix((ulong)o.Seed ^ 0xA5A5A5A5UL);
        Span<float> p = stackalloc float[LinearModel.Classes];
        var order = (int[])train.Clone();
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            Shuffle(order, ref rng);
            double loss = 0;
            foreach (var i in order)
            {
                var f = features[i];
                var v = LinearModel.FeatureValue(f.Length);
                for (var k = 0; k < LinearModel.Classes; k++) p[k] = 0;
                foreach (var b in f)
                    for (var k = 0; k < LinearModel.Classes; k++) p[k] += model.Weights[b * LinearModel.Classes + k];
                for (var k = 0; k < LinearModel.Classes; k++) p[k] = model.Bias[k] + v * p[k];
                LinearModel.Softmax(p);
                var y = data[i].Label;
                var w = classWeight[y];
                var votes = o.SoftLabels ? data[i].Votes : null;
                var total = votes is null ? 0f : votes[0] + votes[1] + votes[2];
                loss -= w * Math.Log(Math.Max(p[y], 1e-9f));
                for (var k = 0; k < LinearModel.Classes; k++)
                {
                    var target = total > 0 ? votes![k] / total : k == y ? 1f : 0f;
                    var g = w * (p[k] - target);
                    if (g == 0) continue;
                    b2[k] += g * g;
                    model.Bias[k] -= o.LearningRate * g / (MathF.Sqrt(b2[k]) + 1e-6f);
                    foreach (var b in f)
                    {
                        var idx = b * LinearModel.Classes + k;
                        var gw = g * v + o.L2 * model.Weights[idx];
                        g2[idx] += gw * gw;
                        model.Weights[idx] -= o.LearningRate * gw / (MathF.Sqrt(g2[idx]) + 1e-6f);
                    }
                }
            }
            log?.WriteLine($"epoch {epoch + 1}/{o.Epochs}: weighted log loss {loss / order.Length:0.0000}");
        }

        // Round-trip through the stored precision before tuning, so the thresholds fit the saved weights.
        using (var ms = new MemoryStream())
        {
            model.Save(ms);
            ms.Position = 0;
            model = LinearModel.Load(ms);
        }
        var probs = new float[data.Count][];
        foreach (var i in validation.Concat(test))
        {
            norm.Normalize(data[i].Text);
            var q = new float[LinearModel.Classes];
            model.Probabilities(norm.Span, q);
            probs[i] = q;
        }
        var best = 0.5f;
        var bestF1 = -1.0;
        for (var t = 0.10f; t <= 0.90f; t += 0.02f)
        {
            var f1 = Score(validation, data, probs, t)[LinearModel.Hate].F1;
            if (f1 > bestF1 + 1e-9) { bestF1 = f1; best = MathF.Round(t, 2); }
        }
        model.HateThreshold = best;
        var scores = Score(test, data, probs, best);
        var weighted = scores.Sum(s => s.F1 * s.Support) / Math.Max(1, scores.Sum(s => s.Support));
        return (model, new TrainingReport(train.Length, validation.Length, test.Length, best, scores, weighted));
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
            var predicted = q[LinearModel.Hate] >= hateThreshold ? LinearModel.Hate : q[LinearModel.Offensive] >= q[LinearModel.Neither] ? LinearModel.Offensive : LinearModel.Neither;
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
