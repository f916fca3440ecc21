using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Courtesy.Policies;

/// <summary>
/// Reads a policy pack from YAML. Works on YamlDotNet's node model rather than a deserializer so every
/// problem carries the line and column of the node at fault, and so several problems are reported at once.
/// </summary>
public static partial class PolicyPackLoader
{
    public static PolicyPack LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyPackException([new PolicyError(path, 1, 1, $"cannot read the file: {e.Message}")]);
        }
        return LoadText(text, path);
    }

    public static PolicyPack LoadText(string yaml, string sourceName) => new Reader(sourceName).Read(yaml);

    private static readonly IReadOnlyDictionary<string, SectionKind> SectionKinds = Names.KebabMap<SectionKind>();
    private static readonly IReadOnlyDictionary<string, LadderStepKind> StepKinds = Names.KebabMap<LadderStepKind>();
    private static readonly IReadOnlyDictionary<string, CyberBullyingMethod> Methods = Names.KebabMap<CyberBullyingMethod>();

    private static readonly string[] RootKeys = ["id", "name", "title", "version", "owner", "date_agreed", "next_review", "letterhead", "own_categories", "sections"];
    private static readonly string[] OwnCategoryKeys = ["id", "title", "meaning", "severity", "phrases"];
    private static readonly string[] SectionCommon = ["kind", "heading", "paragraphs", "closing"];
    private static readonly Dictionary<SectionKind, string[]> SectionKeys = new()
    {
        [SectionKind.Overview] = ["kind", "heading", "paragraphs"],
        [SectionKind.Text] = [.. SectionCommon, "items", "numbered"],
        [SectionKind.Purposes] = [.. SectionCommon, "purposes"],
        [SectionKind.AppropriateUse] = [.. SectionCommon, "questions"],
        [SectionKind.CourtesyGuidelines] = ["kind", "heading", "do_intro", "do", "do_not_intro", "do_not", "closing"],
        [SectionKind.InappropriateUses] = [.. SectionCommon, "uses"],
        [SectionKind.Procedure] = [.. SectionCommon, "first_step", "ladder", "ladder_in_text"],
        [SectionKind.Roles] = [.. SectionCommon, "roles"],
        [SectionKind.StaffGuidelines] = [.. SectionCommon, "guidelines"],
        [SectionKind.SchoolAccounts] = [.. SectionCommon, "accounts", "photo_opt_out_in_writing", "never_full_name_online"],
        [SectionKind.CyberBullying] = [.. SectionCommon, "methods"],
        [SectionKind.DefamationTest] = [.. SectionCommon, "limbs"],
        [SectionKind.LinkedPolicies] = [.. SectionCommon, "policies"],
    };
    private static readonly string[] UseKeys = ["wording", "categories"];
    private static readonly string[] StepKeys = ["id", "wording", "kind", "guard"];
    private static readonly string[] GuardKeys = ["requires_any_category", "or_recorded_reason", "only_on_school_site", "after"];
    private static readonly string[] RoleKeys = ["role", "lead", "duties"];
    private static readonly string[] ItemKeys = ["text", "items"];

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex YamlMessagePrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    private sealed class Reader(string source)
    {
        private readonly List<PolicyError> _errors = [];

        public PolicyPack Read(string yaml)
        {
            var stream = new YamlStream();
            var parser = new TrackingParser(new Parser(new StringReader(yaml)));
            try
            {
                stream.Load(parser);
            }
            catch (YamlException e)
            {
                var at = e.InnerException as YamlException ?? e;
                Error(at.Start, "YAML syntax: " + YamlMessagePrefix().Replace(at.Message, ""));
                throw Failed();
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner fails this way, without a position, on an unclosed flow list or
                // mapping ("[a, b" at the end of a line); the last event it read is where that value began.
                Error(parser.LastStart, "YAML syntax: unclosed '[' or '{', or a value that cannot be read, starting here");
                throw Failed();
            }
            if (stream.Documents.Count == 0)
            {
                _errors.Add(new PolicyError(source, 1, 1, "the file is empty: expected a policy pack (id, name, title, version, sections)"));
                throw Failed();
            }

            var root = Map(stream.Documents[0].RootNode, "the pack", RootKeys);
            if (root is null)
                throw Failed();

            var id = Id(root, "id", "the pack");
            var name = root.Text("name", required: true);
            var title = root.Text("title", required: true);
            var version = root.Text("version", required: true);
            var owner = root.Text("owner", required: false);
            var agreed = Date(root, "date_agreed");
            var review = Date(root, "next_review");
            var letterhead = root.Texts("letterhead");
            var own = OwnCategories(root);
            var sections = Sections(root);
            CheckOwnCategoriesAreUsed(own, sections);

            if (_errors.Count > 0)
                throw Failed();
            return new PolicyPack(id!, name!, title!, version!, owner, agreed, review, letterhead, sections, source, own.Select(o => o.Category).ToList());
        }

        private PolicyPackException Failed() =>
            new(_errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());

        public void Error(Mark at, string message) =>
            _errors.Add(new PolicyError(source, (int)at.Line, (int)at.Column, message));

        public void Error(YamlNode node, string message) => Error(node.Start, message);

        public MapReader? Map(YamlNode node, string what, IReadOnlyCollection<string> allowed)
        {
            if (node is YamlMappingNode mapping)
                return new MapReader(this, mapping, what, allowed);
            Error(node, $"{what} must be a mapping of keys to values");
            return null;
        }

        private string? Id(MapReader map, string key, string what)
        {
            var id = map.Text(key, required: true);
            if (id is not null && !IdPattern().IsMatch(id))
                Error(map[key]!, $"{what} id '{id}' must be lower-case letters, digits and single hyphens");
            return id;
        }

        // Read before the sections, so an inappropriate use may name an own category wherever it appears.
        private readonly Dictionary<string, OwnCategory> _own = new(StringComparer.Ordinal);

        private List<(OwnCategory Category, YamlNode Node)> OwnCategories(MapReader root)
        {
            var result = new List<(OwnCategory, YamlNode)>();
            foreach (var node in root.Sequence("own_categories", required: false) ?? [])
            {
                var map = Map(node, "an own category", OwnCategoryKeys);
                if (map is null)
                    continue;
                var id = Id(map, "id", "the category");
                var title = map.Text("title", required: true);
                var meaning = map.Text("meaning", required: true);
                var severity = Severity(map);
                var phrases = map.Texts("phrases");
                foreach (var (phrase, at) in phrases.Zip(map.Sequence("phrases", required: false)?.Children ?? []))
                    if (!phrase.Any(char.IsLetterOrDigit) || phrase.Length > 100)
                        Error(at, $"phrase '{Squash(phrase)}' in own category '{id}' must have a letter or digit and at most 100 characters");
                if (id is null || title is null || meaning is null || severity is null)
                    continue;
                if (Categories.IsKnown(id))
                {
                    Error(map["id"]!, $"'{id}' is already in the catalogue: name it in an inappropriate use instead of adding it");
                    continue;
                }
                if (_own.ContainsKey(id))
                {
                    Error(map["id"]!, $"own category '{id}' is defined twice");
                    continue;
                }
                var category = new OwnCategory(new Category(id, Squash(title), Squash(meaning), severity.Value, PoliceThreshold.None, FromMetadata: false), phrases.Select(Squash).ToList());
                _own[id] = category;
                result.Add((category, node));
            }
            return result;
        }

        private int? Severity(MapReader map)
        {
            var text = map.Text("severity", required: false);
            if (text is null)
                return 30;
            // Below safeguarding (200), which always comes first.
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var severity) && severity is >= 1 and <= 199)
                return severity;
            Error(map["severity"]!, $"severity '{text}' must be a whole number from 1 to 199 (the catalogue's run from 20, a complaint, to 100, a threat)");
            return null;
        }

        private void CheckOwnCategoriesAreUsed(List<(OwnCategory Category, YamlNode Node)> own, List<PolicySection> sections)
        {
            var used = PolicyPack.UsesOf(sections).SelectMany(u => u.Categories).ToHashSet(StringComparer.Ordinal);
            foreach (var (category, node) in own)
                if (!used.Contains(category.Category.Id))
                    Error(node, $"own category '{category.Category.Id}' is not named by any inappropriate use, so nothing in the policy forbids it");
        }

        private PolicyDate? Date(MapReader map, string key)
        {
            var text = map.Text(key, required: false);
            if (text is null)
                return null;
            if (PolicyDates.TryParse(text, out var date))
                return date;
            Error(map[key]!, $"bad date '{text}' in '{key}': {PolicyDates.Expected}");
            return null;
        }

        private List<PolicySection> Sections(MapReader root)
        {
            var result = new List<PolicySection>();
            var node = root["sections"];
            if (node is null)
            {
                Error(root.Node, "missing required field 'sections' in the pack");
                return result;
            }
            if (node is not YamlSequenceNode sequence)
            {
                Error(node, "'sections' must be a list of sections");
                return result;
            }
            YamlNode? firstProcedure = null;
            foreach (var child in sequence)
            {
                // counted by its kind, not by a clean parse, so a broken procedure is not also reported missing
                if (KindNode(child) is { Value: "procedure" })
                {
                    if (firstProcedure is null)
                        firstProcedure = child;
                    else
                        Error(child, $"a pack has one procedure section; the first is at line {firstProcedure.Start.Line}");
                }
                if (Section(child) is { } section)
                    result.Add(section);
            }
            if (firstProcedure is null && sequence.Children.Count > 0)
                Error(node, "missing required section of kind 'procedure' (the first step and the escalation ladder)");
            else if (sequence.Children.Count == 0)
                Error(node, "'sections' is empty: a pack needs at least a procedure section");
            return result;
        }

        private static YamlScalarNode? KindNode(YamlNode node) =>
            node is YamlMappingNode mapping
                ? mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "kind" }).Value as YamlScalarNode
                : null;

        private PolicySection? Section(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, "a section must be a mapping with a 'kind'");
                return null;
            }
            var kindNode = KindNode(mapping);
            if (kindNode is not { Value: { } kindText })
            {
                Error(node, $"missing required field 'kind' in section; expected one of: {string.Join(", ", SectionKinds.Keys)}");
                return null;
            }
            if (!SectionKinds.TryGetValue(kindText, out var kind))
            {
                Error(kindNode, $"unknown section kind '{kindText}' (did you mean '{Names.Nearest(kindText, SectionKinds.Keys, 1)[0]}'?); expected one of: {string.Join(", ", SectionKinds.Keys)}");
                return null;
            }
            var map = new MapReader(this, mapping, $"a {kindText} section", SectionKeys[kind]);
            var heading = map.Text("heading", required: false);
            var paragraphs = map.Texts("paragraphs");
            var closing = map.Texts("closing");
            switch (kind)
            {
                case SectionKind.Overview:
                    return new OverviewSection(heading, paragraphs);
                case SectionKind.Text:
                    return new TextSection(heading, paragraphs, Items(map, "items"), map.Bool("numbered"), closing);
                case SectionKind.Purposes:
                    return new PurposesSection(heading, paragraphs, map.Texts("purposes", required: true), closing);
                case SectionKind.AppropriateUse:
                    return new AppropriateUseSection(heading, paragraphs, Items(map, "questions"), closing);
                case SectionKind.CourtesyGuidelines:
                    return new CourtesyGuidelinesSection(heading, map.Texts("do_intro"), map.Texts("do"), map.Texts("do_not_intro"), Uses(map, "do_not", required: false), closing);
                case SectionKind.InappropriateUses:
                    return new InappropriateUsesSection(heading, paragraphs, Uses(map, "uses", required: true), closing);
                case SectionKind.Procedure:
                    return Procedure(map, heading, paragraphs, closing);
                case SectionKind.Roles:
                    return new RolesSection(heading, paragraphs, Roles(map), closing);
                case SectionKind.StaffGuidelines:
                    return new StaffGuidelinesSection(heading, paragraphs, Items(map, "guidelines", required: true), closing);
                case SectionKind.SchoolAccounts:
                    return new SchoolAccountsSection(heading, paragraphs, map.Texts("accounts"),
                        map.Bool("photo_opt_out_in_writing"), map.Bool("never_full_name_online"), closing);
                case SectionKind.CyberBullying:
                    return new CyberBullyingSection(heading, paragraphs, EnumList(map, "methods", Methods, "cyber-bullying method"), closing);
                case SectionKind.DefamationTest:
                    return new DefamationTestSection(heading, paragraphs, map.Texts("limbs", required: true), closing);
                case SectionKind.LinkedPolicies:
                    return new LinkedPoliciesSection(heading, paragraphs, map.Texts("policies", required: true), closing);
                default:
                    throw new InvalidOperationException($"section kind {kind} has no reader");
            }
        }

        private List<PolicyItem> Items(MapReader map, string key, bool required = false)
        {
            var sequence = map.Sequence(key, required);
            return sequence is null ? [] : sequence.Select(Item).OfType<PolicyItem>().ToList();
        }

        private PolicyItem? Item(YamlNode node)
        {
            if (node is YamlScalarNode scalar)
                return new PolicyItem(scalar.Value ?? "");
            var map = Map(node, "a list item", ItemKeys);
            if (map is null)
                return null;
            var text = map.Text("text", required: true);
            return text is null ? null : new PolicyItem(text, Items(map, "items"));
        }

        private List<InappropriateUse> Uses(MapReader map, string key, bool required)
        {
            var result = new List<InappropriateUse>();
            foreach (var node in map.Sequence(key, required) ?? [])
            {
                var use = Map(node, "an inappropriate use", UseKeys);
                if (use is null)
                    continue;
                var wording = use.Text("wording", required: true);
                var categories = CategoryList(use, "categories", required: true);
                if (wording is not null)
                    result.Add(new InappropriateUse(wording, categories));
            }
            return result;
        }

        private List<string> CategoryList(MapReader map, string key, bool required)
        {
            var result = new List<string>();
            var sequence = map.Sequence(key, required);
            if (sequence is null)
                return result;
            if (required && sequence.Children.Count == 0)
                Error(sequence, $"'{key}' is empty: name at least one category id");
            foreach (var node in sequence)
            {
                if (node is not YamlScalarNode { Value: { } id })
                {
                    Error(node, "a category id must be text");
                    continue;
                }
                if (Categories.IsKnown(id) || _own.ContainsKey(id))
                    result.Add(id);
                else
                    Error(node, $"unknown category id '{id}'; nearest known: {string.Join(", ", Names.Nearest(id, Categories.All.Select(c => c.Id).Concat(_own.Keys)))}; a pack's own category is defined under 'own_categories'");
            }
            return result;
        }

        private List<T> EnumList<T>(MapReader map, string key, IReadOnlyDictionary<string, T> names, string what)
        {
            var result = new List<T>();
            foreach (var node in map.Sequence(key, required: false) ?? [])
            {
                if (node is YamlScalarNode { Value: { } text } && names.TryGetValue(text, out var value))
                    result.Add(value);
                else
                    Error(node, $"unknown {what} '{(node as YamlScalarNode)?.Value}'; expected one of: {string.Join(", ", names.Keys)}");
            }
            return result;
        }

        private List<Role> Roles(MapReader map)
        {
            var result = new List<Role>();
            foreach (var node in map.Sequence("roles", required: true) ?? [])
            {
                var role = Map(node, "a role", RoleKeys);
                if (role is null)
                    continue;
                var name = role.Text("role", required: true);
                var lead = role.Text("lead", required: false);
                var duties = Items(role, "duties", required: true);
                if (name is not null)
                    result.Add(new Role(name, lead, duties));
            }
            return result;
        }

        private ProcedureSection? Procedure(MapReader map, string? heading, IReadOnlyList<string> paragraphs, IReadOnlyList<string> closing)
        {
            var known = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var text = Squash(string.Join(" ", paragraphs.Concat(closing)));
            var ladderInText = map.Bool("ladder_in_text");

            LadderStep? first = null;
            if (map["first_step"] is { } firstNode)
                first = Step(firstNode, known, text, mustQuoteText: true);
            else
                Error(map.Node, "missing required field 'first_step' in the procedure section");

            var escalations = new List<LadderStep>();
            foreach (var node in map.Sequence("ladder", required: true) ?? [])
            {
                if (Step(node, known, text, mustQuoteText: ladderInText) is { } step)
                    escalations.Add(step);
            }
            return first is null ? null : new ProcedureSection(heading, paragraphs, first, escalations, ladderInText, closing);
        }

        private LadderStep? Step(YamlNode node, Dictionary<string, YamlNode> known, string procedureText, bool mustQuoteText)
        {
            var map = Map(node, "a ladder step", StepKeys);
            if (map is null)
                return null;
            var id = Id(map, "id", "step");
            var wording = map.Text("wording", required: true);
            var kindText = map.Text("kind", required: true);
            LadderStepKind? kind = null;
            if (kindText is not null)
            {
                if (StepKinds.TryGetValue(kindText, out var k))
                    kind = k;
                else
                    Error(map["kind"]!, $"unknown ladder kind '{kindText}' (did you mean '{Names.Nearest(kindText, StepKinds.Keys, 1)[0]}'?); expected one of: {string.Join(", ", StepKinds.Keys)}");
            }
            var guard = map["guard"] is { } guardNode ? Guard(guardNode, known, kind) : StepGuard.None;

            if (id is not null)
            {
                if (known.TryGetValue(id, out var earlier))
                    Error(map["id"]!, $"duplicate step id '{id}'; first used at line {earlier.Start.Line}");
                else
                    known[id] = map["id"]!;
            }
            if (wording is not null && mustQuoteText && !procedureText.Contains(Squash(wording), StringComparison.Ordinal))
                Error(map["wording"]!, "the step's wording must be quoted word for word from the procedure section's paragraphs");

            if (kind == LadderStepKind.Police && guard is not null && guard.RequiresAnyCategory.Count == 0)
                Error(node, "a police step needs a guard with 'requires_any_category' (the police-threshold categories)");
            if (kind == LadderStepKind.RestrictForumAccess && guard is not null && !guard.OnlyOnSchoolSite)
                Error(node, "a restrict-forum-access step needs 'guard: { only_on_school_site: true }': a school can only restrict its own site");

            return id is null || wording is null || kind is null || guard is null ? null : new LadderStep(id, wording, kind.Value, guard);
        }

        private StepGuard? Guard(YamlNode node, Dictionary<string, YamlNode> earlierSteps, LadderStepKind? kind)
        {
            var map = Map(node, "a guard", GuardKeys);
            if (map is null)
                return null;
            var categories = CategoryList(map, "requires_any_category", required: false);
            if (kind == LadderStepKind.Police)
            {
                foreach (var category in map.Sequence("requires_any_category", required: false) ?? [])
                {
                    if (category is YamlScalarNode { Value: { } id } && (Categories.IsKnown(id) || _own.ContainsKey(id)) && !Categories.IsPoliceThreshold(id))
                        Error(category, $"category '{id}' is not a police-threshold category; a police step may require only: {string.Join(", ", Categories.All.Where(c => Categories.IsPoliceThreshold(c.Id)).Select(c => c.Id))}");
                }
            }
            var after = map.Text("after", required: false);
            if (after is not null && !earlierSteps.ContainsKey(after))
                Error(map["after"]!, $"'after: {after}' must name an earlier step; earlier steps: {(earlierSteps.Count == 0 ? "(none)" : string.Join(", ", earlierSteps.Keys))}");
            return new StepGuard(categories, map.Bool("or_recorded_reason"), map.Bool("only_on_school_site"), after);
        }
    }

    /// <summary>Remembers where the last parsing event started, for errors the parser reports without one.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastStart { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
                LastStart = current.Start;
            return moved;
        }
    }

    /// <summary>Reads one YAML mapping, reporting unknown keys (with the nearest allowed one) as it is built.</summary>
    private sealed class MapReader
    {
        private readonly Reader _reader;
        private readonly string _what;
        private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

        public YamlMappingNode Node { get; }

        public MapReader(Reader reader, YamlMappingNode node, string what, IReadOnlyCollection<string> allowed)
        {
            _reader = reader;
            _what = what;
            Node = node;
            foreach (var (keyNode, value) in node.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    reader.Error(keyNode, $"a key in {what} must be plain text");
                    continue;
                }
                if (!allowed.Contains(key))
                {
                    reader.Error(keyNode, $"unknown key '{key}' in {what} (did you mean '{Names.Nearest(key, allowed, 1)[0]}'?)");
                    continue;
                }
                _values[key] = value;
            }
        }

        public YamlNode? this[string key] => _values.GetValueOrDefault(key);

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

        public string? Text(string key, bool required)
        {
            var node = this[key];
            if (node is null || IsNull(node))
            {
                if (required)
                    _reader.Error(node ?? Node, $"missing required field '{key}' in {_what}");
                return null;
            }
            if (node is not YamlScalarNode scalar)
            {
                _reader.Error(node, $"'{key}' in {_what} must be text, not a list or mapping");
                return null;
            }
            if (required && string.IsNullOrWhiteSpace(scalar.Value))
            {
                _reader.Error(node, $"'{key}' in {_what} is empty");
                return null;
            }
            return scalar.Value;
        }

        public YamlSequenceNode? Sequence(string key, bool required)
        {
            var node = this[key];
            if (node is null || IsNull(node))
            {
                if (required)
                    _reader.Error(node ?? Node, $"missing required field '{key}' in {_what}");
                return null;
            }
            if (node is YamlSequenceNode sequence)
                return sequence;
            _reader.Error(node, $"'{key}' in {_what} must be a list");
            return null;
        }

        public List<string> Texts(string key, bool required = false)
        {
            var result = new List<string>();
            foreach (var item in Sequence(key, required) ?? [])
            {
                if (item is YamlScalarNode { Value: { } text })
                    result.Add(text);
                else
                    _reader.Error(item, $"each entry of '{key}' in {_what} must be text");
            }
            return result;
        }

        public bool Bool(string key)
        {
            var node = this[key];
            if (node is null)
                return false;
            if (node is YamlScalarNode { Value: "true" or "false" } scalar)
                return scalar.Value == "true";
            _reader.Error(node, $"'{key}' in {_what} must be true or false");
            return false;
        }
    }
}
