using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>An invented school for rule tests: its profile, a roster from CSV text, and an engine over every
/// catalogue category, built once on first use.</summary>
public sealed class InventedSchool
{
    private readonly Lazy<ScreeningEngine> _engine;

    public InventedSchool(string name, string[] aliases, string town, string rosterCsv, string rosterFileName)
    {
        School = new SchoolProfile(name, aliases, town);
        Roster = RosterCsv.Parse(new StringReader(rosterCsv.Replace("\r", "")), rosterFileName);
        _engine = new(() => ScreeningEngine.Build(School, Roster, Categories.All.Select(c => c.Id)));
    }

    public SchoolProfile School { get; }
    public IReadOnlyList<Person> Roster { get; }
    public ScreeningEngine Engine => _engine.Value;

    public ScreeningResult Screen(string text, params string[] ownChildren) =>
        Engine.Screen(new Post { Id = "t", Text = text, AuthorIsParentOf = ownChildren });
}
