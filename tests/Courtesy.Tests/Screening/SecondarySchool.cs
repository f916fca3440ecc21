using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>An invented secondary academy (none of the labelled sets' names), for the name-resolution fixes and
/// the secondary-school roles: pupils whose names are plants or ordinary words (Rowan, Iris, Mercy), a family
/// with two children (the Kennedys), and secondary job titles.</summary>
public static class SecondarySchool
{
    public const string RosterCsvText = """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Rowan,Pritchard,,,Year 8
        pupil,,Iris,Kennedy,,,Year 9
        pupil,,Mercy,Adeyemi,,,Year 9
        pupil,,Jack,Kennedy,,,Year 7
        pupil,,Tyler,Fenwick,,,Year 10
        pupil,,Poppy,Hale,,,Year 12
        staff,Mr,Gareth,Lomax,,Principal,
        staff,Mrs,Denise,Ogunleye,,Vice Principal,
        staff,Ms,Harriet,Sowerby,,Head of Year 9,Year 9
        staff,Mr,Callum,Birch,,SENCo,
        staff,Miss,Leanne,Tranter,,Designated Safeguarding Lead,
        staff,Mr,Ian,Whitlock,,Maths Teacher,
        governor,Mr,Martin,Voss,,Chair of Governors,
        parent,Mrs,Tina,Kennedy,,Parent of Iris Kennedy,Year 9
        parent,Mr,Shaun,Fenwick,,Parent of Tyler Fenwick,Year 10
        """;

    private static readonly InventedSchool Invented = new("Highcliffe Academy", ["Highcliffe"], "Marlbury", RosterCsvText, "secondary-roster.csv");

    public static readonly SchoolProfile School = Invented.School;

    public static IReadOnlyList<Person> Roster => Invented.Roster;

    public static ScreeningResult Screen(string text, params string[] ownChildren) => Invented.Screen(text, ownChildren);
}
