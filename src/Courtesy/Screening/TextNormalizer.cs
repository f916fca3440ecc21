using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Courtesy.Screening;

/// <summary>
/// The folded form of a post that every text detector reads: lower-case ASCII letters and digits,
/// apostrophes, masks ('*') and single spaces, with a map from each folded character back to the
/// original UTF-16 span so findings highlight the words the author actually wrote. Dodges are undone
/// here once instead of in every detector: zero-width and bidi controls and combining marks vanish,
/// full-width and mathematical letters, Cyrillic and Greek look-alikes and accented letters fold to
/// ASCII, and leetspeak digits between letters become the letters they stand for ("k1ll").
/// One pass, linear in the input; nothing is allocated once the buffers have grown.
/// </summary>
public sealed class NormalizedText
{
    /// <summary>Longer input is cut here: 1 MiB of UTF-16 is far beyond any real post.</summary>
    public const int MaxChars = 1 << 20;

    internal char[] Chars = new char[512];
    internal int[] OrigStart = new int[512];
    internal int[] OrigEnd = new int[512];
    internal int Length;
    /// <summary>Normalized index at which each sentence starts; sentence i spans [SentenceStart[i], SentenceStart[i+1]).</summary>
    internal int[] SentenceStart = new int[32];
    internal char[] SentenceTerm = new char[32];
    internal int SentenceCount;
    internal int MaskCount;
    internal bool Truncated;
    internal EmojiHit[] Emoji = new EmojiHit[16];
    internal int EmojiCount;

    internal readonly record struct EmojiHit(Cue Cue, int NormPos, int OrigStart, int OrigLength);

    public string Text => new(Chars, 0, Length);

    public ReadOnlySpan<char> Span => Chars.AsSpan(0, Length);

    /// <summary>Original UTF-16 start of the folded span [start, end).</summary>
    public int OriginalStart(int start) => OrigStart[Math.Clamp(start, 0, Math.Max(0, Length - 1))];

    public int OriginalEnd(int endExclusive) => OrigEnd[Math.Clamp(endExclusive - 1, 0, Math.Max(0, Length - 1))];

    public static NormalizedText Of(string text)
    {
        var n = new NormalizedText();
        n.Normalize(text);
        return n;
    }

    private const char Drop = '\u0001';
    private const char Term = '\u0002';
    private const char Other = ' ';

    private static readonly char[] Fold = BuildFold();

    private static char[] BuildFold()
    {
        var t = new char[65536];
        for (var c = 0; c < t.Length; c++) t[c] = Other;
        for (var c = 'a'; c <= 'z'; c++) { t[c] = c; t[char.ToUpperInvariant(c)] = c; }
        for (var c = '0'; c <= '9'; c++) t[c] = c;
        t['*'] = '*';
        t['@'] = '@';
        t['$'] = '$';
        foreach (var c in "'\u2019\u2018`\u00B4\u02BC\u2032") t[c] = '\'';
        foreach (var c in ".!?\n\r\u2026") t[c] = Term;
        // Characters people insert to split a word past a filter, and direction overrides.
        foreach (var c in "\u00AD\u034F\u061C\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF") t[c] = Drop;
        for (var c = 0xFE00; c <= 0xFE0F; c++) t[c] = Drop;
        foreach (var (from, to) in new[] { (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F), (0x0483, 0x0489) })
            for (var c = from; c <= to; c++) t[c] = Drop;
        // Accented Latin, circled and other compatibility letters: the first ASCII letter of the compatibility decomposition.
        foreach (var (from, to) in new[] { (0x00C0, 0x024F), (0x1E00, 0x1EFF), (0x2460, 0x24FF), (0x1D00, 0x1DBF), (0x2070, 0x209F), (0x2100, 0x214F) })
            for (var c = from; c <= to; c++)
            {
                if (char.IsSurrogate((char)c)) continue;
                var d = ((char)c).ToString().Normalize(NormalizationForm.FormKD);
                if (d.Length > 0 && d[0] < 128 && char.IsLetterOrDigit(d[0])) t[c] = char.ToLowerInvariant(d[0]);
                else if (char.IsLetter((char)c)) t[c] = char.ToLowerInvariant((char)c);
            }
        // Full-width forms ("ｋｉｌｌ").
        for (var c = 0xFF01; c <= 0xFF5E; c++) t[c] = t[c - 0xFEE0];
        // Cyrillic and Greek letters that look like Latin ones.
        const string look = "аaеeоoрpсcуyхxіiјjѕsкkмmнhтtвbАaВbЕeКkМmНhОoРpСcТtХxІiЈjЅsУyαaοoρpνvιiκkτtεeυuχxΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxԁdһhӏlɡgⅰiⅼlℓl";
        for (var i = 0; i < look.Length; i += 2) t[look[i]] = look[i + 1];
        // Other letters (Polish, Chinese, ...) stay themselves: they are words, not separators.
        for (var c = 0x0250; c < 0x10000; c++)
            if (t[c] == Other && !char.IsSurrogate((char)c) && char.IsLetter((char)c) && c is not (>= 0xFF01 and <= 0xFF5E)) t[c] = char.ToLowerInvariant((char)c);
        return t;
    }

