using System.Buffers.Binary;

namespace Courtesy.Screening;

/// <summary>
/// Multinomial logistic regression over hashed features of folded text: word unigrams and bigrams
/// and character 3- to 5-grams. Classes follow Davidson et al.: 0 hate speech, 1 offensive
/// language, 2 neither. Weights are stored as half-precision floats, interleaved by bucket so one
/// feature costs one cache line.
/// </summary>
public sealed class LinearModel
{
    public const int Classes = 3;
    public const int Hate = 0, Offensive = 1, Neither = 2;
    private const uint Magic = 0x4D4C5443; // "CTLM"
    private const int Version = 2;
    /// <summary>How many copies of the shared lexicon feature a hate term adds: a prior the weights can build on.</summary>
    private const int LexiconRepeat = 2;
    /// <summary>Prediction reads at most this much folded text, so a 1 MB post costs no more than a long one.</summary>
    public const int MaxFeatureChars = 4096;

    internal readonly float[] Weights; // [bucket * Classes + class]
    internal readonly float[] Bias = new float[Classes];
    public int BucketBits { get; }
    /// <summary>Longest character n-gram used (3 to 5), or 0 for words and word pairs only.</summary>
    public int MaxCharGram { get; }
    internal int Mask => (1 << BucketBits) - 1;
    /// <summary>p(hate) at or above this counts as hate speech (tuned on a validation split at training time).</summary>
    public float HateThreshold { get; internal set; } = 0.5f;
    /// <summary>p(hate) + p(offensive) at or above this counts as offensive in the engine. High on purpose:
    /// the model learnt from tweets, and on parents' posts it scores ordinary chat at 0.6-0.9, so it
    /// only backs up the rules when it is nearly certain.</summary>
    public float OffensiveThreshold { get; internal set; } = 0.95f;

