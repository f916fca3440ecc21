using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Data;
using Courtesy.Schools;

namespace Courtesy.Tests.Support;

/// <summary>A fresh, migrated database for one test, on either provider: the store contract tests run
/// every case against SQLite and against a real PostgreSQL.</summary>
public sealed class TestDb : IAsyncDisposable
{
    public static TheoryData<DbProvider> Providers => new() { DbProvider.Sqlite, DbProvider.Postgres };

    public Db Db { get; }
    public FakeClock Clock { get; } = new(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));
    public AuditLog Audit { get; }
    public SchoolStore Schools { get; }
    public RosterStore Roster { get; }
    public UserStore Users { get; }
    private readonly string? _pgConnection;
    private readonly string? _sqliteDir;

    private TestDb(Db db, string? pgConnection, string? sqliteDir)
    {
        Db = db; _pgConnection = pgConnection; _sqliteDir = sqliteDir;
        Audit = new AuditLog(db, Clock);
        Schools = new SchoolStore(db, Audit, Clock);
        Roster = new RosterStore(db, Audit, Clock);
        Users = new UserStore(db, Audit, Clock);
    }

    public static async Task<TestDb> CreateAsync(DbProvider provider, bool migrate = true)
    {
        TestDb t;
        if (provider == DbProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "courtesy-test-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            t = new TestDb(Db.Sqlite(Path.Combine(dir, "courtesy.db")), null, dir);
        }
        else
        {
            var cs = PostgresServer.Instance.CreateDatabase();
            t = new TestDb(Db.Postgres(cs), cs, null);
        }
        if (migrate) await Migrator.MigrateAsync(t.Db);
        return t;
    }

    public async Task<School> AddSchoolAsync(string slug = "st-aidans", string name = "St Aidan's CE Primary School") =>
        await Schools.AddSchoolAsync(slug, name, ["St Aidans", "St A's"], "Brambleford", null, "test");

    public ValueTask DisposeAsync()
    {
        if (_pgConnection is not null) PostgresServer.Instance.DropDatabase(_pgConnection);
        if (_sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDir, true); } catch (IOException) { /* a pooled handle on a temp file */ }
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class FakeClock(DateTime start) : IClock
{
    public DateTime UtcNow { get; set; } = start;
    public void Advance(TimeSpan by) => UtcNow += by;
}
