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

    /// <summary>The full transition table, used only when the states do not fit <see cref="_rec"/>'s fields.</summary>
    private readonly int[] _next;
    /// <summary>
    /// The compact automaton: one 4-byte record per state. Most states (about 45,000 of 59,000 in the
    /// benchmark's engine) are links of single-child chains, the rest of a word or phrase: their record holds
    /// the one symbol that goes on and the failure link (any other symbol goes where the failure state
    /// would); the child is the next state, as deep states are numbered depth first (<see cref="Renumber"/>).
    /// Shallow states and states with two or more children have a dense row of full transitions in
    /// <see cref="_dense16"/> or <see cref="_dense32"/> instead (so does a chain state whose child is not the
    /// next state, which the numbering never makes). The full table was 2.9 MB, more than L2, and the model's
    /// reads evicted it between posts; 8-byte records with the child in them were about 0.5 MB, these half
    /// that, and the states a word's walk visits lie in consecutive records, sixteen to a cache line.
    /// Walks visit the same states in the same order as with the full table.
    /// </summary>
    private readonly uint[]? _rec;
    private readonly ushort[]? _dense16;
    private readonly int[]? _dense32;
    /// <summary>Up to 2^20 states in the compact records (the benchmark's engine has about 46,000); a larger automaton keeps the full table.</summary>
    private const int IdBits = 20;
    private const int IdMask = (1 << IdBits) - 1;
    /// <summary>Bits 0-19: the failure link, or for a dense state its row; then the only child's symbol.</summary>
    private const int SymShift = IdBits;
    /// <summary>In the symbol field of a leaf: no symbol is this, so every one takes the failure link.</summary>
    private const uint NoSymbol = 63;
    private const uint DenseBit = 1u << (SymShift + 6);
    private const uint OutputBit = 1u << (SymShift + 7);
    /// <summary>Some phrase ending in the state is a prefix phrase ("harass*"), which needs no word end after it.</summary>
    private const uint PrefixOutputBit = 1u << (SymShift + 8);
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
    public int StateCount { get; }
    public int PatternCount => _patternLength.Length;

    [Flags]
    internal enum PhraseFlags : byte { None = 0, Prefix = 1, AllowS = 2 }

    /// <param name="Tag">The caller's word for the pattern (see the constructor), carried to each match.</param>
    internal readonly record struct Match(int Pattern, int Start, int End, bool Suffixed, ulong Tag = 0);

    /// <summary>The tag sits in the record <see cref="Emit"/> reads anyway: a caller that would look the pattern
    /// up in tables of its own pays a cache miss per match for each of them.</summary>
    /// <param name="Last">Whether it is the last of its state's phrases (their list ends there).</param>
    private readonly record struct Output(ulong Tag, int Pattern, ushort Length, PhraseFlags Flags, bool Last);

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
    /// <param name="tags">For each pattern, a number every match of it carries (<see cref="Match.Tag"/>); 0 when null.</param>
    public PhraseMatcher(IReadOnlyList<string> patterns, IReadOnlyList<PhraseFlags> flags, IReadOnlyList<ulong>? tags = null) : this(patterns, flags, compact: true, tags) { }

    /// <param name="compact">False keeps the full transition table (for tests comparing the two).</param>
    internal PhraseMatcher(IReadOnlyList<string> patterns, IReadOnlyList<PhraseFlags> flags, bool compact, IReadOnlyList<ulong>? tags = null)
    {
        // Trie in growable arrays, then breadth-first failure links, then the dense table.
        var children = new List<int[]> { NewRow() };
        var outputs = new List<List<int>?> { null };
        _patternLength = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            var text = " " + patterns[p];
            if (text.Length > ushort.MaxValue) throw new ArgumentException($"phrase {p} is longer than {ushort.MaxValue - 1} characters");
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
        _outs = all.Select(p => new Output(tags is null ? 0 : tags[p], p, (ushort)_patternLength[p], flags[p], false)).ToArray();
        for (var s = 0; s < StateCount; s++)
            if (_outStart[s + 1] > _outStart[s]) _outs[_outStart[s + 1] - 1] = _outs[_outStart[s + 1] - 1] with { Last = true };
        if (compact && StateCount <= IdMask)
        {
            // Dense rows for the shallow states (the root must have one: its failure link is itself) and
            // for every state with more than one child; a record for each state.
            _rec = new uint[StateCount];
            var denseCount = 0;
            for (var state = 0; state < StateCount; state++)
            {
                var fanout = 0;
                var only = 0;
                for (var sym = 0; sym < Alphabet; sym++)
                    if (children[state][sym] > 0) { fanout++; only = sym; }
                var rec = _outStart[state + 1] > _outStart[state] ? OutputBit : 0;
                for (var k = _outStart[state]; k < _outStart[state + 1]; k++)
                    if ((_outs[k].Flags & PhraseFlags.Prefix) != 0) rec |= PrefixOutputBit;
                if (_depth[state] <= 2 || fanout > 1 || (fanout == 1 && children[state][only] != state + 1)) rec |= DenseBit | (uint)denseCount++;
                else if (fanout == 1) rec |= (uint)fail[state] | (uint)only << SymShift;
                else rec |= (uint)fail[state] | NoSymbol << SymShift;
                _rec[state] = rec;
            }
            var dense = new int[denseCount * Alphabet];
            for (var state = 0; state < StateCount; state++)
                if ((_rec[state] & DenseBit) != 0)
                    Array.Copy(_next, state * Alphabet, dense, (int)(_rec[state] & IdMask) * Alphabet, Alphabet);
            if (StateCount <= ushort.MaxValue + 1) _dense16 = dense.Select(t => (ushort)t).ToArray();
            else _dense32 = dense;
            _next = [];
        }
        else
        {
            // Most characters end in a state with no output; flagging the target in the transition itself
            // saves a read of the output index, at a random place, per character.
            for (var k = 0; k < _next.Length; k++)
                if (_outStart[_next[k] + 1] > _outStart[_next[k]]) _next[k] |= OutputFlag32;
        }

        static int[] NewRow() => new int[Alphabet];
    }

    /// <summary>The first few levels of the trie, which nearly every character visits: numbered breadth
    /// first so they sit together at the start of the table and stay in cache.</summary>
    private const int HotDepth = 2;

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
        if (_rec is null) return RunSplit(new FullTable(_next), text, mid, ref matches, count);
        return _dense16 is { } d16 ? RunSplitCompact(_rec, d16, text, mid, ref matches, count) : RunSplitCompact(_rec, _dense32!, text, mid, ref matches, count);
    }

    internal int ScanOneWalker(ReadOnlySpan<char> text, ref Match[] matches, int count)
    {
        if (_rec is null) return Run(new FullTable(_next), text, ref matches, count);
        return _dense16 is { } d16 ? Run(new Compact<ushort>(_rec, d16), text, ref matches, count) : Run(new Compact<int>(_rec, _dense32!), text, ref matches, count);
    }

    /// <summary>One representation of the transitions; a walker's position is a state and what the table
    /// keeps of it (its record, or for the full table its transition's output flag).</summary>
    private interface ITable
    {
        /// <summary>Moves from <paramref name="state"/> on <paramref name="sym"/>; true when the new state has phrases ending in it.</summary>
        bool Step(ref int state, ref uint rec, int sym);
        uint Root { get; }
    }

    private readonly struct FullTable(int[] next) : ITable
    {
        public uint Root => 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Step(ref int state, ref uint rec, int sym)
        {
            var t = next[state * Alphabet + sym];
            state = t & (OutputFlag32 - 1);
            rec = PrefixOutputBit; // no record to say otherwise: every output goes to Emit
            return t >= OutputFlag32;
        }
    }

    private readonly struct Compact<T>(uint[] rec, T[] dense) : ITable where T : unmanaged, IBinaryInteger<T>
    {
        public uint Root => rec[0];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Step(ref int state, ref uint r, int sym)
        {
            var x = r;
            var s = state;
            int t;
            while (true)
            {
                if ((x & DenseBit) != 0) { t = int.CreateTruncating(dense[(int)(x & IdMask) * Alphabet + sym]); break; }
                if ((int)(x >> SymShift & 63) == sym) { t = s + 1; break; }
                s = (int)(x & IdMask);
                x = rec[s];
            }
            state = t;
            r = rec[t];
            return (r & OutputBit) != 0;
        }
    }

    /// <summary>
    /// Two walkers in step, one from the start and one from the space at <paramref name="mid"/>: each
    /// character's table read waits for the one before it, and two independent chains let the
    /// processor overlap their cache misses. The first walker reports only phrases that begin before
    /// <paramref name="mid"/> and runs past it until no such phrase can still end; the second reports
    /// the rest. Merged by end position (longer phrase first at the same end), the matches come out
    /// exactly as one walker gives them.
    /// </summary>
    private int RunSplit<TTable>(TTable table, ReadOnlySpan<char> text, int mid, ref Match[] matches, int count) where TTable : struct, ITable
    {
        var symbol = Symbol;
        var second = t_second ??= new Match[64];
        var secondCount = 0;
        int a = 0, b = 0;
        uint ra = table.Root, rb = ra;
        var steps = Math.Min(mid, text.Length - mid);
        for (var j = 0; j < steps; j++)
        {
            var ca = text[j];
            var cb = text[mid + j];
            var oa = table.Step(ref a, ref ra, ca < 128 ? symbol[ca] : 0);
            var ob = table.Step(ref b, ref rb, cb < 128 ? symbol[cb] : 0);
            if (oa && CanEnd(ra, text, j + 1)) count = Emit(a, j, text, ref matches, count, int.MaxValue);
            if (ob && CanEnd(rb, text, mid + j + 1)) secondCount = Emit(b, mid + j, text, ref second, secondCount, int.MaxValue);
        }
        return FinishSplit(table, text, mid, steps, a, ra, b, rb, ref matches, count, second, secondCount);
    }

    /// <summary>The end of a split walk, shared by both lockstep loops: each walker finishes its half alone,
    /// the first runs past the middle while a phrase it began can still end, and the two lists are merged.</summary>
    private int FinishSplit<TTable>(TTable table, ReadOnlySpan<char> text, int mid, int steps, int a, uint ra, int b, uint rb,
        ref Match[] matches, int count, Match[] second, int secondCount) where TTable : struct, ITable
    {
        var symbol = Symbol;
        for (var i = steps; i < mid; i++)
        {
            var c = text[i];
            if (table.Step(ref a, ref ra, c < 128 ? symbol[c] : 0) && CanEnd(ra, text, i + 1)) count = Emit(a, i, text, ref matches, count, int.MaxValue);
        }
        for (var i = mid + steps; i < text.Length; i++)
        {
            var c = text[i];
            if (table.Step(ref b, ref rb, c < 128 ? symbol[c] : 0) && CanEnd(rb, text, i + 1)) secondCount = Emit(b, i, text, ref second, secondCount, int.MaxValue);
        }
        // The first walker past the middle: phrases whose anchoring space lies before mid.
        var tail = t_tail ??= new Match[16];
        var tailCount = 0;
        for (var i = mid; i < text.Length && _depth[a] > i - mid; i++)
        {
            var c = text[i];
            if (table.Step(ref a, ref ra, c < 128 ? symbol[c] : 0) && CanEnd(ra, text, i + 1)) tailCount = Emit(a, i, text, ref tail, tailCount, mid);
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

    /// <summary>
    /// <see cref="RunSplit"/> over the compact table, the lockstep loop written out with plain locals: through the
    /// generic step's by-reference state the JIT kept both walkers' records on the stack. Also for 32-bit rows
    /// (more than 65,536 states; the benchmark's engine has 58,703): through <see cref="RunSplit"/> those cost
    /// about 0.1 us a post more.
    /// </summary>
    private int RunSplitCompact<T>(uint[] rec, T[] dense, ReadOnlySpan<char> text, int mid, ref Match[] matches, int count) where T : unmanaged, IBinaryInteger<T>
    {
        var symbol = Symbol;
        var second = t_second ??= new Match[64];
        var secondCount = 0;
        int a = 0, b = 0;
        uint ra = rec[0], rb = ra;
        var steps = Math.Min(mid, text.Length - mid);
        var tail = text[mid..];
        for (var j = 0; j < steps; j++)
        {
            var ca = text[j];
            var cb = tail[j];
            var sa = ca < 128 ? symbol[ca] : 0;
            var sb = cb < 128 ? symbol[cb] : 0;
            var x = ra;
            while (true)
            {
                if ((x & DenseBit) != 0) { a = int.CreateTruncating(dense[(int)(x & IdMask) * Alphabet + sa]); break; }
                if ((int)(x >> SymShift & 63) == sa) { a++; break; }
                a = (int)(x & IdMask);
                x = rec[a];
            }
            var y = rb;
            while (true)
            {
                if ((y & DenseBit) != 0) { b = int.CreateTruncating(dense[(int)(y & IdMask) * Alphabet + sb]); break; }
                if ((int)(y >> SymShift & 63) == sb) { b++; break; }
                b = (int)(y & IdMask);
                y = rec[b];
            }
            ra = rec[a];
            rb = rec[b];
            if ((ra & OutputBit) != 0 && CanEnd(ra, text, j + 1)) count = Emit(a, j, text, ref matches, count, int.MaxValue);
            if ((rb & OutputBit) != 0 && CanEnd(rb, text, mid + j + 1)) secondCount = Emit(b, mid + j, text, ref second, secondCount, int.MaxValue);
        }
        return FinishSplit(new Compact<T>(rec, dense), text, mid, steps, a, ra, b, rb, ref matches, count, second, secondCount);
    }

    /// <summary>The position of the last character of the phrase itself, before any "s" or "'s".</summary>
    private int EndOf(in Match m) => m.Start + _patternLength[m.Pattern] - 2;

    /// <summary>The automaton loop, specialised per table so the step is inlined.</summary>
    private int Run<TTable>(TTable table, ReadOnlySpan<char> text, ref Match[] matches, int count) where TTable : struct, ITable
    {
        var state = 0;
        var rec = table.Root;
        var symbol = Symbol;
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
            if (table.Step(ref state, ref rec, c < 128 ? symbol[c] : 0) && CanEnd(rec, text, i + 1)) count = Emit(state, i, text, ref matches, count, int.MaxValue);
        }
        return count;
    }

    /// <summary>
    /// Whether a phrase ending just before <paramref name="next"/> can match: only a prefix phrase does so
    /// inside a word; any other needs a word end, or "s" or an apostrophe for its plural or possessive. Most
    /// states with phrases are reached part-way through a longer word ("my" in "myself"), and this spares
    /// those the reads of the state's output list, at random places, that <see cref="Emit"/> would make
    /// only to find that nothing matches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CanEnd(uint rec, ReadOnlySpan<char> text, int next) =>
        (rec & PrefixOutputBit) != 0 || (uint)next >= (uint)text.Length || text[next] is ' ' or 's' or '\'';

    /// <param name="startBefore">Only phrases whose anchoring space comes before this position.</param>
    private int Emit(int state, int i, ReadOnlySpan<char> text, ref Match[] matches, int count, int startBefore)
    {
        var k = _outStart[state];
        var outs = _outs;
        for (var last = false; !last; k++)
        {
            var (tag, p, length, flags, isLast) = outs[k];
            last = isLast;
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
            matches[count++] = new Match(p, start, end, suffixed, tag);
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
