using System.Text;

namespace Courtesy.Screening;

/// <summary>
/// One logistic regression per policy category over hashed word unigrams and bigrams (binary, IDF-weighted,
/// L2-normalised), trained on labelled school posts by <see cref="CategoryTrainer"/>. The engine asks it only
/// about posts the rules have already found something in, to add the categories the rules missed: on schools
/// the rules had not seen, that caught more without flagging any clean post (src/Courtesy/Screening/README.md,
/// "The category model").
/// </summary>
public sealed class CategoryModel
{
    public const int BucketBits = 20;
    private const int Mask = (1 << BucketBits) - 1;
    /// <summary>Words read from a post: school posts are short, and a bound keeps the stack buffers fixed.</summary>
    internal const int MaxWords = 512;
    private const uint Magic = 0x4D544143; // "CATM"
    private const int Version = 1;

    private readonly string[] _categories;
    private readonly float[] _bias;
    /// <summary>Open addressing over the kept buckets: _slots[i] is a row + 1, 0 is empty.</summary>
    private readonly int[] _slots;
    private readonly int[] _rowBucket;
    private readonly float[] _idf;
    /// <summary>[row * categories + category]: a feature's weights for every category in one cache line or two.</summary>
    private readonly float[] _weights;

    public IReadOnlyList<string> Categories => _categories;
    public float Threshold { get; }
    public int Features => _idf.Length;

    internal CategoryModel(string[] categories, float threshold, float[] bias, int[] rowBucket, float[] idf, float[] weights)
    {
        if (bias.Length != categories.Length || idf.Length != rowBucket.Length || weights.Length != rowBucket.Length * categories.Length)
            throw new InvalidDataException("category model: table sizes do not agree");
        _categories = categories;
        Threshold = threshold;
        _bias = bias;
        _rowBucket = rowBucket;
        _idf = idf;
        _weights = weights;
        var size = 1;
        while (size < rowBucket.Length * 2) size <<= 1;
        _slots = new int[Math.Max(size, 16)];
        for (var r = 0; r < rowBucket.Length; r++)
        {
            var i = Slot(rowBucket[r]);
            while (_slots[i] != 0)
            {
                if (_rowBucket[_slots[i] - 1] == rowBucket[r]) throw new InvalidDataException($"category model: bucket {rowBucket[r]} stored twice");
                i = (i + 1) & (_slots.Length - 1);
            }
            _slots[i] = r + 1;
        }
    }

    private int Slot(int bucket) => (int)((uint)bucket * 0x9E3779B1u >> 8) & (_slots.Length - 1);

    internal int Row(int bucket)
    {
        for (var i = Slot(bucket); ; i = (i + 1) & (_slots.Length - 1))
        {
            var r = _slots[i] - 1;
            if (r < 0) return -1;
            if (_rowBucket[r] == bucket) return r;
        }
    }

