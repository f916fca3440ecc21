using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>A school unlike the dev set's (other names, other town), so detector tests check the
/// rules in general rather than the posts they were developed on.</summary>
public static class TestSchool
{
    public const string RosterCsvText = """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Marcus,Reid,,,Year 4
        pupil,,Grace,Wood,,,Year 2
        pupil,,William,Barker,Will,,Year 5
        pupil,,Aaliyah,Khan,,,Year 3
        pupil,,Kayden,Moss,,,Year 6
        pupil,,Hunter,Lowry,,,Year 1
        pupil,,Summer,Ashby,,,Year 4
        staff,Mrs,Joanne,Hetherington,Jo,Headteacher,
        staff,Mr,Simon,Okafor,,Year 4 Teacher,Year 4
        staff,Miss,Laura,Bright,,SENCO,
        staff,Mr,Tomasz,Zielinski,,Teaching Assistant,Year 2
        staff,Ms,Priya,Nair,,Family Support Worker and Attendance Lead,
        governor,Mr,Peter,Cranston,,Chair of Governors,
        parent,Mrs,Dawn,Moss,,Parent of Kayden Moss,Year 6
        parent,Mr,Gary,Reid,,Parent of Marcus Reid,Year 4
        """;

    private static readonly InventedSchool Invented = new("Oakfield Community Primary School", ["Oakfield", "Oakfield Primary"], "Wexley", RosterCsvText, "test-roster.csv");

    public static readonly SchoolProfile School = Invented.School;

    public static IReadOnlyList<Person> Roster => Invented.Roster;

    public static ScreeningEngine Engine => Invented.Engine;

    public static ScreeningResult Screen(string text, params string[] ownChildren) => Invented.Screen(text, ownChildren);
}
