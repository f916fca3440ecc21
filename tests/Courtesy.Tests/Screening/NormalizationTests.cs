using System.Diagnostics;
using System.Text;
using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

public class NormalizationTests
{
    [Theory]
    [InlineData("Mr Okafor I'll k\u200Bi\u200Cl\u200Dl him", "zero-width characters")]
    [InlineData("Mr Okafor I'll \u202Ekill\u202C him", "bidi override")]
    [InlineData("Mr Okafor I'll \u200Fkill\u200E him", "right-to-left marks")]
    [InlineData("Mr Okafor I'll ｋｉｌｌ him", "full-width letters")]
    [InlineData("Mr Okafor I'll k1ll him", "leetspeak")]
    [InlineData("Mr Okafor I'll kіll him", "Cyrillic i")]
    [InlineData("Mr Okafor I'll 𝐤𝐢𝐥𝐥 him", "mathematical bold")]
    [InlineData("Mr Okafor I'll ki\u0336ll him", "combining strike-through")]
    [InlineData("Mr Okafor I'll KILL him", "capitals")]
    [InlineData("Mr Okafor I'll k i l l him", "spaced letters")]
    [InlineData("Mr Okafor I'll k-i-l-l him", "hyphenated letters")]
    public void Dodges_are_still_caught(string text, string dodge)
    {
        var r = TestSchool.Screen(text);
        Assert.True(r.Categories.Contains(Categories.ThreatOfViolence), dodge);
    }

    [Fact]
    public void Masked_slurs_and_obscenities_are_read()
    {
        Assert.Contains(Categories.RacistComment, TestSchool.Screen("that family are n*****s").Categories);
        Assert.Contains(Categories.ObsceneContent, TestSchool.Screen("Mrs Hetherington is a c**t").Categories);
        Assert.Contains(Categories.ObsceneContent, TestSchool.Screen("the TA was sh*gging her").Categories);
        Assert.Contains(Categories.ObsceneContent, TestSchool.Screen("Mrs Hetherington can go f##k herself").Categories);
        Assert.Contains(Categories.NegativeOrOffensiveComment, TestSchool.Screen("Mr Okafor is a total d!ckhead").Categories);
        Assert.Empty(TestSchool.Screen("#Oakfield sports day!! Great fun!").Categories);
    }

    [Fact]
    public void Spans_point_at_the_original_text()
    {
        const string text = "Mr Okafor I'll ｋ\u200Bｉｌｌ him";
        var r = TestSchool.Screen(text);
        var f = r.Findings.First(x => x.CategoryId == Categories.ThreatOfViolence);
        Assert.Equal(text.Substring(f.Start, f.Length), f.Text);
        Assert.Contains("ｋ\u200Bｉｌｌ", f.Text);
        var emoji = TestSchool.Screen("Oakfield staff tomorrow 😤🔪");
        var knife = emoji.Findings.First(x => x.CategoryId == Categories.ThreatOfViolence);
        Assert.Equal("🔪", knife.Text);
    }

    [Fact]
    public void Folding_maps_each_character_back()
    {
        var n = NormalizedText.Of("Ｈéllo  WORLD!\u200B k1ll");
        Assert.Equal(" hello world kill ", n.Text);
        var k = n.Text.IndexOf("kill", StringComparison.Ordinal);
        Assert.Equal("Ｈéllo  WORLD!\u200B k1ll".IndexOf('k'), n.OriginalStart(k));
        Assert.Equal(" y5 07700 bf4 7qt ", NormalizedText.Of("Y5 07700 BF4 7QT").Text);
        const string spacedText = "a b. k i l l 🔪 now";
        var spaced = NormalizedText.Of(spacedText);
        Assert.Equal(" a b kill now ", spaced.Text);
        var kill = spaced.Text.IndexOf("kill", StringComparison.Ordinal);
        Assert.Equal(spacedText.IndexOf('k'), spaced.OriginalStart(kill));
        Assert.Equal(spacedText.IndexOf("l 🔪", StringComparison.Ordinal) + 1, spaced.OriginalEnd(kill + 4));
        Assert.InRange(spaced.Emoji[0].NormPos, kill + 4, kill + 5);
    }