    internal void Normalize(ReadOnlySpan<char> text)
    {
        Truncated = text.Length > MaxChars;
        if (Truncated) text = text[..MaxChars];
        SentenceCount = 0; MaskCount = 0; EmojiCount = 0;
        Ensure(text.Length + 2);
        // Locals, not fields, in the loop: the JIT keeps them in registers.
        var chars = Chars;
        var os = OrigStart;
        var oe = OrigEnd;
        var fold = Fold;
        StartSentence(0);
        chars[0] = ' '; os[0] = 0; oe[0] = 0;
        var len = 1;
        var i = 0;
        var input = MemoryMarshal.Cast<char, ushort>(text);
        while (i < text.Length)
        {
            // Most of a post is ASCII letters, digits and single spaces, which fold one to one: eight at a
            // time, lower-cased with a mask and mapped with an index ramp, as far as the first character
            // that needs the general path below. Output never outruns input, so the eight stores fit.
            // Sixteen at a time where the processor has 256-bit vectors: a post's runs between punctuation
            // are often longer than eight.
            if (Vector256.IsHardwareAccelerated && i + 16 <= text.Length)
            {
                var v = Vector256.Create(input.Slice(i, 16));
                var upper = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)25));
                var plain = upper
                    | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25))
                    | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
                var spaces = Vector256.Equals(v, Vector256.Create((ushort)' ')).ExtractMostSignificantBits();
                var stop = ~(plain.ExtractMostSignificantBits() | spaces) | (spaces & (spaces << 1 | (chars[len - 1] == ' ' ? 1u : 0u)));
                var run = BitOperations.TrailingZeroCount(stop | 0x10000);
                if (run > 0)
                {
                    (v | (upper & Vector256.Create((ushort)0x20))).CopyTo(MemoryMarshal.Cast<char, ushort>(chars.AsSpan(len, 16)));
                    var ramp = Vector256.Create(i) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
                    ramp.CopyTo(os.AsSpan(len, 8));
                    (ramp + Vector256<int>.One).CopyTo(oe.AsSpan(len, 8));
                    if (run > 8)
                    {
                        ramp += Vector256.Create(8);
                        ramp.CopyTo(os.AsSpan(len + 8, 8));
                        (ramp + Vector256<int>.One).CopyTo(oe.AsSpan(len + 8, 8));
                    }
                    len += run;
                    i += run;
                    continue;
                }
            }
            else if (i + 8 <= text.Length)
            {
                var v = Vector128.Create(input.Slice(i, 8));
                var upper = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'A'), Vector128.Create((ushort)25));
                var plain = upper
                    | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25))
                    | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
                var spaces = Vector128.Equals(v, Vector128.Create((ushort)' ')).ExtractMostSignificantBits();
                // A space after a space is collapsed, which the ramp cannot express.
                var stop = ~(plain.ExtractMostSignificantBits() | spaces) | (spaces & (spaces << 1 | (chars[len - 1] == ' ' ? 1u : 0u)));
                var run = BitOperations.TrailingZeroCount(stop | 0x100);
                if (run > 0)
                {
                    (v | (upper & Vector128.Create((ushort)0x20))).CopyTo(MemoryMarshal.Cast<char, ushort>(chars.AsSpan(len, 8)));
                    var ramp = Vector256.Create(i) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
                    ramp.CopyTo(os.AsSpan(len, 8));
                    (ramp + Vector256<int>.One).CopyTo(oe.AsSpan(len, 8));
                    len += run;
                    i += run;
                    continue;
                }
            }
            int cp = text[i];
            var start = i;
            char f;
            if (cp < 0xD800)
            {
                i++;
                f = fold[cp];
                // The common case, a letter or digit, goes straight out.
                if (f > '*')
                {
                    chars[len] = f; os[len] = start; oe[len] = i; len++;
                    continue;
                }
            }
            else if (char.IsHighSurrogate((char)cp) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32((char)cp, text[i + 1]);
                i += 2;
                f = Supplementary(cp, start, 2, len);
            }
            else
            {
                i++;
                f = char.IsSurrogate((char)cp) ? Other : fold[cp];
            }
            switch (f)
            {
                case Drop: continue;
                case Term:
                    // "sh!t": an exclamation mark between letters stands for an i.
                    if (cp == '!' && chars[len - 1] is >= 'a' and <= 'z' && i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        chars[len] = 'i'; os[len] = start; oe[len] = i; len++;
                        continue;
                    }
                    // "3.15", "£4.50": a full stop between digits ends nothing.
                    if (cp == '.' && char.IsAsciiDigit(chars[len - 1]) && i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        if (chars[len - 1] != ' ') { chars[len] = ' '; os[len] = start; oe[len] = i; len++; }
                        continue;
                    }
                    if (chars[len - 1] != ' ') { chars[len] = ' '; os[len] = start; oe[len] = i; len++; }
                    if (SentenceStart[SentenceCount - 1] < len - 1)
                    {
                        SentenceTerm[SentenceCount - 1] = (char)cp;
                        StartSentence(len);
                    }
                    continue;
                case ' ':
                    // "f##k", "c#nt": a hash inside a word is a mask like '*' (at a word start it is a hashtag).
                    if (cp == '#' && chars[len - 1] is (>= 'a' and <= 'z') or '*' && i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '#' or '*'))
                    {
                        MaskCount++;
                        chars[len] = '*'; os[len] = start; oe[len] = i; len++;
                        continue;
                    }
                    if (chars[len - 1] != ' ') { chars[len] = ' '; os[len] = start; oe[len] = i; len++; }
                    continue;
                case '\'':
                    // A quote mark opening a word ("'Brandon'") is punctuation, not part of the word.
                    if (chars[len - 1] != ' ') { chars[len] = '\''; os[len] = start; oe[len] = i; len++; }
                    continue;
                case '*':
                    MaskCount++;
                    chars[len] = '*'; os[len] = start; oe[len] = i; len++;
                    continue;
                default:
                    chars[len] = f; os[len] = start; oe[len] = i; len++;
                    continue;
            }
        }
        if (chars[len - 1] != ' ') { chars[len] = ' '; os[len] = text.Length; oe[len] = text.Length; len++; }
        Length = len;
        if (SentenceCount > 1 && SentenceStart[SentenceCount - 1] >= Length - 1) SentenceCount--;
        SentenceTerm[SentenceCount - 1] = SentenceTerm[SentenceCount - 1] == '\0' ? '.' : SentenceTerm[SentenceCount - 1];
        UndoLeet();
        JoinSpacedLetters();
    }

    private const char Joined = '\u0003';

    /// <summary>"k i l l", "f-u-c-k": three or more single letters in a row, within one sentence, are one
    /// word. Done in place in one pass, keeping the map to the original text.</summary>
    private void JoinSpacedLetters()
    {
        if (!MaySpaceLetters()) return;
        var c = Chars;
        var n = Length;
        var sentence = 1;
        var marked = false;
        var k = 1;
        while (k + 4 < n)
        {
            if (!IsSingleLetterAt(c, k, n))
            {
                // Only a word start can be a single letter, and a word starts after a space; words are
                // short, so a plain loop beats a vectorised search's call.
                while (k < n && c[k] != ' ') k++;
                k++;
                continue;
            }
            var end = k;
            var count = 1;
            while (end + 3 < n && IsSingleLetterAt(c, end + 2, n) && !SentenceStartsAt(end + 2, ref sentence))
            {
                end += 2;
                count++;
            }
            if (count >= 3)
            {
                for (var q = k + 1; q < end; q += 2) c[q] = Joined;
                marked = true;
            }
            k = end + 2;
        }
        if (!marked) return;
        var os = OrigStart;
        var oe = OrigEnd;
        var w = 0;
        var nextSentence = 0;
        var nextEmoji = 0;
        for (var r = 0; r < n; r++)
        {
            while (nextSentence < SentenceCount && SentenceStart[nextSentence] == r) SentenceStart[nextSentence++] = w;
            while (nextEmoji < EmojiCount && Emoji[nextEmoji].NormPos == r) { Emoji[nextEmoji] = Emoji[nextEmoji] with { NormPos = w }; nextEmoji++; }
            if (c[r] == Joined) continue;
            c[w] = c[r]; os[w] = os[r]; oe[w] = oe[r];
            w++;
        }
        Length = w;
    }

    /// <summary>Whether three one-character words follow each other anywhere (" x y z "), eight positions at a
    /// time; most posts have none, and then the word-by-word pass is skipped.</summary>
    private bool MaySpaceLetters()
    {
        var c = MemoryMarshal.Cast<char, ushort>(Chars.AsSpan(0, Length));
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Sixteen positions at a time where the hardware has it: half the loads and compares of eight.
            var space256 = Vector256.Create((ushort)' ');
            for (; k + 22 <= c.Length; k += 16)
            {
                var hit = Vector256.Equals(Vector256.Create(c.Slice(k, 16)), space256)
                    & ~Vector256.Equals(Vector256.Create(c.Slice(k + 1, 16)), space256)
                    & Vector256.Equals(Vector256.Create(c.Slice(k + 2, 16)), space256)
                    & ~Vector256.Equals(Vector256.Create(c.Slice(k + 3, 16)), space256)
                    & Vector256.Equals(Vector256.Create(c.Slice(k + 4, 16)), space256)
                    & ~Vector256.Equals(Vector256.Create(c.Slice(k + 5, 16)), space256)
                    & Vector256.Equals(Vector256.Create(c.Slice(k + 6, 16)), space256);
                if (hit != Vector256<ushort>.Zero) return true;
            }
        }
        var space = Vector128.Create((ushort)' ');
        for (; k + 14 <= c.Length; k += 8)
        {
            var hit = Vector128.Equals(Vector128.Create(c.Slice(k, 8)), space)
                & ~Vector128.Equals(Vector128.Create(c.Slice(k + 1, 8)), space)
                & Vector128.Equals(Vector128.Create(c.Slice(k + 2, 8)), space)
                & ~Vector128.Equals(Vector128.Create(c.Slice(k + 3, 8)), space)
                & Vector128.Equals(Vector128.Create(c.Slice(k + 4, 8)), space)
                & ~Vector128.Equals(Vector128.Create(c.Slice(k + 5, 8)), space)
                & Vector128.Equals(Vector128.Create(c.Slice(k + 6, 8)), space);
            if (hit != Vector128<ushort>.Zero) return true;
        }
        for (; k + 6 < c.Length; k++)
            if (c[k] == ' ' && c[k + 1] != ' ' && c[k + 2] == ' ' && c[k + 3] != ' ' && c[k + 4] == ' ' && c[k + 5] != ' ' && c[k + 6] == ' ') return true;
        return false;
    }

    /// <summary>A one-letter word at <paramref name="k"/>: a space before it and a space after it.</summary>
    private static bool IsSingleLetterAt(char[] c, int k, int n) =>
        k + 1 < n && c[k - 1] == ' ' && c[k] is >= 'a' and <= 'z' && c[k + 1] == ' ';

    private bool SentenceStartsAt(int position, ref int from)
    {
        while (from < SentenceCount && SentenceStart[from] < position) from++;
        return from < SentenceCount && SentenceStart[from] == position;
    }

    private void StartSentence(int at)
    {
        if (SentenceCount == SentenceStart.Length)
        {
            Array.Resize(ref SentenceStart, SentenceCount * 2);
            Array.Resize(ref SentenceTerm, SentenceCount * 2);
        }
        SentenceStart[SentenceCount] = at;
        SentenceTerm[SentenceCount] = '\0';
        SentenceCount++;
    }

    private char Supplementary(int cp, int start, int width, int normPos)
    {
        // Mathematical alphanumerics: bold, italic, script ... letters in runs of 52, digits in runs of 10.
        if (cp is >= 0x1D400 and <= 0x1D6A3) { var k = (cp - 0x1D400) % 52; return (char)(k < 26 ? 'a' + k : 'a' + k - 26); }
        if (cp is >= 0x1D7CE and <= 0x1D7FF) return (char)('0' + (cp - 0x1D7CE) % 10);
        if (cp is >= 0x1F130 and <= 0x1F189) return (char)('a' + (cp - 0x1F130) % 26);
        if (cp is >= 0xE0000 and <= 0xE007F) return Drop; // tag characters
        if (cp is >= 0x1F3FB and <= 0x1F3FF) return Drop; // skin tones
        var cue = EmojiCue(cp);
        if (cue != Cue.None)
        {
            if (EmojiCount == Emoji.Length) Array.Resize(ref Emoji, EmojiCount * 2);
            Emoji[EmojiCount++] = new EmojiHit(cue, normPos, start, width);
        }
        return Other;
    }

    internal static Cue EmojiCue(int cp) => cp switch
    {
        0x1F52A or 0x1F52B or 0x1F4A3 or 0x1F5E1 or 0x2694 => Cue.EmojiWeapon,
        0x1F602 or 0x1F923 or 0x1F480 or 0x1F606 or 0x1F639 or 0x1F921 => Cue.EmojiLaugh,
        0x1F346 or 0x1F4A6 or 0x1F351 or 0x1F975 or 0x1F445 => Cue.EmojiSexual,
        0x1F595 => Cue.EmojiRude,
        0x1F643 => Cue.EmojiSarcasm,
        0x1F60F => Cue.EmojiSmirk,
        0x1F621 or 0x1F92C or 0x1F624 or 0x1F620 => Cue.EmojiAngry,
        _ => Cue.None,
    };

    private void Ensure(int n)
    {
        if (Chars.Length >= n) return;
        var size = Math.Max(n, Chars.Length * 2);
        Chars = new char[size];
        OrigStart = new int[size];
        OrigEnd = new int[size];
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z';

    private static char Leet(char c) => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => '\0',
    };

    /// <summary>A digit or symbol counts as a letter only with a letter before it and a letter (or
    /// another such symbol) after it, so "k1ll" and "n1gg3r" fold while "Y5", "07700" and "BF4" stay.</summary>
    private static readonly System.Buffers.SearchValues<char> LeetChars = System.Buffers.SearchValues.Create("013457@$");

    private void UndoLeet()
    {
        var span = Chars.AsSpan(0, Length);
        var first = span.IndexOfAny(LeetChars);
        if (first < 0) return;
        // From one leet character to the next: posts with digits in them ("Year 4") have few.
        for (var p = Math.Max(1, first); p < Length - 1; p++)
        {
            var c = Chars[p];
            var l = Leet(c);
            if (l == '\0')
            {
                var skip = span[(p + 1)..(Length - 1)].IndexOfAny(LeetChars);
                if (skip < 0) break;
                p += skip;
                continue;
            }
            var next = Chars[p + 1];
            if (IsLetter(Chars[p - 1]) && (IsLetter(next) || (Leet(next) != '\0' && p + 2 < Length && IsLetter(Chars[p + 2]))))
                Chars[p] = l;
            else if (c is '@' or '$')
                Chars[p] = ' ';
        }
    }
}
