using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Courtesy.Screening;

/// <summary>
/// Multinomial logistic regression over TF-IDF features of folded text: hashed word 1- to 3-grams and
/// character 2- to 5-grams inside words (each block with sublinear term frequency and its own L2 norm,
/// as scikit-learn's TfidfVectorizer does), plus two counts of hate-lexicon terms. Classes follow
/// Davidson et al.: 0 hate speech, 1 offensive language, 2 neither. Weights and IDF are stored as
/// half-precision floats, the weights interleaved by bucket so one feature costs one cache line.
/// </summary>
public sealed class LinearModel
{
    public const int Classes = 3;
    public const int Hate = 0, Offensive = 1, Neither = 2;
    private const uint Magic = 0x4D4C5443; // "CTLM"
    private const int Version = 3;
    /// <summary>Prediction reads at most this much folded text, so a 1 MB post costs no more than a long one.</summary>
    public const int MaxFeatureChars = 4096;
    /// <summary>Room <see cref="Clean"/> needs for <see cref="MaxFeatureChars"/> of input: a one-letter word after
    /// '@' ("  a", three characters) becomes " @user" (six), so cleaned text can be twice as long as its input.</summary>
    internal const int CleanCapacity = 2 * MaxFeatureChars + 16;
    /// <summary>Dense features after the hashed ones: lexicon terms (capped count) and whether there is any.</summary>
    internal const int Extras = 2;
    internal const int WordGroup = 0, CharGroup = 1;
    /// <summary>Shortest character n-gram; single characters carried no signal in cross-validation.</summary>
    internal const int MinCharGram = 2;

    internal readonly float[] Weights; // [bucket * Classes + class]
    /// <summary>Inverse document frequency per bucket; 0 for buckets seen in fewer than two training texts, which drops them.</summary>
    internal readonly float[] Idf;
    internal readonly float[] ExtraWeights = new float[Extras * Classes];
    /// <summary>
    /// Set by <see cref="Load(Stream)"/>: each bucket's IDF and its three weights side by side
    /// ([bucket * 4] is the IDF), so a feature costs one cache line instead of one in <see cref="Idf"/>
    /// and another in <see cref="Weights"/>, 2 and 6 MB apart. The same floats as those arrays, which are
    /// not changed once loaded; a model trained in memory has none and prediction reads the arrays.
    /// </summary>
    private float[]? _packed;
    /// <summary>Which buckets have a non-zero IDF (about 29% of them in the shipped model; the rest were seen in
    /// fewer than two training texts and never count), a bit each: 64 KB that stays in cache. <see cref="_packed"/>
    /// holds only those buckets, in bucket order; a bucket's place there is <see cref="_rank"/> of its word of
    /// bits plus the set bits below it. 2.4 MB instead of 8, and a dropped bucket costs no read at all.</summary>
    private ulong[]? _bits;
    private int[]? _rank;
    internal readonly float[] Bias = new float[Classes];
    public int BucketBits { get; }
    /// <summary>Longest word n-gram (1 to 3).</summary>
    public int MaxWordGram { get; }
    /// <summary>Longest character n-gram (3 to 5), or 0 for word features only.</summary>
    public int MaxCharGram { get; }
    internal int Mask => (1 << BucketBits) - 1;
    /// <summary>p(hate) at or above this counts as hate speech (tuned on a validation split at training time).</summary>
    public float HateThreshold { get; internal set; } = 0.5f;
    /// <summary>p(hate) + p(offensive) at or above this counts as offensive in the engine. High on purpose:
    /// the model learnt from tweets, and on parents' posts it scores ordinary chat high, so it only backs
    /// up the rules when it is nearly certain.</summary>
    public float OffensiveThreshold { get; internal set; } = 0.95f;