    [Fact]
    public void Plain_ascii_folds_eight_at_a_time_with_the_same_map()
    {
        // Words of two or more letters with runs of spaces, at every alignment against the eight-character
        // blocks, and a comma now and then so the vector path stops and starts again mid-block.
        var rng = new Random(3);
        for (var t = 0; t < 300; t++)
        {
            var text = new StringBuilder();
            for (var w = rng.Next(1, 30); w > 0; w--)
            {
                text.Append(' ', rng.Next(0, 4));
                for (var k = rng.Next(2, 9); k > 0; k--) text.Append((char)(rng.Next(2) == 0 ? 'a' + rng.Next(26) : 'A' + rng.Next(26)));
                if (rng.Next(6) == 0) text.Append(',');
            }
            var s = text.ToString();
            var expected = new StringBuilder(" ");
            var map = new List<int> { 0 };
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i] == ',' ? ' ' : char.ToLowerInvariant(s[i]);
                if (c == ' ' && expected[^1] == ' ') continue;
                expected.Append(c);
                map.Add(i);
            }
            if (expected[^1] != ' ') { expected.Append(' '); map.Add(s.Length); }
            var n = NormalizedText.Of(s);
            Assert.Equal(expected.ToString(), n.Text);
            for (var k = 1; k < map.Count; k++)
            {
                Assert.Equal(map[k], n.OriginalStart(k));
                Assert.Equal(k == map.Count - 1 && map[k] == s.Length ? s.Length : map[k] + 1, n.OriginalEnd(k + 1));
            }
        }
    }

    [Fact]
    public void Empty_and_whitespace_posts_have_no_findings()
    {
        Assert.Empty(TestSchool.Screen("").Findings);
        Assert.Empty(TestSchool.Screen("   \n\t ").Findings);
        Assert.Empty(TestSchool.Engine.Screen(new Post { Text = null! }).Findings);
    }

    [Fact]
    public void Invalid_surrogates_and_binary_do_not_crash()
    {
        var lone = "Mr Okafor \uD800 I'll kill \uDC00 him \uDBFF";
        Assert.Contains(Categories.ThreatOfViolence, TestSchool.Screen(lone).Categories);
        var rng = new Random(7);
        var bytes = new byte[64 * 1024];
        rng.NextBytes(bytes);
        var binary = Encoding.Latin1.GetString(bytes) + new string(Enumerable.Range(0, 4096).Select(i => (char)rng.Next(0, 0x10000)).ToArray());
        var r = TestSchool.Screen(binary);
        foreach (var f in r.Findings) Assert.InRange(f.Start + f.Length, 0, binary.Length);
    }

    [Fact]
    public void One_megabyte_is_screened_in_bounded_time_and_overlong_text_is_cut()
    {
        var sb = new StringBuilder();
        while (sb.Length < 1 << 20) sb.Append("Marcus Reid is a thug, ring 07700 900123, I'll kill him ***** p*ki k1ll ");
        var text = sb.ToString(0, 1 << 20);
        TestSchool.Screen("warm up");
        var sw = Stopwatch.StartNew();
        var r = TestSchool.Screen(text);
        sw.Stop();
        Assert.Contains(Categories.ThreatOfViolence, r.Categories);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
        Assert.True(r.Truncated, "a megabyte of abuse has more matches than one post is compared for");
        Assert.False(TestSchool.Screen("Marcus Reid is a thug").Truncated);
        Assert.True(TestSchool.Screen(new string('a', NormalizedText.MaxChars + 10)).Truncated);
        // A pathological run of masks and digits must stay linear too.
        var masks = new string('*', 1 << 20);
        sw.Restart();
        TestSchool.Screen(masks);
        TestSchool.Screen(string.Concat(Enumerable.Repeat("a*", 1 << 19)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"masks took {sw.Elapsed}");
    }

    [Fact]
    public void Edit_distance_is_bounded_to_one()
    {
        Assert.True(ScreeningEngine.EditDistanceAtMostOne("marsdon", "marsden"));
        Assert.True(ScreeningEngine.EditDistanceAtMostOne("hartly", "hartley"));
        Assert.True(ScreeningEngine.EditDistanceAtMostOne("ashwroth", "ashworth"));
        Assert.False(ScreeningEngine.EditDistanceAtMostOne("frost", "front1"));
        Assert.False(ScreeningEngine.EditDistanceAtMostOne("bell", "ball1"));
    }

    [Fact]
    public void Phrase_matcher_anchors_words_and_allows_plurals_and_prefixes()
    {
        var m = new PhraseMatcher(["kill", "go back to", "harass"], [PhraseMatcher.PhraseFlags.AllowS, PhraseMatcher.PhraseFlags.AllowS, PhraseMatcher.PhraseFlags.Prefix]);
        var matches = new PhraseMatcher.Match[4];
        int Count(string s) => m.Scan(s, ref matches, 0);
        Assert.Equal(1, Count(" kill "));
        Assert.Equal(1, Count(" kills "));
        Assert.Equal(0, Count(" skill "));
        Assert.Equal(0, Count(" killer "));
        Assert.Equal(1, Count(" they should go back to "));
        Assert.Equal(1, Count(" harassment "));
        Assert.Equal(3, Count(" kill kill's harassing "));
    }

    [Fact]
    public void Letter_filter_never_rejects_a_word_one_edit_away()
    {
        var rng = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz'-";
        for (var n = 0; n < 2000; n++)
        {
            var a = new string(Enumerable.Range(0, rng.Next(3, 12)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var p = rng.Next(a.Length);
            var c = alphabet[rng.Next(alphabet.Length)];
            string[] edits = [a[..p] + c + a[(p + 1)..], a[..p] + c + a[p..], a[..p] + a[(p + 1)..], p + 1 < a.Length ? a[..p] + a[p + 1] + a[p] + a[(p + 2)..] : a];
            foreach (var b in edits)
            {
                Assert.True(ScreeningEngine.EditDistanceAtMostOne(a, b));
                Assert.True(System.Numerics.BitOperations.PopCount(ScreeningEngine.Letters(a) ^ ScreeningEngine.Letters(b)) <= 2, $"{a} / {b}");
            }
        }
    }

    /// <summary>The shipped lexicons' phrases, folded, as the automaton takes them (a trailing '*' is a prefix).</summary>
    private static (List<string> Texts, List<PhraseMatcher.PhraseFlags> Flags) LexiconPhrases()
    {
        var lex = Lexicons.Default;
        var phrases = lex.Cues.Select(c => c.Phrase).Concat(lex.Profanity)
            .Select(p => (Prefix: p.EndsWith('*'), Text: ScreeningEngine.Fold(p.TrimEnd('*'))))
            .Where(p => p.Text.Length > 0 && p.Text.All(ch => PhraseMatcher.SymbolOf(ch) != 0))
            .DistinctBy(p => p.Text).ToList();
        return (phrases.Select(p => p.Text).ToList(), phrases.Select(p => p.Prefix ? PhraseMatcher.PhraseFlags.Prefix : PhraseMatcher.PhraseFlags.AllowS).ToList());
    }

    [Fact]
    public void Compact_automaton_finds_what_the_full_table_finds()
    {
        var (texts, flags) = LexiconPhrases();
        var compact = new PhraseMatcher(texts, flags, compact: true);
        var full = new PhraseMatcher(texts, flags, compact: false);
        var posts = PostJson.Load(Path.Combine(Courtesy.Tests.Support.Repo.DevSet, "posts.jsonl")).Select(p => p.Text)
            .Append("é ü 😀 kill\u00e9 go back to x go back to where they came from harass*ing harassment's '' ** 12 3");
        var a = new PhraseMatcher.Match[16];
        var b = new PhraseMatcher.Match[16];
        var total = 0;
        foreach (var t in posts)
        {
            var text = NormalizedText.Of(t).Span;
            total += SameMatches(compact, full, text, ref a, ref b);
        }
        Assert.True(total > 500);
    }

    /// <summary>The compact and the full automaton find the same matches in the text, with one walker and with
    /// two; how many.</summary>
    private static int SameMatches(PhraseMatcher compact, PhraseMatcher full, ReadOnlySpan<char> text, ref PhraseMatcher.Match[] a, ref PhraseMatcher.Match[] b)
    {
        var n = compact.ScanOneWalker(text, ref a, 0);
        Assert.Equal(n, full.ScanOneWalker(text, ref b, 0));
        Assert.Equal(a.AsSpan(0, n).ToArray(), b.AsSpan(0, n).ToArray());
        n = compact.Scan(text, ref a, 0);
        Assert.Equal(n, full.Scan(text, ref b, 0));
        Assert.Equal(a.AsSpan(0, n).ToArray(), b.AsSpan(0, n).ToArray());
        return n;
    }

    [Fact]
    public void Compact_automaton_finds_phrases_whose_place_in_the_output_list_is_too_large_for_the_record()
    {
        // 40,000 phrases: more states than 16-bit dense rows can name, so the rows are 32-bit (the lockstep loop
        // is written out for both); and, from when the record held it, output lists starting past 2^15 - 1.
        string Word(int k) { var w = ""; for (var x = k; ; x /= 26) { w += (char)('a' + x % 26); if (x < 26) break; } return "q" + w; }
        var texts = Enumerable.Range(0, 40_000).Select(k => k % 3 == 0 ? Word(k) + " " + Word(k + 1) : Word(k)).ToList();
        var flags = texts.Select((_, k) => k % 7 == 0 ? PhraseMatcher.PhraseFlags.Prefix : PhraseMatcher.PhraseFlags.AllowS).ToList();
        var compact = new PhraseMatcher(texts, flags, compact: true);
        var full = new PhraseMatcher(texts, flags, compact: false);
        Assert.True(compact.StateCount > ushort.MaxValue + 1, $"{compact.StateCount} states");
        var rng = new Random(3);
        var a = new PhraseMatcher.Match[16];
        var b = new PhraseMatcher.Match[16];
        var total = 0;
        for (var t = 0; t < 2000; t++)
        {
            var words = Enumerable.Range(0, 30).Select(_ => Word(rng.Next(45_000)) + (rng.Next(5) == 0 ? "s" : rng.Next(9) == 0 ? "xy" : ""));
            var text = NormalizedText.Of(string.Join(' ', words)).Span;
            total += SameMatches(compact, full, text, ref a, ref b);
        }
        Assert.True(total > 20_000);
    }

    [Fact]
    public void Phrase_matcher_split_in_two_walkers_finds_what_one_walker_finds()
    {
        var (phrases, flags) = LexiconPhrases();
        var m = new PhraseMatcher(phrases, flags);
        var posts = PostJson.Load(Path.Combine(Courtesy.Tests.Support.Repo.DevSet, "posts.jsonl")).Select(p => p.Text).ToList();
        // Joined posts put phrases across every possible split point.
        var texts = posts.Concat(posts.Zip(posts.Skip(1), (x, y) => x + " " + y)).Append(string.Concat(posts.Take(20)))
            .Append("they should go back to where they came from go back to " + new string('x', 40) + " go back to");
        var one = new PhraseMatcher.Match[16];
        var two = new PhraseMatcher.Match[16];
        var total = 0;
        foreach (var t in texts)
        {
            var text = NormalizedText.Of(t).Span;
            var n = m.ScanOneWalker(text, ref one, 0);
            Assert.Equal(n, m.Scan(text, ref two, 0));
            Assert.Equal(one.AsSpan(0, n).ToArray(), two.AsSpan(0, n).ToArray());
            total += n;
        }
        Assert.True(total > 1000);
    }
}

public class ConcurrencyTests
{
    [Fact]
    public void One_engine_screens_from_many_threads_with_the_same_results()
    {
        var posts = Courtesy.Screening.PostJson.Load(Path.Combine(Courtesy.Tests.Support.Repo.DevSet, "posts.jsonl"));
        var (school, roster, _) = Courtesy.Screening.Evaluation.LoadSet(Courtesy.Tests.Support.Repo.DevSet);
        var engine = Courtesy.Screening.ScreeningEngine.Build(school, roster, Courtesy.Policies.Categories.All.Select(c => c.Id));
        string Key(Courtesy.Screening.ScreeningResult r) => string.Join("|", r.Findings.Select(f => $"{f.CategoryId}:{f.Start}:{f.Length}"));
        var expected = posts.Select(p => Key(engine.Screen(p))).ToArray();
        var actual = new string[posts.Count * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Key(engine.Screen(posts[i % posts.Count])));
        for (var i = 0; i < actual.Length; i++) Assert.Equal(expected[i % posts.Count], actual[i]);
    }
}

public class FuzzTests
{
    /// <summary>Random mixes of the characters the folding treats specially: no exception, and every
    /// span inside the text it came from.</summary>
    [Fact]
    public void Random_posts_never_throw_and_spans_stay_inside_the_text()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCKLMZ 0123457 '’*#!.?@$-_,\u200B\u202E\u0301ｋ😂🔪🍆";
        string[] words = ["Mr", "Okafor", "Marcus", "Reid", "kill", "f**k", "p*ki", "07700 900123", "WX3 9PL", "lives at", "k i l l", "Grace's", "the Moss boy", "Oakfield", "go back to"];
        var rng = new Random(12345);
        var sb = new System.Text.StringBuilder();
        for (var n = 0; n < 5000; n++)
        {
            sb.Clear();
            var length = rng.Next(0, 120);
            while (sb.Length < length)
            {
                if (rng.Next(4) == 0) sb.Append(words[rng.Next(words.Length)]).Append(' ');
                else sb.Append(alphabet[rng.Next(alphabet.Length)]);
                if (rng.Next(50) == 0) sb.Append((char)rng.Next(0xD800, 0xE000));
            }
            var text = sb.ToString();
            var r = TestSchool.Engine.Screen(new Courtesy.Screening.Post { Text = text, AuthorIsParentOf = rng.Next(3) == 0 ? ["Marcus Reid"] : [] });
            foreach (var f in r.Findings)
            {
                Assert.InRange(f.Start, 0, text.Length);
                Assert.InRange(f.Start + f.Length, f.Start, text.Length);
            }
        }
    }
}
