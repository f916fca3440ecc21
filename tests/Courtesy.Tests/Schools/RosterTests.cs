using Courtesy.Data;
using Courtesy.Schools;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Schools;

public class RosterTests
{
    private const string Header = "kind,title,first_name,last_name,preferred_name,role,year_group\n";

    [Fact]
    public void The_dev_roster_parses_with_every_kind()
    {
        var people = RosterCsv.Load(Path.Combine(Repo.DevSet, "roster.csv"));
        Assert.Equal(84, people.Count);
        Assert.Equal(50, people.Count(p => p.Kind == PersonKind.Pupil));
        Assert.Contains(people, p => p.Kind == PersonKind.Staff && p.Role == "Headteacher");
        Assert.Contains(people, p => p is { FirstName: "Oliver", PreferredName: "Ollie" });
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers()
    {
        var csv = Header +
                  "pupil,,Hope,Mensah,,,Reception\n" +
                  "teacher,Mr,Tom,Hale,,,\n" +
                  "pupil,,,Bennett,,,Year 1\n" +
                  "staff,Sir,Ann,Cole,,Head,\n";
        var ex = Assert.Throws<InputException>(() => RosterCsv.Parse(new StringReader(csv), "roster.csv"));
        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal("roster.csv:3:1: kind 'teacher' is not one of pupil, staff, governor, parent", ex.Errors[0].ToString());
        Assert.Equal(4, ex.Errors[1].Line);
        Assert.Contains("first_name is empty", ex.Errors[1].Message);
        Assert.Equal(5, ex.Errors[2].Line);
        Assert.Contains("title 'Sir'", ex.Errors[2].Message);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("name,age\nBob,4\n", "missing column(s) kind, title, first_name")]
    [InlineData(Header + "pupil,,Hope,Mensah,,,Reception\npupil,,Hope,Mensah,,,Year 1\n", "'Hope Mensah' appears twice")]
    [InlineData(Header + "pupil,,Hope,Mensah\n", "expected 7 fields, found 4")]
    public void Malformed_rosters_say_what_is_wrong(string csv, string expected)
    {
        var ex = Assert.Throws<InputException>(() => RosterCsv.Parse(new StringReader(csv), "r.csv"));
        Assert.Contains(expected, ex.Message);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Import_round_trips_to_the_same_csv(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var path = Path.Combine(Repo.DevSet, "roster.csv");
        var people = RosterCsv.Load(path);
        var result = await t.Roster.ImportAsync(school.Id, people, "test", path);
        Assert.Equal(new RosterImportResult(84, 0, 0), result);

        var back = await t.Roster.ListAsync(school.Id);
        Assert.Equal(people, back);
        var written = new StringWriter();
        RosterCsv.Write(written, back);
        Assert.Equal(people, RosterCsv.Parse(new StringReader(written.ToString()), "written.csv"));

        var again = await t.Roster.ImportAsync(school.Id, people, "test", path);
        Assert.Equal(new RosterImportResult(0, 0, 84), again);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_changed_row_is_updated_not_duplicated(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var one = RosterCsv.Parse(new StringReader(Header + "pupil,,Oliver,Bennett,,,Reception\n"), "a.csv");
        await t.Roster.ImportAsync(school.Id, one, "test", "a.csv");
        var two = RosterCsv.Parse(new StringReader(Header + "pupil,,Oliver,Bennett,Ollie,,Year 1\n"), "b.csv");
        Assert.Equal(new RosterImportResult(0, 1, 0), await t.Roster.ImportAsync(school.Id, two, "test", "b.csv"));
        var person = Assert.Single(await t.Roster.ListAsync(school.Id));
        Assert.Equal("Ollie", person.PreferredName);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_failed_import_writes_nothing(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var school = await t.AddSchoolAsync();
        var before = RosterCsv.Parse(new StringReader(Header + "pupil,,Hope,Mensah,,,Reception\n"), "a.csv");
        await t.Roster.ImportAsync(school.Id, before, "test", "a.csv");
        // the store is asked to import into a school that does not exist: nothing at all may change
        await Assert.ThrowsAsync<SchoolStoreException>(() => t.Roster.ImportAsync(school.Id + 999, before, "test", "a.csv"));
        Assert.Single(await t.Roster.ListAsync(school.Id));
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task One_school_never_sees_another_schools_roster(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        var a = await t.AddSchoolAsync("school-a", "School A");
        var b = await t.AddSchoolAsync("school-b", "School B");
        await t.Roster.ImportAsync(a.Id, RosterCsv.Parse(new StringReader(Header + "pupil,,Hope,Mensah,,,Reception\n"), "a.csv"), "test", "a.csv");
        Assert.Empty(await t.Roster.ListAsync(b.Id));
        Assert.Equal(0, await t.Roster.CountAsync(b.Id));
        Assert.Equal(1, await t.Roster.CountAsync(a.Id, PersonKind.Pupil));
    }
}
