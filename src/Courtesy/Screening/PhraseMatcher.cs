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
    private readonly int[] _outs;
    private readonly int[] _patternLength;
    private readonly PhraseFlags[] _patternFlags;
    private const int OutputFlag32 = 1 << 30;
    private const int OutputFlag16 = 1 << 15;
    public int StateCount { get; }
    public int PatternCount => _patternLength.Length;

    [Flags]
    internal enum PhraseFlags : byte { None = 0, Prefix = 1, AllowS = 2 }

    internal readonly record struct Match(int Pattern, int Start, int End, bool Suffixed);

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
        _patternFlags = flags.ToArray();
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

        (children, outputs) = BreadthFirst(children, outputs);
        StateCount = children.Count;
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
        _outs = all.ToArray();
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

    /// <summary>Renumbers the trie breadth first, so the shallow states that nearly every character
    /// visits sit together at the start of the table and stay in cache.</summary>
    private static (List<int[]>, List<List<int>?>) BreadthFirst(List<int[]> children, List<List<int>?> outputs)
    {
        var order = new List<int>(children.Count) { 0 };
        var newId = new int[children.Count];
        for (var k = 0; k < order.Count; k++)
            foreach (var child in children[order[k]])
                if (child > 0) { newId[child] = order.Count; order.Add(child); }
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
    }

    /// <summary>Appends every anchored match in <paramref name="text"/> to <paramref name="matches"/>; returns the count.</summary>
    // Not inlined: inside the caller's large method the loop's few locals were spilled to the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Scan(ReadOnlySpan<char> text, ref Match[] matches, int count) =>
        _next16 is { } next16 ? Run(next16, OutputFlag16, text, ref matches, count) : Run(_next, OutputFlag32, text, ref matches, count);

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
            if (target >= outputFlag) count = Emit(state, i, text, ref matches, count);
        }
        return count;
    }

    private int Emit(int state, int i, ReadOnlySpan<char> text, ref Match[] matches, int count)
    {
        for (var k = _outStart[state]; k < _outStart[state + 1]; k++)
        {
            var p = _outs[k];
            var start = i - _patternLength[p] + 2; // first character after the anchoring space
            var end = i + 1;
            var flags = _patternFlags[p];
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

    /// <summary>"s", "'s" or "'" followed by a word end: plurals and possessives of a phrase.</summary>
    private static int SuffixLength(ReadOnlySpan<char> text, int at)
    {
        if (at < text.Length && text[at] == 's' && IsWordEnd(text, at + 1)) return 1;
        if (at < text.Length && text[at] == '\'')
        {
            if (IsWordEnd(text, at + 1)) return 1;
            if (at + 1 < text.Length && text[at + 1] == 's' && IsWordEnd(text, at + 2)) return 2;
        }
        return 0;
    }
}
