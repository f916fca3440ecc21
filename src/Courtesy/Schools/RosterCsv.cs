using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Courtesy.Schools;

/// <summary>A problem in an input file, located so a person can find and fix it.</summary>
public sealed record InputError(string Source, int Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}: {Message}";
}

public sealed class InputException(IReadOnlyList<InputError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}

/// <summary>Reads a roster in the columns kind,title,first_name,last_name,preferred_name,role,year_group.
/// Every bad row is reported with its line number; the caller gets all rows or none.</summary>
public static class RosterCsv
{
    public static readonly string[] Header = ["kind", "title", "first_name", "last_name", "preferred_name", "role", "year_group"];
    private static readonly string[] Titles = ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr", "Rev"];

    public static IReadOnlyList<Person> Parse(TextReader reader, string source)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        var errors = new List<InputError>();
        var people = new List<Person>();
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read())
                throw new InputException([new InputError(source, 1, 0, "the file is empty; expected the header " + string.Join(',', Header))]);
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? [];
            var missing = Header.Where(h => !header.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
                throw new InputException([new InputError(source, 1, 0, $"missing column(s) {string.Join(", ", missing)}; expected the header {string.Join(',', Header)}")]);
            var index = Header.ToDictionary(h => h, h => Array.FindIndex(header, x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)));

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                string Field(string name)
                {
                    var i = index[name];
                    return i < csv.Parser.Count ? (csv.GetField(i) ?? "").Trim() : "";
                }
                if (csv.Parser.Count == 1 && string.IsNullOrWhiteSpace(csv.GetField(0))) continue;
                if (csv.Parser.Count != header.Length)
                {
                    errors.Add(new InputError(source, line, 0, $"expected {header.Length} fields, found {csv.Parser.Count}"));
                    continue;
                }
                var kindText = Field("kind");
                if (!Enum.TryParse<PersonKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
                {
                    errors.Add(new InputError(source, line, index["kind"] + 1, $"kind '{kindText}' is not one of pupil, staff, governor, parent"));
                    continue;
                }
                var first = Field("first_name");
                var last = Field("last_name");
                if (first.Length == 0) { errors.Add(new InputError(source, line, index["first_name"] + 1, "first_name is empty")); continue; }
                if (last.Length == 0) { errors.Add(new InputError(source, line, index["last_name"] + 1, "last_name is empty")); continue; }
                if (first.Length > 100 || last.Length > 100) { errors.Add(new InputError(source, line, 0, "a name is longer than 100 characters")); continue; }
                if (first.Any(char.IsControl) || last.Any(char.IsControl)) { errors.Add(new InputError(source, line, 0, "a name contains control characters")); continue; }
                var title = Field("title");
                if (title.Length > 0 && !Titles.Contains(title.TrimEnd('.'), StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(new InputError(source, line, index["title"] + 1, $"title '{title}' is not one of {string.Join(", ", Titles)}"));
                    continue;
                }
                if (!seen.Add($"{kind}|{first}|{last}"))
                {
                    errors.Add(new InputError(source, line, 0, $"{kind.ToString().ToLowerInvariant()} '{first} {last}' appears twice"));
                    continue;
                }
                people.Add(new Person(kind, Null(title.TrimEnd('.')), first, last, Null(Field("preferred_name")), Null(Field("role")), Null(Field("year_group"))));
            }
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new InputError(source, ex.Context?.Parser?.RawRow ?? 0, 0, "the CSV could not be read: " + ex.Message.Split('\n')[0]));
        }
        if (errors.Count > 0) throw new InputException(errors);
        return people;
    }

    public static IReadOnlyList<Person> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static void Write(TextWriter writer, IEnumerable<Person> people)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in Header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var p in people)
        {
            csv.WriteField(p.Kind.ToString().ToLowerInvariant());
            csv.WriteField(p.Title ?? "");
            csv.WriteField(p.FirstName);
            csv.WriteField(p.LastName);
            csv.WriteField(p.PreferredName ?? "");
            csv.WriteField(p.Role ?? "");
            csv.WriteField(p.YearGroup ?? "");
            csv.NextRecord();
        }
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
