using System.Numerics;
using System.Runtime.CompilerServices;

namespace Courtesy.Screening;

/// <summary>
/// Aho-Corasick automaton over folded text (see <see cref="NormalizedText"/>), compiled to a dense
/// state table so a scan is one table read per character whatever the number of phrases. Every
/// phrase is anchored at a word start; at its end it must meet a word end, or, when the phrase
/// allows it, a plural or possessive "s"/"'s", or anything at all for a prefix phrase ("harass*").
/// </summary>
internal sealed class PhraseMatcher
{
    internal const int Alphabet = 40;
    private static readonly byte[] Symbol = BuildSymbols();

    private readonly int[] _next;
    /// <summary>The same table in 16 bits when the states fit: half the memory, so more of it stays in cache.</summary>
    private readonly ushort[]? _next16;
    private readonly int[] _outStart;
    /// <summary>Each state's phrases with what matching one needs beside it: a match reads one entry, not
    /// three arrays at three random places.</summary>
    private readonly Output[] _outs;
    private readonly int[] _patternLength;
    /// <summary>Characters from the anchoring space to each state: how far back the text it tracks begins.</summary>
    private readonly int[] _depth;
    /// <summary>Below this length one walker is cheaper than splitting the text.</summary>
    private const int SplitLength = 64;
    [ThreadStatic] private static Match[]? t_second;
    [ThreadStatic] private static Match[]? t_tail;
    private const int OutputFlag32 = 1 << 30;
    private const int OutputFlag16 = 1 << 15;
    public int StateCount { get; }
    public int PatternCount => _patternLength.Length;

    [Flags]
    internal enum PhraseFlags : byte { None = 0, Prefix = 1, AllowS = 2 }

    internal readonly record struct Match(int Pattern, int Start, int End, bool Suffixed);

    private readonly record struct Output(int Pattern, int Length, PhraseFlags Flags);

    private static byte[] BuildSymbols()
    {
        var s = new byte[128];
        for (var c = 'a'; c <= 'z'; c++) s[c] = (byte)(1 + c - 'a');
        for (var c = '0'; c <= '9'; c++) s[c] = (byte)(27 + c - '0');
        s[' '] = 37;
        s['\''] = 38;
        s['*'] = 39;
        return s;
    }

    internal static int SymbolOf(char c) => c < 128 ? Symbol[c] : 0;

    /// <param name="patterns">Folded phrases without the leading space; each index is its pattern id.</param>
    public PhraseMatcher(IReadOnlyList<string> patterns, IReadOnlyList<PhraseFlags> flags)
    {
        // Trie in growable arrays, then breadth-first failure links, then the dense table.
        var children = new List<int[]> { NewRow() };
        var outputs = new List<List<int>?> { null };
        _patternLength = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            var text = " " + patterns[p];
            _patternLength[p] = text.Length;
            var state = 0;
            foreach (var c in text)
            {
                var sym = SymbolOf(c);
                if (sym == 0) throw new ArgumentException($"phrase '{patterns[p]}' has a character the folded text never contains: '{c}'");
                var row = children[state];
                if (row[sym] <= 0)
                {
                    row[sym] = children.Count;
                    children.Add(NewRow());
                    outputs.Add(null);
                }
                state = row[sym];
            }
            (outputs[state] ??= []).Add(p);
        }