    /// <summary>A word's hash: FNV-1a over its characters, fixed across processes and machines.</summary>
    private static uint WordHash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var ch in word) h = (h ^ ch) * 16777619u;
        return h;
    }

    private static int Unigram(uint w) => (int)(Mix(w) & Mask);

    private static int Bigram(uint a, uint b) => (int)(Mix(a * 31u + b + 0x5bd1e995u) & Mask);

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352du;
        x ^= x >> 15;
        x *= 0x846ca68bu;
        x ^= x >> 16;
        return x;
    }

    private static bool WordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    /// <summary>The buckets of a folded text's word unigrams and bigrams, in text order, with each feature's
    /// span (start, end) in the folded text; repeats are kept (callers that need a set sort them).</summary>
    internal static int Buckets(ReadOnlySpan<char> folded, Span<int> buckets, Span<int> starts, Span<int> ends)
    {
        var n = 0;
        var words = 0;
        var previous = 0u;
        var previousStart = 0;
        var i = 0;
        while (i < folded.Length && words < MaxWords && n + 2 <= buckets.Length)
        {
            while (i < folded.Length && !WordChar(folded[i])) i++;
            var start = i;
            while (i < folded.Length && WordChar(folded[i])) i++;
            if (i == start) break;
            var word = folded[start..i].Trim('\'');
            if (word.IsEmpty) continue;
            var h = WordHash(word);
            buckets[n] = Unigram(h); starts[n] = start; ends[n] = i; n++;
            if (words > 0) { buckets[n] = Bigram(previous, h); starts[n] = previousStart; ends[n] = i; n++; }
            previous = h;
            previousStart = start;
            words++;
        }
        return n;
    }

    /// <summary>Each category's probability for a folded text (as <see cref="ScreeningEngine.Fold"/> makes it).</summary>
    public void Probabilities(ReadOnlySpan<char> folded, Span<float> p)
    {
        var k = _categories.Length;
        if (p.Length < k) throw new ArgumentException("one probability a category is needed", nameof(p));
        Span<int> buckets = stackalloc int[2 * MaxWords];
        Span<int> starts = stackalloc int[2 * MaxWords];
        Span<int> ends = stackalloc int[2 * MaxWords];
        var n = Buckets(folded, buckets, starts, ends);
        var set = buckets[..n];
        set.Sort();
        Span<float> z = stackalloc float[k];
        z.Clear();
        var norm = 0f;
        var last = -1;
        foreach (var b in set)
        {
            if (b == last) continue;
            last = b;
            var r = Row(b);
            if (r < 0) continue;
            var idf = _idf[r];
            norm += idf * idf;
            var w = _weights.AsSpan(r * k, k);
            for (var c = 0; c < k; c++) z[c] += idf * w[c];
        }
        var scale = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
        for (var c = 0; c < k; c++) p[c] = 1f / (1f + MathF.Exp(-(_bias[c] + z[c] * scale)));
    }

    /// <summary>The word or word pair that pushes hardest towards <paramref name="category"/>: what a reader
    /// is shown as the reason. (start, end) in the folded text, or (-1, -1) when no feature counts for it.</summary>
    public (int Start, int End) Strongest(ReadOnlySpan<char> folded, int category)
    {
        Span<int> buckets = stackalloc int[2 * MaxWords];
        Span<int> starts = stackalloc int[2 * MaxWords];
        Span<int> ends = stackalloc int[2 * MaxWords];
        var n = Buckets(folded, buckets, starts, ends);
        var best = 0f;
        (int, int) at = (-1, -1);
        for (var j = 0; j < n; j++)
        {
            var r = Row(buckets[j]);
            if (r < 0) continue;
            var push = _idf[r] * _weights[r * _categories.Length + category];
            if (push > best) { best = push; at = (starts[j], ends[j]); }
        }
        return at;
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(BucketBits);
        w.Write(Threshold);
        w.Write(_categories.Length);
        foreach (var c in _categories) w.Write(c);
        foreach (var b in _bias) w.Write(b);
        w.Write(_rowBucket.Length);
        for (var r = 0; r < _rowBucket.Length; r++)
        {
            w.Write(_rowBucket[r]);
            w.Write(_idf[r]);
            for (var c = 0; c < _categories.Length; c++) w.Write(_weights[r * _categories.Length + c]);
        }
    }

    public static CategoryModel Load(Stream stream)
    {
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic) throw new InvalidDataException("not a category model (wrong magic number)");
            var version = r.ReadInt32();
            if (version != Version) throw new InvalidDataException($"category model version {version}; this build reads version {Version}");
            var bits = r.ReadInt32();
            if (bits != BucketBits) throw new InvalidDataException($"category model has 2^{bits} buckets; this build hashes into 2^{BucketBits}");
            var threshold = r.ReadSingle();
            var k = r.ReadInt32();
            if (k is < 1 or > 64) throw new InvalidDataException($"category model: {k} categories");
            var categories = new string[k];
            for (var c = 0; c < k; c++) categories[c] = Policies.Categories.Find(r.ReadString())?.Id ?? throw new InvalidDataException("category model: a category that is not in the catalogue");
            var bias = new float[k];
            for (var c = 0; c < k; c++) bias[c] = r.ReadSingle();
            var rows = r.ReadInt32();
            if (rows < 0 || rows > 1 << BucketBits) throw new InvalidDataException($"category model: {rows} rows");
            var rowBucket = new int[rows];
            var idf = new float[rows];
            var weights = new float[rows * k];
            for (var row = 0; row < rows; row++)
            {
                rowBucket[row] = r.ReadInt32();
                if ((uint)rowBucket[row] > Mask) throw new InvalidDataException($"category model: bucket {rowBucket[row]} out of range");
                idf[row] = r.ReadSingle();
                for (var c = 0; c < k; c++) weights[row * k + c] = r.ReadSingle();
            }
            return new CategoryModel(categories, threshold, bias, rowBucket, idf, weights);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("category model file is cut short");
        }
    }

    public static CategoryModel Load(string path)
    {
        using var f = File.OpenRead(path);
        try { return Load(f); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>data/models/categories.bin, or null when it is not there (the engine then runs on rules alone).</summary>
    public static CategoryModel? LoadDefault(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "models", "categories.bin");
        return File.Exists(path) ? Load(path) : null;
    }
}
