using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

public class CategoryModelWordTests
{
    /// <summary>The word walk as it was before the hash was taken in the same pass (<see cref="CategoryModel.Buckets"/>):
    /// words split by <see cref="char.IsLetterOrDigit(char)"/> and the apostrophe, trimmed of apostrophes, then hashed.</summary>
    private static int ReferenceBuckets(string folded, int[] buckets, int[] starts, int[] ends)
    {
        static uint Hash(ReadOnlySpan<char> word) { var h = 2166136261u; foreach (var ch in word) h = (h ^ ch) * 16777619u; return h; }
        static uint Mix(uint x) { x ^= x >> 16; x *= 0x7feb352du; x ^= x >> 15; x *= 0x846ca68bu; x ^= x >> 16; return x; }
        static bool WordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';
        const int mask = (1 << CategoryModel.BucketBits) - 1;
        int n = 0, words = 0, previousStart = 0, i = 0;
        var previous = 0u;
        while (i < folded.Length && words < CategoryModel.MaxWords && n + 2 <= buckets.Length)
        {
            while (i < folded.Length && !WordChar(folded[i])) i++;
            var start = i;
            while (i < folded.Length && WordChar(folded[i])) i++;
            if (i == start) break;
            var word = folded.AsSpan(start, i - start).Trim('\'');
            if (word.IsEmpty) continue;
            var h = Hash(word);
            starts[n] = start; ends[n] = i; buckets[n++] = (int)(Mix(h) & mask);
            if (words > 0) { starts[n] = previousStart; ends[n] = i; buckets[n++] = (int)(Mix(previous * 31u + h + 0x5bd1e995u) & mask); }
            previous = h; previousStart = start; words++;
        }
        return n;
    }

    [Fact]
    public void The_word_walk_gives_the_buckets_and_spans_of_split_trim_and_hash()
    {
        // Every character class the walk treats apart: ASCII letters and digits, apostrophes at either end and
        // inside, Latin-1 and other letters and digits, punctuation, symbols, surrogates and controls.
        const string alphabet = "aZq09'''  .,-_!?\t\n\u00e9\u00aa\u00b2\u00bd\u00d7\u0394\u0660\u2019\u3042\ud83d\ude00\u0000\u007f\u0080@[`{";
        var rng = new Random(7);
        var cases = new List<string> { "", "'", "''", "' '", "'a'", "a''b", "''x''y''", "don't stop", "'tis the kids' day", new string('a', 3000), string.Join(' ', Enumerable.Repeat("ab", 700)) };
        for (var t = 0; t < 3000; t++)
        {
            var chars = new char[rng.Next(0, 80)];
            for (var k = 0; k < chars.Length; k++) chars[k] = alphabet[rng.Next(alphabet.Length)];
            cases.Add(new string(chars));
        }
        // ASCII text, long enough to be walked in two halves (CategoryModel.AsciiBuckets): words, spaces, digits,
        // apostrophes inside words and at their edges, punctuation; and text that fills MaxWords or the buffer.
        const string ascii = "abcxyz0189'  ' .,*@-";
        for (var t = 0; t < 3000; t++)
        {
            var chars = new char[rng.Next(0, 400)];
            for (var k = 0; k < chars.Length; k++) chars[k] = ascii[rng.Next(ascii.Length)];
            cases.Add(new string(chars));
            var words = new string[rng.Next(1, 80)];
            for (var k = 0; k < words.Length; k++) words[k] = rng.Next(6) switch { 0 => "don't", 1 => "a", 2 => "kids", 3 => "y6", 4 => "it's", _ => "xyzzy" };
            cases.Add(string.Join(rng.Next(3) == 0 ? "  " : " ", words));
        }
        cases.Add(string.Join(' ', Enumerable.Repeat("ab", 1000)));
        cases.Add(string.Join(' ', Enumerable.Repeat("a", 1030)));
        cases.Add(string.Join(' ', Enumerable.Repeat("a", 700)));
        cases.Add(" " + string.Join(' ', Enumerable.Repeat("don't", 300)) + " ");
        for (var c = 0; c < 65536; c++) cases.Add($"x{(char)c}y {(char)c} {(char)c}{(char)c}z '{(char)c}'");
        foreach (var text in cases)
            foreach (var size in new[] { 2 * CategoryModel.MaxWords, Math.Min(2 * CategoryModel.MaxWords, text.Length + 2), 3, 2, 1, 0 })
            {
                int[] b1 = new int[size], s1 = new int[size], e1 = new int[size], b2 = new int[size], s2 = new int[size], e2 = new int[size], b3 = new int[size];
                var n1 = ReferenceBuckets(text, b1, s1, e1);
                var n2 = CategoryModel.Buckets(text, b2, s2, e2);
                var n3 = CategoryModel.Buckets(text, b3, default, default);
                Assert.Equal(n1, n2);
                Assert.Equal(n1, n3);
                Assert.True(b1.AsSpan(0, n1).SequenceEqual(b2.AsSpan(0, n2)), text);
                Assert.True(b1.AsSpan(0, n1).SequenceEqual(b3.AsSpan(0, n3)), text);
                Assert.True(s1.AsSpan(0, n1).SequenceEqual(s2.AsSpan(0, n2)), text);
                Assert.True(e1.AsSpan(0, n1).SequenceEqual(e2.AsSpan(0, n2)), text);
            }
    }
}
