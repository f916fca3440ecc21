using System.Text;

namespace Courtesy.Policies;

/// <summary>YAML spellings of enum values (kebab-case) and "did you mean" suggestions for typos.</summary>
internal static class Names
{
    public static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    public static IReadOnlyDictionary<string, T> KebabMap<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => Kebab(v), v => v, StringComparer.Ordinal);

    /// <summary>The known names closest to <paramref name="unknown"/>, best first.</summary>
    public static IReadOnlyList<string> Nearest(string unknown, IEnumerable<string> known, int count = 3) =>
        known.Select(k => (k, d: Distance(unknown, k)))
             .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal)
             .Take(count).Select(x => x.k).ToList();

    /// <summary>Levenshtein distance; names are short, so the plain two-row version is enough.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
