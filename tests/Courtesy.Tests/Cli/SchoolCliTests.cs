using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.Schools;

namespace Courtesy.Tests.Cli;

public sealed class SchoolCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "courtesy-cli-" + Guid.NewGuid().ToString("N")[..10]);
    private string DbPath => Path.Combine(_dir, "courtesy.db");

    public SchoolCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { /* temp folder */ }
    }

    private string WriteCsv(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "kind,title,first_name,last_name,preferred_name,role,year_group\n" + body);
        return path;
    }

    [Fact]
    public async Task School_add_then_roster_import_then_list()
    {
        var (exit, output, error) = await CliRunner.RunAsync("school", "add", "st-aidans", "--name", "St Aidan's CE Primary School",
            "--alias", "St Aidans", "--alias", "St A's", "--policy", "flitwick-lower", "--db", DbPath);
        Assert.True(exit == 0, error);
        Assert.Contains("added st-aidans", output);

        (exit, output, error) = await CliRunner.RunAsync("roster", "import", "st-aidans", Path.Combine(Support.Repo.DevSet, "roster.csv"), "--db", DbPath);
        Assert.True(exit == 0, error);
        Assert.Contains("84 added", output);

        (exit, output, _) = await CliRunner.RunAsync("school", "list", "--db", DbPath);
        Assert.Equal(0, exit);
        Assert.Contains("flitwick-lower v1", output);
        Assert.Contains("84", output);
    }

    [Fact]
    public async Task A_roster_with_a_bad_row_is_refused_whole_with_the_line_number()
    {
        await CliRunner.RunAsync("school", "add", "st-aidans", "--name", "St Aidan's", "--db", DbPath);
        var csv = WriteCsv("bad.csv", "pupil,,Hope,Mensah,,,Reception\npupil,,Oliver,Bennett,Ollie,,Reception\nalien,,Zorg,X,,,\n");
        var (exit, output, error) = await CliRunner.RunAsync("roster", "import", "st-aidans", csv, "--db", DbPath);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{csv}:4:1: kind 'alien' is not one of pupil, staff, governor, parent", error);
        Assert.DoesNotContain("   at ", error);

        var db = Db.Sqlite(DbPath);
        var clock = new SystemClock();
        var school = await new SchoolStore(db, new AuditLog(db, clock), clock).FindAsync("st-aidans");
        Assert.Empty(await new RosterStore(db, new AuditLog(db, clock), clock).ListAsync(school!.Id));
    }

    [Theory]
    [InlineData(new[] { "school", "add", "Bad Id!", "--name", "X" }, "not a valid id")]
    [InlineData(new[] { "school", "add", "ok-id", "--name", "X", "--policy", "no-such-pack" }, "no-such-pack")]
    [InlineData(new[] { "roster", "import", "nowhere", "/no/such.csv" }, "/no/such.csv: no such file")]
    [InlineData(new[] { "school", "policy", "nowhere", "default" }, "no school with id 'nowhere'")]
    [InlineData(new[] { "user", "add", "a@b.example", "--name", "A", "--role", "head", "--school", "nowhere" }, "no school with id 'nowhere'")]
    [InlineData(new[] { "user", "disable", "nobody@b.example" }, "no user with e-mail nobody@b.example")]
    [InlineData(new[] { "user", "password", "Nobody@B.example" }, "no user with e-mail nobody@b.example")]
    public async Task Mistakes_give_one_clear_line_and_exit_one(string[] args, string expected)
    {
        var (exit, _, error) = await CliRunner.RunAsync([.. args, "--db", DbPath]);
        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task User_add_prints_a_one_time_password_that_signs_in()
    {
        await CliRunner.RunAsync("school", "add", "st-aidans", "--name", "St Aidan's", "--db", DbPath);
        var (exit, output, error) = await CliRunner.RunAsync("user", "add", "dsl@school.example", "--name", "Ms DSL", "--role", "dsl", "--school", "st-aidans", "--db", DbPath);
        Assert.True(exit == 0, error);
        var password = output.Split("one-time password: ")[1].Trim();
        var db = Db.Sqlite(DbPath);
        var clock = new SystemClock();
        Assert.NotNull(await new Courtesy.Accounts.UserStore(db, new AuditLog(db, clock), clock).CheckPasswordAsync("dsl@school.example", password));
    }

    [Fact]
    public async Task User_password_replaces_the_old_one_and_user_disable_stops_the_account()
    {
        await CliRunner.RunAsync("school", "add", "st-aidans", "--name", "St Aidan's", "--db", DbPath);
        var (_, added, _) = await CliRunner.RunAsync("user", "add", "head@school.example", "--name", "Mrs Head", "--role", "head", "--school", "st-aidans", "--db", DbPath);
        var first = added.Split("one-time password: ")[1].Trim();
        var db = Db.Sqlite(DbPath);
        var clock = new SystemClock();
        var users = new Courtesy.Accounts.UserStore(db, new AuditLog(db, clock), clock);

        var (exit, output, error) = await CliRunner.RunAsync("user", "password", "head@school.example", "--db", DbPath);
        Assert.True(exit == 0, error);
        var second = output.Split("one-time password: ")[1].Trim();
        Assert.NotEqual(first, second);
        Assert.Null(await users.CheckPasswordAsync("head@school.example", first));
        Assert.NotNull(await users.CheckPasswordAsync("head@school.example", second));

        (exit, output, error) = await CliRunner.RunAsync("user", "disable", "head@school.example", "--db", DbPath);
        Assert.True(exit == 0, error);
        Assert.Contains("disabled", output);
        Assert.Null(await users.CheckPasswordAsync("head@school.example", second));
    }

    [Fact]
    public async Task Backup_and_restore_round_trip_through_the_cli()
    {
        await CliRunner.RunAsync("school", "add", "kept", "--name", "Kept", "--db", DbPath);
        var backup = Path.Combine(_dir, "backup.db");
        var (exit, output, error) = await CliRunner.RunAsync("backup", backup, "--db", DbPath);
        Assert.True(exit == 0, error);
        await CliRunner.RunAsync("school", "add", "later", "--name", "Later", "--db", DbPath);
        (exit, _, error) = await CliRunner.RunAsync("restore", backup, "--db", DbPath);
        Assert.True(exit == 0, error);
        (_, output, _) = await CliRunner.RunAsync("school", "list", "--db", DbPath);
        Assert.Contains("kept", output);
        Assert.DoesNotContain("later", output);
    }

    [Fact]
    public async Task Db_migrate_reports_the_schema_version()
    {
        var (exit, output, _) = await CliRunner.RunAsync("db", "migrate", "--db", DbPath);
        Assert.Equal(0, exit);
        Assert.Contains("sqlite", output);
        (exit, output, _) = await CliRunner.RunAsync("db", "migrate", "--db", DbPath);
        Assert.Contains("0 applied now", output);
    }
}