    public LinearModel(int bucketBits, int maxCharGram = 5, int maxWordGram = 3)
    {
        if (bucketBits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        if (maxCharGram is not (0 or 3 or 4 or 5)) throw new ArgumentOutOfRangeException(nameof(maxCharGram));
        if (maxWordGram is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(maxWordGram));
        BucketBits = bucketBits;
        MaxCharGram = maxCharGram;
        MaxWordGram = maxWordGram;
        Weights = new float[(1 << bucketBits) * Classes];
        Idf = new float[1 << bucketBits];
    }

    /// <summary>Hate terms (folded words) stored with the model; their count in a text is a feature.</summary>
    public IReadOnlySet<string> Lexicon => _lexicon;
    private HashSet<string> _lexicon = new(StringComparer.Ordinal);

    internal void SetLexicon(IEnumerable<string> terms)
    {
        _lexicon = new HashSet<string>(terms, StringComparer.Ordinal);
        var filter = new ulong[LexiconFilterBits / 64];
        foreach (var term in _lexicon)
        {
            var h = 2166136261u;
            foreach (var ch in term) h = (h ^ ch) * 16777619u;
            h |= 1;
            filter[(h >> 1) % LexiconFilterBits / 64] |= 1UL << (int)((h >> 1) % LexiconFilterBits % 64);
        }
        _lexiconFilter = filter;
    }

    /// <summary>A bit for each lexicon term's word hash (the one prediction computes for every word anyway):
    /// a word whose bit is clear is no term, so most words skip the set's lookup and its hashing of the word.</summary>
    private ulong[] _lexiconFilter = new ulong[LexiconFilterBits / 64];
    private const uint LexiconFilterBits = 1 << 14;

    /// <summary>
    /// Rewrites folded text the way tweets were cleaned for training: a word that stood after '@' (the
    /// folder leaves two spaces before it) becomes one mention token, a link ("http t co xyz") one link
    /// token, and a letter repeated three or more times is cut to two ("soooo" as "soo"). Returns the
    /// length written to <paramref name="output"/>: tokens separated by single spaces.
    /// </summary>
    internal static int Clean(ReadOnlySpan<char> text, Span<char> output)
    {
        if (text.Length > MaxFeatureChars) text = text[..MaxFeatureChars];
        var o = 0;
        var i = 0;
        while (i < text.Length)
        {
            var spaces = 0;
            while (i < text.Length && text[i] == ' ') { i++; spaces++; }
            if (i >= text.Length) break;
            var start = i;
            while (i < text.Length && text[i] != ' ') i++;
            var word = text[start..i];
            if (o > 0) output[o++] = ' ';
            if (spaces >= 2 && start >= 2)
            {
                "@user".CopyTo(output[o..]);
                o += 5;
                continue;
            }
            if (word is "http" or "https" && NextWord(text, i, out var end))
            {
                // A t.co link folds to "http t co <id>": the id is noise, the link itself is the feature.
                if (text[i..end].Trim(' ') is "t" && NextWord(text, end, out var e2) && text[end..e2].Trim(' ') is "co" && NextWord(text, e2, out var e3))
                    end = e3;
                "url".CopyTo(output[o..]);
                o += 3;
                i = end;
                continue;
            }
            for (var k = 0; k < word.Length; k++)
            {
                if (k >= 2 && word[k] == word[k - 1] && word[k] == word[k - 2]) continue;
                output[o++] = word[k];
            }
        }
        return o;
    }

    /// <summary>The end of the word after position <paramref name="from"/>, if there is one.</summary>
    private static bool NextWord(ReadOnlySpan<char> text, int from, out int end)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length) { end = from; return false; }
        while (i < text.Length && text[i] != ' ') i++;
        end = i;
        return true;
    }

    /// <summary>
    /// Calls <paramref name="sink"/> with the bucket and group (word or character) of every n-gram of
    /// cleaned text (see <see cref="Clean"/>), once per occurrence; returns how many tokens are lexicon terms.
    /// </summary>
    internal static int Features<TSink>(ReadOnlySpan<char> clean, int mask, int maxWordGram, int maxCharGram, HashSet<string> lexicon, ref TSink sink) where TSink : struct, IFeatureSink
    {
        var lookup = lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        var useLexicon = lexicon.Count > 0;
        var lexiconHits = 0;
        uint prev1 = 0, prev2 = 0;
        var i = 0;
        while (i < clean.Length)
        {
            var start = i;
            var h = 2166136261u;
            while (i < clean.Length && clean[i] != ' ') { h = (h ^ clean[i]) * 16777619u; i++; }
            var word = clean[start..i];
            i++;
            if (word.IsEmpty) continue;
            h |= 1;
            sink.Add((int)(Mix(h, 1) & (uint)mask), WordGroup);
            if (maxWordGram >= 2 && prev1 != 0) sink.Add((int)(Mix(prev1 * 0x9E3779B1u + h, 2) & (uint)mask), WordGroup);
            if (maxWordGram >= 3 && prev2 != 0) sink.Add((int)(Mix((prev2 * 0x9E3779B1u + prev1) * 0x85EBCA77u + h, 3) & (uint)mask), WordGroup);
            prev2 = prev1;
            prev1 = h;
            if (useLexicon && lookup.Contains(word)) lexiconHits++;
            if (maxCharGram == 0) continue;
            // Character n-grams of " word ", as scikit-learn's char_wb analyser takes them: every window
            // of each length up to the longest, and a padded word no longer than that once, whole.
            var padded = word.Length + 2;
            for (var p = 0; p + MinCharGram <= padded; p++)
            {
                var c = 2166136261u;
                for (var n = 1; n <= maxCharGram && p + n <= padded; n++)
                {
                    var at = p + n - 1;
                    c = (c ^ (at == 0 || at == padded - 1 ? ' ' : word[at - 1])) * 16777619u;
                    if (n >= MinCharGram) sink.Add((int)(Mix(c, (uint)(10 + n)) & (uint)mask), CharGroup);
                }
            }
        }
        return lexiconHits;
    }

    /// <summary>
    /// The buckets <see cref="Features"/> gives a <see cref="BufferSink"/>, the same numbers in the same
    /// order, in two passes: the n-gram hashes, each already combined with its kind (the first step of
    /// <see cref="Mix"/>), then the rest of <see cref="Mix"/> and the mask over the whole buffer, eight
    /// at a time. Mixing one n-gram at a time, with a call and a branch on its group, was about a third
    /// of a prediction's own work.
    /// </summary>
    private int FeatureBuckets(ReadOnlySpan<char> clean, Scratch s, out int wordCount, out int charCount)
    {
        var lookup = _lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        var useLexicon = _lexicon.Count > 0;
        var filter = _lexiconFilter;
        var maxWordGram = MaxWordGram;
        var maxCharGram = MaxCharGram;
        var lexiconHits = 0;
        uint prev1 = 0, prev2 = 0;
        var words = s.Words;
        var chars = s.Chars;
        int nw = 0, nc = 0;
        var i = 0;
        while (i < clean.Length)
        {
            var start = i;
            var h = 2166136261u;
            while (i < clean.Length && clean[i] != ' ') { h = (h ^ clean[i]) * 16777619u; i++; }
            var word = clean[start..i];
            i++;
            if (word.IsEmpty) continue;
            h |= 1;
            if (nw + 3 > words.Length) Array.Resize(ref words, words.Length * 2);
            words[nw++] = (int)(h ^ Kind1);
            if (maxWordGram >= 2 && prev1 != 0) words[nw++] = (int)((prev1 * 0x9E3779B1u + h) ^ Kind2);
            if (maxWordGram >= 3 && prev2 != 0) words[nw++] = (int)(((prev2 * 0x9E3779B1u + prev1) * 0x85EBCA77u + h) ^ Kind3);
            prev2 = prev1;
            prev1 = h;
            var bit = (h >> 1) % LexiconFilterBits;
            if (useLexicon && (filter[bit / 64] & (1UL << (int)(bit % 64))) != 0 && lookup.Contains(word)) lexiconHits++;
            if (maxCharGram == 0) continue;
            var padded = word.Length + 2;
            if (nc + padded * maxCharGram > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, nc + padded * maxCharGram));
            for (var p = 0; p + MinCharGram <= padded; p++)
            {
                var c = 2166136261u;
                for (var n = 1; n <= maxCharGram && p + n <= padded; n++)
                {
                    var at = p + n - 1;
                    c = (c ^ (at == 0 || at == padded - 1 ? ' ' : word[at - 1])) * 16777619u;
                    if (n >= MinCharGram) chars[nc++] = (int)(c ^ (uint)(10 + n) * 0x85EBCA6Bu);
                }
            }
        }
        s.Words = words;
        s.Chars = chars;
        FinishMix(MemoryMarshal.Cast<int, uint>(words.AsSpan(0, nw)), (uint)Mask);
        FinishMix(MemoryMarshal.Cast<int, uint>(chars.AsSpan(0, nc)), (uint)Mask);
        wordCount = nw;
        charCount = nc;
        return lexiconHits;
    }

    private const uint Kind1 = 1 * 0x85EBCA6Bu, Kind2 = unchecked(2 * 0x85EBCA6Bu), Kind3 = unchecked(3 * 0x85EBCA6Bu);

    /// <summary><see cref="Mix"/> after its first step, and the mask, in place.</summary>
    private static void FinishMix(Span<uint> h, uint mask)
    {
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var m1 = Vector256.Create(0x7FEB352Du);
            var m2 = Vector256.Create(0x846CA68Bu);
            var vm = Vector256.Create(mask);
            for (; k + Vector256<uint>.Count <= h.Length; k += Vector256<uint>.Count)
            {
                var v = Vector256.Create<uint>(h.Slice(k, Vector256<uint>.Count));
                v ^= Vector256.ShiftRightLogical(v, 16); v *= m1; v ^= Vector256.ShiftRightLogical(v, 15); v *= m2; v ^= Vector256.ShiftRightLogical(v, 16);
                (v & vm).CopyTo(h.Slice(k, Vector256<uint>.Count));
            }
        }
        for (; k < h.Length; k++)
        {
            var v = h[k];
            v ^= v >> 16; v *= 0x7FEB352Du; v ^= v >> 15; v *= 0x846CA68Bu; v ^= v >> 16;
            h[k] = v & mask;
        }
    }

    private static uint Mix(uint h, uint kind)
    {
        h ^= kind * 0x85EBCA6Bu;
        h ^= h >> 16; h *= 0x7FEB352Du; h ^= h >> 15; h *= 0x846CA68Bu; h ^= h >> 16;
        return h;
    }

    internal interface IFeatureSink { void Add(int bucket, int group); }

    /// <summary>Collects buckets into a growing buffer, word n-grams and character n-grams apart.</summary>
    internal struct BufferSink : IFeatureSink
    {
        public int[] Words, Chars;
        public int WordCount, CharCount;
        public void Add(int bucket, int group)
        {
            if (group == WordGroup) Push(ref Words, ref WordCount, bucket);
            else Push(ref Chars, ref CharCount, bucket);
        }
        private static void Push(ref int[] a, ref int n, int v)
        {
            if (n == a.Length) Array.Resize(ref a, a.Length * 2);
            a[n++] = v;
        }
    }

    internal static float LexiconCount(int hits) => Math.Min(hits, 3);

    /// <summary>Sublinear term frequency, as TfidfVectorizer(sublinear_tf=True).</summary>
    internal static float TermWeight(int count) => count < TermWeights.Length ? TermWeights[count] : 1f + MathF.Log(count);

    /// <summary>The same formula for the counts a post has, computed once: a logarithm per distinct n-gram
    /// was a third of a prediction, and nearly every count is 1.</summary>
    private static readonly float[] TermWeights = Enumerable.Range(0, 64).Select(c => 1f + MathF.Log(c)).ToArray();

    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public char[] Text = new char[CleanCapacity];
        public int[] Words = new int[1024], Chars = new int[4096];
        /// <summary>The radix sort's second buffer, as long as the longer of the two above.</summary>
        public int[] Sorted = new int[4096];
        public readonly int[] Digits = new int[MaxRadixPasses << RadixBits];
    }

    /// <summary>Class probabilities for folded text (see <see cref="NormalizedText"/>).</summary>
    public (float Hate, float Offensive) Predict(ReadOnlySpan<char> folded)
    {
        Span<float> p = stackalloc float[Classes];
        Probabilities(folded, p);
        return (p[Hate], p[Offensive]);
    }

    public void Probabilities(ReadOnlySpan<char> folded, Span<float> p)
    {
        // Per-thread buffers: the engine screens on many threads and should not allocate per post.
        var s = _scratch ??= new Scratch();
        var n = Clean(folded, s.Text);
        var hits = FeatureBuckets(s.Text.AsSpan(0, n), s, out var wordCount, out var charCount);
        var sink = new BufferSink { Words = s.Words, Chars = s.Chars, WordCount = wordCount, CharCount = charCount };
        if (s.Sorted.Length < Math.Max(s.Words.Length, s.Chars.Length)) s.Sorted = new int[Math.Max(s.Words.Length, s.Chars.Length)];
        p[0] = Bias[0]; p[1] = Bias[1]; p[2] = Bias[2];
        AddBlock(s.Words.AsSpan(0, sink.WordCount), s.Sorted, s.Digits, p);
        AddBlock(s.Chars.AsSpan(0, sink.CharCount), s.Sorted, s.Digits, p);
        if (hits > 0)
            for (var k = 0; k < Classes; k++) p[k] += LexiconCount(hits) * ExtraWeights[k] + ExtraWeights[Classes + k];
        Softmax(p);
    }

    /// <summary>Adds one L2-normalised TF-IDF block's scores; sorts <paramref name="buckets"/> in place to count repeats.
    /// The sums run in ascending bucket order, so the scores do not depend on how the buckets were sorted.</summary>
    private void AddBlock(Span<int> buckets, Span<int> temp, Span<int> digits, Span<float> p)
    {
        if (buckets.IsEmpty) return;
        SortBuckets(buckets, temp, digits, BucketBits);
        float s0 = 0, s1 = 0, s2 = 0, norm = 0;
        if (_packed is { } packed)
        {
            // The same sums in the same order as below, read from one line per bucket; a bucket whose IDF
            // is zero is skipped there too (its term weight times zero is zero).
            var bits = _bits!;
            var rank = _rank!;
            for (var i = 0; i < buckets.Length;)
            {
                var b = buckets[i];
                var j = i + 1;
                while (j < buckets.Length && buckets[j] == b) j++;
                var word = bits[b >> 6];
                var bit = 1UL << b;
                if ((word & bit) == 0) { i = j; continue; }
                var at = (rank[b >> 6] + BitOperations.PopCount(word & (bit - 1))) * 4;
                var v = TermWeight(j - i) * packed[at];
                i = j;
                if (v == 0) continue;
                norm += v * v;
                s0 += v * packed[at + 1]; s1 += v * packed[at + 2]; s2 += v * packed[at + 3];
            }
            if (norm == 0) return;
            var scale1 = 1f / MathF.Sqrt(norm);
            p[0] += scale1 * s0; p[1] += scale1 * s1; p[2] += scale1 * s2;
            return;
        }
        for (var i = 0; i < buckets.Length;)
        {
            var b = buckets[i];
            var j = i + 1;
            while (j < buckets.Length && buckets[j] == b) j++;
            var v = TermWeight(j - i) * Idf[b];
            i = j;
            if (v == 0) continue;
            norm += v * v;
            var w = b * Classes;
            s0 += v * Weights[w]; s1 += v * Weights[w + 1]; s2 += v * Weights[w + 2];
        }
        if (norm == 0) return;
        var scale = 1f / MathF.Sqrt(norm);
        p[0] += scale * s0; p[1] += scale * s1; p[2] += scale * s2;
    }

    /// <summary>Sorts with the sorted (ascending) result <see cref="MemoryExtensions.Sort{T}(Span{T})"/> gives, for tests.</summary>
    internal static void SortBuckets(Span<int> keys, int bits) => SortBuckets(keys, new int[keys.Length], new int[MaxRadixPasses << RadixBits], bits);

    /// <summary>
    /// Bucket numbers in ascending order: one counting pass on the top bits, about as many bins as keys
    /// (they are hashes, so a bin holds one or two), then an insertion sort that only has to order each
    /// bin. Half the work of two radix passes and much less than a comparison sort of a post's 100 or so
    /// word n-grams. A bin of more than <see cref="MaxBin"/> (text made to collide) goes to the radix
    /// sort instead, so the cost stays linear.
    /// </summary>
    private static void SortBuckets(Span<int> keys, Span<int> temp, Span<int> digits, int bits)
    {
        var n = keys.Length;
        if (n < 16) { keys.Sort(); return; }
        var top = Math.Clamp(BitOperations.Log2((uint)n) + 1, 4, Math.Min(bits, RadixBits));
        var shift = bits - top;
        var counts = digits[..(1 << top)];
        counts.Clear();
        foreach (var k in keys) counts[k >> shift]++;
        var sum = 0;
        for (var d = 0; d < counts.Length; d++)
        {
            var c = counts[d];
            if (c > MaxBin) { RadixSort(keys, temp, digits, bits); return; }
            counts[d] = sum;
            sum += c;
        }
        var to = temp[..n];
        foreach (var k in keys) to[counts[k >> shift]++] = k;
        for (var i = 1; i < n; i++)
        {
            var k = to[i];
            var j = i - 1;
            while (j >= 0 && to[j] > k) { to[j + 1] = to[j]; j--; }
            to[j + 1] = k;
        }
        to.CopyTo(keys);
    }

    private const int MaxBin = 32;

    private const int RadixBits = 10;
    /// <summary>Bucket bits are at most 24 (see the constructor).</summary>
    private const int MaxRadixPasses = 3;

    /// <summary>
    /// Sorts bucket numbers (below 2^<paramref name="bits"/>) by least-significant-digit radix, ten bits a pass:
    /// the same order as <see cref="MemoryExtensions.Sort{T}(Span{T})"/>, in linear time. A post's 500 or so
    /// character n-grams took a comparison sort about 15 us, more than the rest of a prediction together.
    /// </summary>
    internal static void RadixSort(Span<int> keys, Span<int> temp, int bits) => RadixSort(keys, temp, new int[MaxRadixPasses << RadixBits], bits);

    /// <param name="digits">Room for the counts, <see cref="MaxRadixPasses"/> times 2^<see cref="RadixBits"/>; reused, so only the passes needed are cleared.</param>
    private static void RadixSort(Span<int> keys, Span<int> temp, Span<int> digits, int bits)
    {
        const int digit = 1 << RadixBits, mask = digit - 1;
        var passes = (bits + RadixBits - 1) / RadixBits;
        // Every pass's counts in one read of the keys; the digits above the top bit count nothing.
        var counts = digits[..(passes * digit)];
        counts.Clear();
        foreach (var k in keys)
            for (var pass = 0; pass < passes; pass++) counts[pass * digit + ((k >> (pass * RadixBits)) & mask)]++;
        var from = keys;
        var to = temp[..keys.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            var start = counts.Slice(pass * digit, digit);
            var top = bits - pass * RadixBits < RadixBits ? 1 << (bits - pass * RadixBits) : digit;
            var sum = 0;
            for (var d = 0; d < top; d++)
            {
                var c = start[d];
                start[d] = sum;
                sum += c;
            }
            var shift = pass * RadixBits;
            foreach (var k in from) to[start[(k >> shift) & mask]++] = k;
            var t = from;
            from = to;
            to = t;
        }
        // An odd number of passes leaves the sorted keys in the second buffer.
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(from), ref MemoryMarshal.GetReference(keys))) from.CopyTo(keys);
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
        return Decide(p, HateThreshold);
    }

    internal static int Decide(ReadOnlySpan<float> p, float hateThreshold) =>
        p[Hate] >= hateThreshold ? Hate : p[Offensive] >= p[Neither] ? Offensive : Neither;

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
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), MaxWordGram);
        stream.Write(header);
        // Biases and lexicon weights stay single precision: they are few and every text uses them.
        var small = new byte[(Bias.Length + ExtraWeights.Length) * 4];
        var o = 0;
        foreach (var w in Bias) { BinaryPrimitives.WriteSingleLittleEndian(small.AsSpan(o), w); o += 4; }
        foreach (var w in ExtraWeights) { BinaryPrimitives.WriteSingleLittleEndian(small.AsSpan(o), w); o += 4; }
        stream.Write(small);
        var buf = new byte[(Weights.Length + Idf.Length) * 2];
        o = 0;
        foreach (var w in Weights) { BinaryPrimitives.WriteHalfLittleEndian(buf.AsSpan(o), (Half)w); o += 2; }
        foreach (var w in Idf) { BinaryPrimitives.WriteHalfLittleEndian(buf.AsSpan(o), (Half)w); o += 2; }
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
        if (bits is < 10 or > 24) throw new InvalidDataException("bad bucket count in model");
        if (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) != Classes) throw new InvalidDataException("unexpected class count");
        LinearModel model;
        try
        {
            model = new LinearModel(bits, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24)), BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(28)))
            {
                HateThreshold = BinaryPrimitives.ReadSingleLittleEndian(header.AsSpan(16)),
                OffensiveThreshold = BinaryPrimitives.ReadSingleLittleEndian(header.AsSpan(20)),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException("bad n-gram settings in model", e);
        }
        var small = new byte[(model.Bias.Length + model.ExtraWeights.Length) * 4];
        stream.ReadExactly(small);
        var o = 0;
        for (var k = 0; k < model.Bias.Length; k++, o += 4) model.Bias[k] = BinaryPrimitives.ReadSingleLittleEndian(small.AsSpan(o));
        for (var k = 0; k < model.ExtraWeights.Length; k++, o += 4) model.ExtraWeights[k] = BinaryPrimitives.ReadSingleLittleEndian(small.AsSpan(o));
        var buf = new byte[(model.Weights.Length + model.Idf.Length) * 2];
        stream.ReadExactly(buf);
        o = 0;
        for (var k = 0; k < model.Weights.Length; k++, o += 2) model.Weights[k] = (float)BinaryPrimitives.ReadHalfLittleEndian(buf.AsSpan(o));
        for (var k = 0; k < model.Idf.Length; k++, o += 2) model.Idf[k] = (float)BinaryPrimitives.ReadHalfLittleEndian(buf.AsSpan(o));
        var nonZero = new ulong[(model.Idf.Length + 63) / 64];
        var rank = new int[nonZero.Length];
        var kept = 0;
        for (var b = 0; b < model.Idf.Length; b++)
        {
            if ((b & 63) == 0) rank[b >> 6] = kept;
            if (model.Idf[b] != 0) { nonZero[b >> 6] |= 1UL << b; kept++; }
        }
        var packed = new float[kept * 4];
        kept = 0;
        for (var b = 0; b < model.Idf.Length; b++)
        {
            if (model.Idf[b] == 0) continue;
            packed[kept * 4] = model.Idf[b];
            for (var k = 0; k < Classes; k++) packed[kept * 4 + 1 + k] = model.Weights[b * Classes + k];
            kept++;
        }
        model._bits = nonZero;
        model._rank = rank;
        model._packed = packed;
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