    public LinearModel(int bucketBits, int maxCharGram = 5)
    {
        if (bucketBits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        if (maxCharGram is not (0 or 3 or 4 or 5)) throw new ArgumentOutOfRangeException(nameof(maxCharGram));
        BucketBits = bucketBits;
        MaxCharGram = maxCharGram;
        Weights = new float[(1 << bucketBits) * Classes];
    }

    /// <summary>Calls <paramref name="sink"/> with the bucket of every feature of folded text.</summary>
    /// <summary>Hate terms (folded words) stored with the model; each one in a text adds a shared feature.</summary>
    public IReadOnlySet<string> Lexicon => _lexicon;
    private HashSet<string> _lexicon = new(StringComparer.Ordinal);

    internal void SetLexicon(IEnumerable<string> terms) => _lexicon = new HashSet<string>(terms, StringComparer.Ordinal);

    internal void Features<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IFeatureSink =>
        Features(text, Mask, MaxCharGram, _lexicon, ref sink);

    internal static void Features<TSink>(ReadOnlySpan<char> text, int mask, int maxCharGram, HashSet<string> lexicon, ref TSink sink) where TSink : struct, IFeatureSink
    {
        var lookup = lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        var useLexicon = lexicon.Count > 0;
        if (text.Length > MaxFeatureChars) text = text[..MaxFeatureChars];
        uint prevWord = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length) break;
            var start = i;
            var h = 2166136261u;
            while (i < text.Length && text[i] != ' ') { h = (h ^ text[i]) * 16777619u; i++; }
            sink.Add((int)(Mix(h, 1) & (uint)mask));
            if (useLexicon && lookup.Contains(text[start..i]))
                for (var r = 0; r < LexiconRepeat; r++) sink.Add((int)(Mix(0x5EED0000u + (uint)r, 7) & (uint)mask));
            if (prevWord != 0) sink.Add((int)(Mix(prevWord * 0x9E3779B1u + h, 2) & (uint)mask));
            prevWord = h | 1;
        }
        for (var p = 0; maxCharGram >= 3 && p + 3 <= text.Length; p++)
        {
            var h = 2166136261u;
            for (var k = 0; k < maxCharGram && p + k < text.Length; k++)
            {
                h = (h ^ text[p + k]) * 16777619u;
                if (k >= 2) sink.Add((int)(Mix(h, (uint)(10 + k)) & (uint)mask));
            }
        }
    }

    private static uint Mix(uint h, uint kind)
    {
        h ^= kind * 0x85EBCA6Bu;
        h ^= h >> 16; h *= 0x7FEB352Du; h ^= h >> 15; h *= 0x846CA68Bu; h ^= h >> 16;
        return h;
    }

    internal interface IFeatureSink { void Add(int bucket); }

    private struct ScoreSink(float[] weights) : IFeatureSink
    {
        public float S0, S1, S2;
        public int N;
        public void Add(int bucket)
        {
            var b = bucket * Classes;
            S0 += weights[b]; S1 += weights[b + 1]; S2 += weights[b + 2];
            N++;
        }
    }

    /// <summary>Every feature of a text weighs 1/sqrt(n), so long and short texts score on one scale.</summary>
    internal static float FeatureValue(int count) => count == 0 ? 0 : 1f / MathF.Sqrt(count);

    /// <summary>Class probabilities for folded text (see <see cref="NormalizedText"/>).</summary>
    public (float Hate, float Offensive) Predict(ReadOnlySpan<char> folded)
    {
        Span<float> p = stackalloc float[Classes];
        Probabilities(folded, p);
        return (p[Hate], p[Offensive]);
    }

    public void Probabilities(ReadOnlySpan<char> folded, Span<float> p)
    {
        var sink = new ScoreSink(Weights);
        Features(folded, ref sink);
        var v = FeatureValue(sink.N);
        p[0] = Bias[0] + v * sink.S0; p[1] = Bias[1] + v * sink.S1; p[2] = Bias[2] + v * sink.S2;
        Softmax(p);
    }

    internal static void Softmax(Span<float> z)
    {
        var max = MathF.Max(z[0], MathF.Max(z[1], z[2]));
        var sum = 0f;
        for (var k = 0; k < z.Length; k++) { z[k] = MathF.Exp(z[k] - max); sum += z[k]; }
        for (var k = 0; k < z.Length; k++) z[k] /= sum;
    }

    /// <summary>The class Davidson's evaluation counts: hate when p(hate) clears the tuned threshold, else the larger of the other two.</summary>
    public int Classify(ReadOnlySpan<char> folded)
    {
        Span<float> p = stackalloc float[Classes];
        Probabilities(folded, p);
        if (p[Hate] >= HateThreshold) return Hate;
        return p[Offensive] >= p[Neither] ? Offensive : Neither;
    }

    public void Save(Stream stream)
    {
        var header = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), BucketBits);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), Classes);
        BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(16), HateThreshold);
        BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(20), OffensiveThreshold);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), MaxCharGram);
        stream.Write(header);
        var buf = new byte[(Bias.Length + Weights.Length) * 2];
        var o = 0;
        foreach (var w in Bias) { BinaryPrimitives.WriteHalfLittleEndian(buf.AsSpan(o), (Half)w); o += 2; }
        foreach (var w in Weights) { BinaryPrimitives.WriteHalfLittleEndian(buf.AsSpan(o), (Half)w); o += 2; }
        stream.Write(buf);
        var terms = _lexicon.Order(StringComparer.Ordinal).ToArray();
        var count = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, terms.Length);
        stream.Write(count);
        foreach (var term in terms)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(term);
            stream.WriteByte((byte)Math.Min(bytes.Length, 255));
            stream.Write(bytes, 0, Math.Min(bytes.Length, 255));
        }
    }

    public static LinearModel Load(Stream stream)
    {
        var header = new byte[32];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic) throw new InvalidDataException("not a Courtesy linear model (bad magic)");
        if (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4)) != Version) throw new InvalidDataException("unsupported model version");
        var bits = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) != Classes) throw new InvalidDataException("unexpected class count");
        var model = new LinearModel(bits, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24)))
        {
            HateThreshold = BinaryPrimitives.ReadSingleLittleEndian(header.AsSpan(16)),
            OffensiveThreshold = BinaryPrimitives.ReadSingleLittleEndian(header.AsSpan(20)),
        };
        var buf = new byte[(model.Bias.Length + model.Weights.Length) * 2];
        stream.ReadExactly(buf);
        var o = 0;
        for (var k = 0; k < model.Bias.Length; k++, o += 2) model.Bias[k] = (float)BinaryPrimitives.ReadHalfLittleEndian(buf.AsSpan(o));
        for (var k = 0; k < model.Weights.Length; k++, o += 2) model.Weights[k] = (float)BinaryPrimitives.ReadHalfLittleEndian(buf.AsSpan(o));
        var count = new byte[4];
        stream.ReadExactly(count);
        var n = BinaryPrimitives.ReadInt32LittleEndian(count);
        if (n is < 0 or > 1_000_000) throw new InvalidDataException("bad lexicon size in model");
        var terms = new List<string>(n);
        for (var k = 0; k < n; k++)
        {
            var len = stream.ReadByte();
            if (len < 0) throw new EndOfStreamException();
            var bytes = new byte[len];
            stream.ReadExactly(bytes);
            terms.Add(System.Text.Encoding.UTF8.GetString(bytes));
        }
        model.SetLexicon(terms);
        return model;
    }

    public static LinearModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    /// <summary>data/models/offensive.bin if it is there.</summary>
    public static LinearModel? LoadDefault(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "models", "offensive.bin");
        return File.Exists(path) ? Load(path) : null;
    }
}