        (children, outputs) = Renumber(children, outputs);
        StateCount = children.Count;
        _depth = new int[StateCount];
        for (var state = 0; state < StateCount; state++)
            foreach (var child in children[state])
                if (child > 0) _depth[child] = _depth[state] + 1;
        _next = new int[StateCount * Alphabet];
        var fail = new int[StateCount];
        var queue = new Queue<int>();
        for (var sym = 0; sym < Alphabet; sym++)
        {
            var child = children[0][sym];
            if (child > 0) { fail[child] = 0; queue.Enqueue(child); _next[sym] = child; }
            else _next[sym] = 0;
        }
        var merged = new List<int>[StateCount];
        merged[0] = [];
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            merged[state] = outputs[state] is { } own ? [.. own, .. merged[fail[state]]] : merged[fail[state]];
            for (var sym = 0; sym < Alphabet; sym++)
            {
                var child = children[state][sym];
                if (child > 0)
                {
                    fail[child] = _next[fail[state] * Alphabet + sym];
                    queue.Enqueue(child);
                    _next[state * Alphabet + sym] = child;
                }
                else _next[state * Alphabet + sym] = _next[fail[state] * Alphabet + sym];
            }
        }
        _outStart = new int[StateCount + 1];
        var all = new List<int>();
        for (var s = 0; s < StateCount; s++)
        {
            _outStart[s] = all.Count;
            all.AddRange(merged[s]);
        }
        _outStart[StateCount] = all.Count;
        _outs = all.Select(p => new Output(p, _patternLength[p], flags[p])).ToArray();
        // Most characters end in a state with no output; flagging the target in the transition itself
        // saves a read of the output index, at a random place, per character.
        for (var k = 0; k < _next.Length; k++)
            if (_outStart[_next[k] + 1] > _outStart[_next[k]]) _next[k] |= OutputFlag32;
        if (StateCount <= OutputFlag16)
        {
            _next16 = new ushort[_next.Length];
            for (var k = 0; k < _next.Length; k++)
                _next16[k] = (ushort)((_next[k] & ~OutputFlag32) | ((_next[k] & OutputFlag32) != 0 ? OutputFlag16 : 0));
            _next = [];
        }

        static int[] NewRow() => new int[Alphabet];
    }

    /// <summary>The first few levels of the trie, which nearly every character visits: numbered breadth
    /// first so they sit together at the start of the table and stay in cache.</summary>
    private const int HotDepth = 3;

    /// <summary>Renumbers the trie: the shallow states breadth first, then each deeper subtree depth first,
    /// so the rest of a word's path lies in the rows right after its start and is read in sequence.</summary>
    private static (List<int[]>, List<List<int>?>) Renumber(List<int[]> children, List<List<int>?> outputs)
    {
        var order = new List<int>(children.Count) { 0 };
        var depth = new int[children.Count];
        for (var k = 0; k < order.Count; k++)
            if (depth[order[k]] < HotDepth)
                foreach (var child in children[order[k]])
                    if (child > 0) { depth[child] = depth[order[k]] + 1; order.Add(child); }
        var shallow = order.Count;
        var stack = new Stack<int>();
        for (var k = 0; k < shallow; k++)
        {
            if (depth[order[k]] < HotDepth) continue;
            PushChildren(order[k]);
            while (stack.Count > 0)
            {
                var state = stack.Pop();
                order.Add(state);
                PushChildren(state);
            }
        }
        var newId = new int[children.Count];
        for (var k = 0; k < order.Count; k++) newId[order[k]] = k;
        var rows = new List<int[]>(order.Count);
        var outs = new List<List<int>?>(order.Count);
        foreach (var old in order)
        {
            var row = new int[Alphabet];
            for (var sym = 0; sym < Alphabet; sym++) row[sym] = children[old][sym] > 0 ? newId[children[old][sym]] : 0;
            rows.Add(row);
            outs.Add(outputs[old]);
        }
        return (rows, outs);

        void PushChildren(int state)
        {
            for (var sym = Alphabet - 1; sym >= 0; sym--)
                if (children[state][sym] > 0) stack.Push(children[state][sym]);
        }
    }

    /// <summary>Appends every anchored match in <paramref name="text"/> to <paramref name="matches"/>; returns the count.</summary>
    // Not inlined: inside the caller's large method the loop's few locals were spilled to the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Scan(ReadOnlySpan<char> text, ref Match[] matches, int count)
    {
        var mid = text.Length >= SplitLength ? text[(text.Length / 2)..].IndexOf(' ') : -1;
        if (mid < 0) return ScanOneWalker(text, ref matches, count);
        mid += text.Length / 2;
        return _next16 is { } next16 ? RunSplit(next16, OutputFlag16, text, mid, ref matches, count) : RunSplit(_next, OutputFlag32, text, mid, ref matches, count);
    }

    internal int ScanOneWalker(ReadOnlySpan<char> text, ref Match[] matches, int count) =>
        _next16 is { } next16 ? Run(next16, OutputFlag16, text, ref matches, count) : Run(_next, OutputFlag32, text, ref matches, count);

    /// <summary>
    /// Two walkers in step, one from the start and one from the space at <paramref name="mid"/>: each
    /// character's table read waits for the one before it, and two independent chains let the
    /// processor overlap their cache misses. The first walker reports only phrases that begin before
    /// <paramref name="mid"/> and runs past it until no such phrase can still end; the second reports
    /// the rest. Merged by end position (longer phrase first at the same end), the matches come out
    /// exactly as one walker gives them.
    /// </summary>
    private int RunSplit<T>(T[] next, int outputFlag, ReadOnlySpan<char> text, int mid, ref Match[] matches, int count) where T : unmanaged, IBinaryInteger<T>
    {
        var symbol = Symbol;
        var stateMask = outputFlag - 1;
        var second = t_second ??= new Match[64];
        var secondCount = 0;
        int a = 0, b = 0;
        var steps = Math.Min(mid, text.Length - mid);
        for (var j = 0; j < steps; j++)
        {
            var ca = text[j];
            var cb = text[mid + j];
            var ta = int.CreateTruncating(next[a * Alphabet + (ca < 128 ? symbol[ca] : 0)]);
            var tb = int.CreateTruncating(next[b * Alphabet + (cb < 128 ? symbol[cb] : 0)]);
            a = ta & stateMask;
            b = tb & stateMask;
            if (ta >= outputFlag) count = Emit(a, j, text, ref matches, count, int.MaxValue);
            if (tb >= outputFlag) secondCount = Emit(b, mid + j, text, ref second, secondCount, int.MaxValue);
        }
        for (var i = steps; i < mid; i++)
        {
            var c = text[i];
            var t = int.CreateTruncating(next[a * Alphabet + (c < 128 ? symbol[c] : 0)]);
            a = t & stateMask;
            if (t >= outputFlag) count = Emit(a, i, text, ref matches, count, int.MaxValue);
        }
        for (var i = mid + steps; i < text.Length; i++)
        {
            var c = text[i];
            var t = int.CreateTruncating(next[b * Alphabet + (c < 128 ? symbol[c] : 0)]);
            b = t & stateMask;
            if (t >= outputFlag) secondCount = Emit(b, i, text, ref second, secondCount, int.MaxValue);
        }
        // The first walker past the middle: phrases whose anchoring space lies before mid.
        var tail = t_tail ??= new Match[16];
        var tailCount = 0;
        for (var i = mid; i < text.Length && _depth[a] > i - mid; i++)
        {
            var c = text[i];
            var t = int.CreateTruncating(next[a * Alphabet + (c < 128 ? symbol[c] : 0)]);
            a = t & stateMask;
            if (t >= outputFlag) tailCount = Emit(a, i, text, ref tail, tailCount, mid);
        }
        t_second = second;
        t_tail = tail;
        var x = 0;
        var y = 0;
        while (x < tailCount || y < secondCount)
        {
            var takeTail = y == secondCount || x < tailCount && EndOf(tail[x]) <= EndOf(second[y]);
            if (count == matches.Length) Array.Resize(ref matches, count * 2);
            matches[count++] = takeTail ? tail[x++] : second[y++];
        }
        return count;
    }

    /// <summary>The position of the last character of the phrase itself, before any "s" or "'s".</summary>
    private int EndOf(in Match m) => m.Start + _patternLength[m.Pattern] - 2;

    /// <summary>The automaton loop, specialised per table width so it is one load and one compare per character.</summary>
    private int Run<T>(T[] next, int outputFlag, ReadOnlySpan<char> text, ref Match[] matches, int count) where T : unmanaged, IBinaryInteger<T>
    {
        var state = 0;
        var symbol = Symbol;
        var stateMask = outputFlag - 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                // Every phrase starts with the space before its first word, and the root leaves only on
                // a space, so the rest of a word that fell back to the root cannot start a match.
                var space = text[i..].IndexOf(' ');
                if (space < 0) break;
                i += space;
            }
            var c = text[i];
            var target = int.CreateTruncating(next[state * Alphabet + (c < 128 ? symbol[c] : 0)]);
            state = target & stateMask;
            if (target >= outputFlag) count = Emit(state, i, text, ref matches, count, int.MaxValue);
        }
        return count;
    }

    /// <param name="startBefore">Only phrases whose anchoring space comes before this position.</param>
    private int Emit(int state, int i, ReadOnlySpan<char> text, ref Match[] matches, int count, int startBefore)
    {
        for (var k = _outStart[state]; k < _outStart[state + 1]; k++)
        {
            var (p, length, flags) = _outs[k];
            var start = i - length + 2; // first character after the anchoring space
            if (start - 1 >= startBefore) continue;
            var end = i + 1;
            var suffixed = false;
            if ((flags & PhraseFlags.Prefix) == 0)
            {
                if (!IsWordEnd(text, end))
                {
                    if ((flags & PhraseFlags.AllowS) == 0) continue;
                    var s = SuffixLength(text, end);
                    if (s == 0) continue;
                    end += s;
                    suffixed = true;
                }
            }
            if (count == matches.Length) Array.Resize(ref matches, count * 2);
            matches[count++] = new Match(p, start, end, suffixed);
        }
        return count;
    }

    private static bool IsWordEnd(ReadOnlySpan<char> text, int at) => at >= text.Length || text[at] == ' ';

    /// <summary>"s", "'s", "s'" or "'" followed by a word end: plurals and possessives of a phrase.</summary>
    private static int SuffixLength(ReadOnlySpan<char> text, int at)
    {
        if (at < text.Length && text[at] == 's' && IsWordEnd(text, at + 1)) return 1;
        // "the Kennedys'": a plural possessive.
        if (at + 1 < text.Length && text[at] == 's' && text[at + 1] == '\'' && IsWordEnd(text, at + 2)) return 2;
        if (at < text.Length && text[at] == '\'')
        {
            if (IsWordEnd(text, at + 1)) return 1;
            if (at + 1 < text.Length && text[at + 1] == 's' && IsWordEnd(text, at + 2)) return 2;
        }
        return 0;
    }
}
