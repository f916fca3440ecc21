using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// <summary>Where a bucket's row is (<see cref="BuildIndex"/>): one read a look-up, and no branch, as on a post
    /// the hits and misses among its words come in no order a branch predictor could learn.</summary>
    private readonly ulong[] _index;
    private readonly int _indexFirst;
    /// <summary>The kept buckets in ascending order: the order of <see cref="_rows"/>.</summary>
    private readonly int[] _sortedBuckets;
    private readonly int[] _rowBucket;
    /// <summary>As read and written (<see cref="Save"/>): a row's IDF, and its weight for each category.</summary>
    private readonly float[] _idf, _weights;
    /// <summary>What a row adds to a post's sums, <see cref="_stride"/> floats from <see cref="_first"/> on: its
    /// weight for each category times its IDF, then its IDF squared (the norm's term), then zeros. The same
    /// float products the sums used to take when they read the row, made once: the scores do not change.
    /// Pinned and started on a 64-byte boundary, so a 16-float row is one cache line, not two. In bucket order
    /// (<see cref="_sortedBuckets"/>; the file's order is kept for <see cref="Save"/>). After the last row, one of
    /// zeros (<see cref="NoRow"/>): what a word not in the table, or counted already, adds.</summary>
    private readonly float[] _rows;
    private readonly int _first;
    private readonly int _stride;

    public IReadOnlyList<string> Categories => _categories;
    public float Threshold { get; }
    /// <summary><see cref="Threshold"/> as a logit: the engine compares scores without an exponential per category.</summary>
    public float LogitThreshold { get; }
    public int Features => _rowBucket.Length;

    internal CategoryModel(string[] categories, float threshold, float[] bias, int[] rowBucket, float[] idf, float[] weights)
    {
        if (bias.Length != categories.Length || idf.Length != rowBucket.Length || weights.Length != rowBucket.Length * categories.Length)
            throw new InvalidDataException("category model: table sizes do not agree");
        var k = categories.Length;
        _categories = categories;
        Threshold = threshold;
        LogitThreshold = MathF.Log(threshold / (1 - threshold));
        _bias = bias;
        _rowBucket = rowBucket;
        _idf = idf;
        _weights = weights;
        _stride = (k + 1 + 7) & ~7;
        _rows = GC.AllocateArray<float>((rowBucket.Length + 1) * _stride + 16, pinned: true);
        // The address is only read, to find the first element on a cache line; a pinned array does not move.
        _first = (int)((64 - (Marshal.UnsafeAddrOfPinnedArrayElement(_rows, 0) & 63)) & 63) / sizeof(float);
        var order = new int[rowBucket.Length];
        for (var r = 0; r < order.Length; r++) order[r] = r;
        Array.Sort(order, (x, y) => rowBucket[x].CompareTo(rowBucket[y]));
        _sortedBuckets = new int[order.Length];
        for (var at = 0; at < order.Length; at++)
        {
            var r = order[at];
            if (at > 0 && rowBucket[r] == _sortedBuckets[at - 1]) throw new InvalidDataException($"category model: bucket {rowBucket[r]} stored twice");
            _sortedBuckets[at] = rowBucket[r];
            var row = _rows.AsSpan(_first + at * _stride, _stride);
            for (var c = 0; c < k; c++) row[c] = weights[r * k + c] * idf[r];
            row[k] = idf[r] * idf[r];
        }
        (_index, _indexFirst) = BuildIndex(_sortedBuckets);
    }

    private int NoRow => _rowBucket.Length;

    /// <summary>Per 64 buckets, side by side from the returned first element on: a bit for each bucket in
    /// <paramref name="sortedBuckets"/> (ascending, distinct), and how many of them come before these 64, so a
    /// bucket's row is that count plus the bits below its own. 256 KB; a look-up reads one 16-byte pair, which
    /// shares a cache line (the array is pinned and the pairs start on 16 bytes).</summary>
    private static (ulong[] Index, int First) BuildIndex(IReadOnlyList<int> sortedBuckets)
    {
        const int blocks = 1 << (BucketBits - 6);
        var index = GC.AllocateArray<ulong>(2 * blocks + 2, pinned: true);
        // The address is only read, to find the first element on 16 bytes; a pinned array does not move.
        var first = (int)((16 - (Marshal.UnsafeAddrOfPinnedArrayElement(index, 0) & 15)) & 15) / sizeof(ulong);
        foreach (var b in sortedBuckets) index[first + 2 * (b >> 6)] |= 1UL << b;
        var before = 0;
        for (var k = 0; k < blocks; k++)
        {
            index[first + 2 * k + 1] = (ulong)before;
            before += BitOperations.PopCount(index[first + 2 * k]);
        }
        return (index, first);
    }

    /// <summary>The row of <paramref name="bucket"/> in <see cref="BuildIndex"/>'s table, or <paramref name="none"/>; without a branch.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int IndexRow(ulong[] index, int first, int bucket, int none)
    {
        var block = first + 2 * (bucket >> 6);
        var bits = index[block];
        var r = (int)index[block + 1] + BitOperations.PopCount(bits & ((1UL << bucket) - 1));
        // The shifts take the bucket's low six bits: its bit in the block. All ones when it is not there.
        return r ^ ((r ^ none) & ((int)((bits >> bucket) & 1) - 1));
    }

    internal int Row(int bucket)
    {
        var r = IndexRow(_index, _indexFirst, bucket, NoRow);
        return r == NoRow ? -1 : r;
    }

    /// <summary><see cref="Row"/> without a branch: <see cref="NoRow"/> for a bucket not in the table. Inlined: <see cref="Logits"/>
    /// is compiled at once (it allocates on the stack, so it is not tiered), and there the call was not inlined and kept
    /// the sums' registers on the stack around it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int RowOrNone(int bucket, int none) => IndexRow(_index, _indexFirst, bucket, none);

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

    /// <summary>Letters, digits and the apostrophe: a bit each below 128 (digits and "'" in the low word, letters
    /// in the high one), <see cref="char.IsLetterOrDigit(char)"/> above, so the answer is the same for every character.</summary>
    private const ulong WordLow = 0x03FF_0080_0000_0000UL, WordHigh = 0x07FF_FFFE_07FF_FFFEUL;

    private static bool WordChar(char c) =>
        c < 64 ? ((WordLow >> c) & 1) != 0 : c < 128 ? ((WordHigh >> (c - 64)) & 1) != 0 : char.IsLetterOrDigit(c);

    /// <summary>The buckets of a folded text's word unigrams and bigrams, in text order, with each feature's
    /// span (start, end) in the folded text when <paramref name="starts"/> is not empty; repeats are kept
    /// (callers that need a set sort them). A word is a run of letters, digits and apostrophes without the
    /// apostrophes at either end; its hash, FNV-1a over its characters (fixed across processes and machines), is taken in the same walk that finds it:
    /// the hash after its last character that is not an apostrophe is the hash of the trimmed word.</summary>
    internal static int Buckets(ReadOnlySpan<char> folded, Span<int> buckets, Span<int> starts, Span<int> ends)
    {
        if (starts.IsEmpty && folded.Length <= MaxAsciiWalk && !folded.ContainsAnyExceptInRange((char)0, (char)127) && AsciiBuckets(folded, buckets) is var ascii and >= 0)
            return ascii;
        var n = 0;
        var words = 0;
        var previous = 0u;
        var previousStart = 0;
        var i = 0;
        var at = !starts.IsEmpty;
        while (i < folded.Length && words < MaxWords && n + 2 <= buckets.Length)
        {
            while (i < folded.Length && !WordChar(folded[i])) i++;
            var start = i;
            while (i < folded.Length && folded[i] == '\'') i++;
            var h = 2166136261u;
            var hash = h;
            var empty = true;
            for (; i < folded.Length; i++)
            {
                var ch = folded[i];
                if (!WordChar(ch)) break;
                h = (h ^ ch) * 16777619u;
                if (ch != '\'') { hash = h; empty = false; }
            }
            if (i == start) break;
            if (empty) continue;
            if (at) { starts[n] = start; ends[n] = i; }
            buckets[n++] = Unigram(hash);
            if (words > 0)
            {
                if (at) { starts[n] = previousStart; ends[n] = i; }
                buckets[n++] = Bigram(previous, hash);
            }
            previous = hash;
            previousStart = start;
            words++;
        }
        return n;
    }

    /// <summary>The longest text <see cref="AsciiBuckets"/> takes (its word hashes are on the stack).</summary>
    private const int MaxAsciiWalk = 2048;

    /// <summary>Per ASCII character: all ones for a word character (<see cref="WordChar"/>), else 0.</summary>
    private static readonly uint[] AsciiWord = BuildAsciiWord();

    private static uint[] BuildAsciiWord()
    {
        var kind = new uint[128];
        for (var c = 0; c < 128; c++) kind[c] = WordChar((char)c) ? uint.MaxValue : 0;
        return kind;
    }

    /// <summary>
    /// <see cref="Buckets"/> without spans, for ASCII text whose every apostrophe stands between two letters or
    /// digits ("don't"), so a word is a run of letters, digits and such apostrophes, hashed whole; the same
    /// buckets in the same order, or -1 for other text (which the word walk takes). The word walk branches at
    /// every word's start and end, which a branch predictor cannot learn (about 0.6 us a post on the benchmark);
    /// here every character takes the same steps (<see cref="WordHashes"/>) and the buckets are made afterwards.
    /// </summary>
    private static int AsciiBuckets(ReadOnlySpan<char> folded, Span<int> buckets)
    {
        var len = folded.Length;
        var word = AsciiWord;
        for (var at = folded.IndexOf('\''); at >= 0;)
        {
            if (at == 0 || at == len - 1 || folded[at - 1] == '\'' || folded[at + 1] == '\'' || word[folded[at - 1]] == 0 || word[folded[at + 1]] == 0) return -1;
            var next = folded[(at + 1)..].IndexOf('\'');
            at = next < 0 ? -1 : at + 1 + next;
        }
        int words;
        Span<uint> hashes = stackalloc uint[len / 2 + 8];
        // Two halves side by side (two independent chains of multiplications the processor overlaps), meeting
        // at a character that is in no word, so the second starts as the walk starts after it.
        var mid = -1;
        if (len >= 64)
        {
            mid = folded[(len / 2)..].IndexOf(' ');
            if (mid >= 0) mid += len / 2;
        }
        if (mid < 0) words = WordHashes(folded, default, hashes, 0, word).A;
        else
        {
            // The second half's words go after room for every word the first half can have, then move down.
            var offB = (mid + 1) / 2 + 2;
            var (na, nb) = WordHashes(folded[..mid], folded[mid..], hashes, offB, word);
            hashes.Slice(offB, nb).CopyTo(hashes[na..]);
            words = na + nb;
        }
        // The words the walk keeps: at most MaxWords, and each only while its buckets fit (the first needs two
        // places, as the walk checks for two before every word).
        var kept = Math.Min(Math.Min(words, MaxWords), buckets.Length >= 2 ? (buckets.Length - 1) / 2 + 1 : 0);
        if (kept == 0) return 0;
        // Each pair's input to the mix, then both mixes over whole arrays, eight at a time: every word's two
        // mixes are independent of the others', and one at a time they were most of this function's work.
        var h = hashes[..kept];
        Span<uint> pairs = stackalloc uint[kept];
        pairs[0] = 0;
        for (var w = 1; w < kept; w++) pairs[w] = h[w - 1] * 31u + h[w] + 0x5bd1e995u;
        MixAll(h);
        MixAll(pairs);
        buckets[0] = (int)h[0];
        for (var w = 1; w < kept; w++)
        {
            buckets[2 * w - 1] = (int)h[w];
            buckets[2 * w] = (int)pairs[w];
        }
        return 2 * kept - 1;
    }

    /// <summary><see cref="Mix"/> and the mask in place, eight at a time where 256-bit vectors are accelerated.</summary>
    private static void MixAll(Span<uint> x)
    {
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var m1 = Vector256.Create(0x7feb352du);
            var m2 = Vector256.Create(0x846ca68bu);
            var mask = Vector256.Create((uint)Mask);
            for (; k + Vector256<uint>.Count <= x.Length; k += Vector256<uint>.Count)
            {
                var v = Vector256.Create<uint>(x.Slice(k, Vector256<uint>.Count));
                v ^= Vector256.ShiftRightLogical(v, 16); v *= m1; v ^= Vector256.ShiftRightLogical(v, 15); v *= m2; v ^= Vector256.ShiftRightLogical(v, 16);
                (v & mask).CopyTo(x.Slice(k, Vector256<uint>.Count));
            }
        }
        for (; k < x.Length; k++) x[k] = Mix(x[k]) & Mask;
    }

    private const uint FnvOffset = 2166136261u, FnvPrime = 16777619u;

    /// <summary>
    /// The FNV-1a hash of each run of letters, digits and apostrophes (see <see cref="AsciiBuckets"/>) in
    /// <paramref name="a"/>, written from 0, and in <paramref name="b"/>, written from <paramref name="offB"/>,
    /// both walked at once; returns how many in each. Per character, with a mask and no branch: the running hash
    /// moves on over a word character and is the offset basis over any other; at a character that ends a word
    /// it is written, and the count moves on (it is written at every character, and kept only there).
    /// <paramref name="b"/> must be empty or start with a character that is in no word.
    /// </summary>
    private static (int A, int B) WordHashes(ReadOnlySpan<char> a, ReadOnlySpan<char> b, Span<uint> hashes, int offB, uint[] word)
    {
        uint ha = FnvOffset, hb = FnvOffset;
        int na = 0, nb = offB;
        // The character before each one: for the first of a, none (no word ends there).
        uint pa = 0, pb = 0;
        var steps = Math.Min(a.Length, b.Length);
        for (var j = 0; j < steps; j++)
        {
            uint ca = a[j], cb = b[j];
            uint wa = word[ca], wb = word[cb];
            hashes[na] = ha;
            na += (int)(pa & ~wa & 1);
            hashes[nb] = hb;
            nb += (int)(pb & ~wb & 1);
            ha = ((ha ^ ca) * FnvPrime & wa) | (FnvOffset & ~wa);
            hb = ((hb ^ cb) * FnvPrime & wb) | (FnvOffset & ~wb);
            pa = wa;
            pb = wb;
        }
        for (var j = steps; j < a.Length; j++)
        {
            uint ca = a[j];
            var wa = word[ca];
            hashes[na] = ha;
            na += (int)(pa & ~wa & 1);
            ha = ((ha ^ ca) * FnvPrime & wa) | (FnvOffset & ~wa);
            pa = wa;
        }
        hashes[na] = ha;
        na += (int)(pa & 1);
        for (var j = steps; j < b.Length; j++)
        {
            uint cb = b[j];
            var wb = word[cb];
            hashes[nb] = hb;
            nb += (int)(pb & ~wb & 1);
            hb = ((hb ^ cb) * FnvPrime & wb) | (FnvOffset & ~wb);
            pb = wb;
        }
        if (!b.IsEmpty)
        {
            hashes[nb] = hb;
            nb += (int)(pb & 1);
        }
        return (na, nb - offB);
    }

    /// <summary>Each category's probability for a folded text (as <see cref="ScreeningEngine.Fold"/> makes it).</summary>
    public void Probabilities(ReadOnlySpan<char> folded, Span<float> p)
    {
        Logits(folded, p);
        for (var c = 0; c < _categories.Length; c++) p[c] = Sigmoid(p[c]);
    }

    public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    /// <summary>Each category's score before the logistic function: a post is read for every category at once.</summary>
    public void Logits(ReadOnlySpan<char> folded, Span<float> z)
    {
        var k = _categories.Length;
        if (z.Length < k) throw new ArgumentException("one score a category is needed", nameof(z));
        // At most one word a character and a pair a word: sized to the text, not to the longest post.
        Span<int> buckets = stackalloc int[Math.Min(2 * MaxWords, folded.Length + 2)];
        var n = Buckets(folded, buckets, default, default);
        Logits(buckets[..n], z);
    }

    /// <summary>The same scores from the buckets <see cref="Buckets"/> gave for the folded text: two models over
    /// one post hash its words once.</summary>
    internal void Logits(ReadOnlySpan<int> buckets, Span<float> z)
    {
        var k = _categories.Length;
        if (z.Length < k) throw new ArgumentException("one score a category is needed", nameof(z));
        var n = buckets.Length;
        // A feature counts once however often it occurs: a bit a kept row marks it, which is cheaper than
        // sorting the buckets.
        Span<ulong> seen = stackalloc ulong[(_rowBucket.Length + 1 + 63) >> 6];
        var none = NoRow;
        var rows = _rows;
        var stride = _stride;
        var first = _first;
        // The sums in text order, each lane adding its own category's products (and lane k the norm's terms):
        // the vector and scalar paths, and the sums as they were taken before, are the same float operations.
        Span<float> sums = stackalloc float[stride];
        if (Vector256.IsHardwareAccelerated && stride == 16)
        {
            // Twelve categories or so, the usual model: the sums stay in two registers. Without a branch on
            // whether a word counts: one that does not adds the row of zeros, and x + 0 is x for every sum
            // (a sum that starts at +0 is never -0), so the sums are the same floats in the same order.
            var lo = Vector256<float>.Zero;
            var hi = Vector256<float>.Zero;
            for (var j = 0; j < n; j++)
            {
                var r = RowOrNone(buckets[j], none);
                var old = seen[r >> 6];
                seen[r >> 6] = old | (1UL << r);
                var counted = -(int)((old >> r) & 1);
                r ^= (r ^ none) & counted;
                var row = rows.AsSpan(first + r * 16, 16);
                lo += Vector256.Create((ReadOnlySpan<float>)row);
                hi += Vector256.Create((ReadOnlySpan<float>)row[8..]);
            }
            lo.CopyTo(sums);
            hi.CopyTo(sums[8..]);
        }
        else
        {
            sums.Clear();
            for (var j = 0; j < n; j++)
            {
                var r = Row(buckets[j]);
                if (r < 0 || (seen[r >> 6] & (1UL << r)) != 0) continue;
                seen[r >> 6] |= 1UL << r;
                var row = rows.AsSpan(first + r * stride, stride);
                var c = 0;
                if (Vector.IsHardwareAccelerated)
                    for (; c <= stride - Vector<float>.Count; c += Vector<float>.Count)
                        (new Vector<float>(sums[c..]) + new Vector<float>(row[c..])).CopyTo(sums[c..]);
                for (; c < stride; c++) sums[c] += row[c];
            }
        }
        var norm = sums[k];
        var scale = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
        for (var c = 0; c < k; c++) z[c] = _bias[c] + sums[c] * scale;
    }

    /// <summary>
    /// The per-category and the safeguarding model in one table, made when the engine is built: a bucket's row
    /// holds every model's products and norm term side by side (16 floats, one cache line), so a post's words
    /// are looked up once for both instead of once each; the safeguarding model alone (two floats a row) also
    /// took the scalar path with a branch per word. Each model's lanes add the same float products in the same
    /// order as its own <see cref="Logits(ReadOnlySpan{int}, Span{float})"/>: a bucket the other model has
    /// adds zeros to these lanes, and x + 0 is x for sums that start at +0. The model files are unchanged.
    /// </summary>
    internal sealed class Joint
    {
        private const int Lanes = 16;
        private readonly CategoryModel[] _models;
        private readonly int[] _lane;
        /// <summary><see cref="BuildIndex"/> over the buckets of either model.</summary>
        private readonly ulong[] _index;
        private readonly int _indexFirst;
        private readonly float[] _rows;
        private readonly int _first;
        private readonly int _none;

        /// <summary>One score a category of each model, in the models' order.</summary>
        public int Scores { get; }

        /// <summary>Buckets in either model.</summary>
        public int Rows => _none;

        private Joint(CategoryModel[] models)
        {
            _models = models;
            _lane = new int[models.Length];
            var lanes = 0;
            for (var m = 0; m < models.Length; m++)
            {
                _lane[m] = lanes;
                lanes += models[m]._categories.Length + 1;
                Scores += models[m]._categories.Length;
            }
            var buckets = models.SelectMany(m => m._sortedBuckets).Distinct().Order().ToList();
            var rowOf = new Dictionary<int, int>();
            for (var r = 0; r < buckets.Count; r++) rowOf[buckets[r]] = r;
            _none = buckets.Count;
            _rows = GC.AllocateArray<float>((buckets.Count + 1) * Lanes + 16, pinned: true);
            // The address is only read, to find the first element on a cache line; a pinned array does not move.
            _first = (int)((64 - (Marshal.UnsafeAddrOfPinnedArrayElement(_rows, 0) & 63)) & 63) / sizeof(float);
            for (var m = 0; m < models.Length; m++)
            {
                var model = models[m];
                var width = model._categories.Length + 1;
                for (var r = 0; r < model._sortedBuckets.Length; r++)
                    model._rows.AsSpan(model._first + r * model._stride, width).CopyTo(_rows.AsSpan(_first + rowOf[model._sortedBuckets[r]] * Lanes + _lane[m], width));
            }
            (_index, _indexFirst) = BuildIndex(buckets);
        }

        /// <summary>The models present in one table, or null when there is none, when their categories and norms
        /// need more than 16 floats a row, or without 256-bit vectors (the engine then asks each model apart).</summary>
        public static Joint? Of(params CategoryModel?[] models)
        {
            var present = models.Where(m => m is not null).Select(m => m!).ToArray();
            if (present.Length == 0 || !Vector256.IsHardwareAccelerated || present.Sum(m => m._categories.Length + 1) > Lanes) return null;
            return new Joint(present);
        }

        /// <summary><paramref name="model"/>'s <see cref="CategoryModel.Strongest(ReadOnlySpan{char}, ulong, Span{ValueTuple{int, int}})"/>
        /// read from this table, whose lines the post's scores have just brought into cache (the model's own are
        /// cold): the same products, and a bucket only the other model has holds zeros for this one, as a bucket in
        /// no model pushes nothing.</summary>
        public void Strongest(CategoryModel model, ReadOnlySpan<char> folded, ulong categories, Span<(int Start, int End)> spans)
        {
            var m = Array.IndexOf(_models, model);
            if (m < 0) model.Strongest(folded, categories, spans);
            else model.Strongest(folded, categories, spans, _index, _indexFirst, _none, _rows, _first + _lane[m], Lanes);
        }

        /// <summary>Each model's <see cref="Logits(ReadOnlySpan{int}, Span{float})"/> for the buckets, one after the other in <paramref name="z"/>.</summary>
        public void Logits(ReadOnlySpan<int> buckets, Span<float> z)
        {
            if (z.Length < Scores) throw new ArgumentException("one score a category is needed", nameof(z));
            var n = buckets.Length;
            Span<ulong> seen = stackalloc ulong[(_none + 1 + 63) >> 6];
            var none = _none;
            var rows = _rows;
            var first = _first;
            var index = _index;
            var indexFirst = _indexFirst;
            // Every word's row first, then the sums: the index reads do not wait on each other or on the rows,
            // so in the engine, where the table has gone cold between posts, their misses overlap.
            Span<int> found = stackalloc int[n];
            for (var j = 0; j < n; j++) found[j] = IndexRow(index, indexFirst, buckets[j], none);
            var lo = Vector256<float>.Zero;
            var hi = Vector256<float>.Zero;
            for (var j = 0; j < n; j++)
            {
                var r = found[j];
                var old = seen[r >> 6];
                seen[r >> 6] = old | (1UL << r);
                var counted = -(int)((old >> r) & 1);
                r ^= (r ^ none) & counted;
                var row = rows.AsSpan(first + r * Lanes, Lanes);
                lo += Vector256.Create((ReadOnlySpan<float>)row);
                hi += Vector256.Create((ReadOnlySpan<float>)row[8..]);
            }
            Span<float> sums = stackalloc float[Lanes];
            lo.CopyTo(sums);
            hi.CopyTo(sums[8..]);
            var at = 0;
            for (var m = 0; m < _models.Length; m++)
            {
                var model = _models[m];
                var lane = _lane[m];
                var k = model._categories.Length;
                var norm = sums[lane + k];
                var scale = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
                for (var c = 0; c < k; c++) z[at + c] = model._bias[c] + sums[lane + c] * scale;
                at += k;
            }
        }
    }

    /// <summary>Strong features further apart than this are shown as separate evidence, not one span.</summary>
    internal const int MaxSpanChars = 40;

    /// <summary>For each category in <paramref name="categories"/> (a bit a category), what a reader is shown as
    /// the reason: the words that push hardest towards it. One word alone ("night") tells a reader little, so the
    /// span is the stretch of at most <see cref="MaxSpanChars"/> characters whose strong features (each at least a
    /// quarter of the strongest) push hardest together ("out on his own at night"). (start, end) in the folded
    /// text, or (-1, -1) when no feature counts for it.</summary>
    public void Strongest(ReadOnlySpan<char> folded, ulong categories, Span<(int Start, int End)> spans) =>
        Strongest(folded, categories, spans, _index, _indexFirst, NoRow, _rows, _first, _stride);

    /// <summary><see cref="Strongest(ReadOnlySpan{char}, ulong, Span{ValueTuple{int, int}})"/> over a table holding this
    /// model's products at <paramref name="first"/> + row * <paramref name="stride"/> (<see cref="Joint"/>'s, offset to
    /// the model's lanes, holds the same floats), its rows found through <paramref name="index"/>.</summary>
    private void Strongest(ReadOnlySpan<char> folded, ulong categories, Span<(int Start, int End)> spans,
        ulong[] index, int indexFirst, int none, float[] table, int first, int stride)
    {
        var k = _categories.Length;
        var size = Math.Min(2 * MaxWords, folded.Length + 2);
        Span<int> buckets = stackalloc int[size];
        Span<int> starts = stackalloc int[size];
        Span<int> ends = stackalloc int[size];
        Span<int> rows = stackalloc int[size];
        Span<float> push = stackalloc float[size];
        Span<int> order = stackalloc int[size];
        spans[..k].Fill((-1, -1));
        var n = Buckets(folded, buckets, starts, ends);
        for (var j = 0; j < n; j++) rows[j] = IndexRow(index, indexFirst, buckets[j], none);
        for (var c = 0; c < k; c++)
        {
            if ((categories & (1UL << c)) == 0) continue;
            // The IDF times the weight, as it was taken before: the product the row holds.
            var best = 0f;
            for (var j = 0; j < n; j++)
                if (rows[j] != none) best = Math.Max(best, push[j] = table[first + rows[j] * stride + c]);
                else push[j] = 0;
            if (best <= 0) continue;
            // The strong features in text order (a feature met twice counts twice: it was written twice).
            var m = 0;
            for (var j = 0; j < n; j++)
                if (push[j] >= best / 4) order[m++] = j;
            SortByStart(order[..m], starts);
            var top = 0f;
            for (var i = 0; i < m; i++)
            {
                var start = starts[order[i]];
                var end = ends[order[i]];
                var sum = push[order[i]];
                for (var t = i + 1; t < m && ends[order[t]] - start <= MaxSpanChars; t++)
                {
                    sum += push[order[t]];
                    end = Math.Max(end, ends[order[t]]);
                }
                if (sum > top) { top = sum; spans[c] = (start, end); }
            }
        }
    }

    /// <summary>Insertion sort of feature indexes by where they start: a post has a few dozen strong features.</summary>
    private static void SortByStart(Span<int> order, ReadOnlySpan<int> starts)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var x = order[i];
            var j = i - 1;
            while (j >= 0 && (starts[order[j]] > starts[x] || (starts[order[j]] == starts[x] && order[j] > x))) { order[j + 1] = order[j]; j--; }
            order[j + 1] = x;
        }
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
            foreach (var v in _weights.AsSpan(r * _categories.Length, _categories.Length)) w.Write(v);
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
            // A category is a bit of a ulong where the engine asks for the words behind several at once.
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

    public const string CategoriesFile = "categories.bin", SafeguardingFile = "safeguarding.bin";

    /// <summary>data/models/categories.bin (or the file named), or null when it is not there (the engine then runs without it).</summary>
    public static CategoryModel? LoadDefault(string dataDirectory, string file = CategoriesFile)
    {
        var path = Path.Combine(dataDirectory, "models", file);
        return File.Exists(path) ? Load(path) : null;
    }
}
