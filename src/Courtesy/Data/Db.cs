using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Courtesy.Data;

public enum DbProvider { Sqlite, Postgres }

/// <summary>The connection factory and the one dialect switch. SQL is written once where both
/// databases accept it; where they differ a store asks <see cref="Sql"/> for its dialect's text.</summary>
public sealed class Db
{
    private static int _initialised;
    private readonly NpgsqlDataSource? _pg;
    private readonly Lazy<GroupCommit> _groupCommit;

    public DbProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>For SQLite, the database file; null for PostgreSQL.</summary>
    public string? FilePath { get; }

    private Db(DbProvider provider, string connectionString, string? filePath)
    {
        Init();
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        _groupCommit = new Lazy<GroupCommit>(() => new GroupCommit(this));
        if (provider == DbProvider.Postgres)
            _pg = NpgsqlDataSource.Create(connectionString);
    }

    public static Db Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
            ForeignKeys = true,
        }.ToString();
        return new Db(DbProvider.Sqlite, cs, full);
    }

    public static Db Postgres(string connectionString) => new(DbProvider.Postgres, connectionString, null);

    /// <summary>Runs one unit of writing in a transaction and returns its result once committed. Units from
    /// concurrent callers in this process are committed together (<see cref="GroupCommit"/>): on SQLite one
    /// commit serves many writers; on PostgreSQL a unit that serialises on a per-school lock (references, the
    /// audit chain) takes it once per batch instead of once per request. The unit must not commit or roll back.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> unit, CancellationToken ct = default) =>
        _groupCommit.Value.WriteAsync(unit, ct);

    public bool IsSqlite => Provider == DbProvider.Sqlite;

    /// <summary>Picks the dialect's SQL where the two databases disagree.</summary>
    public string Sql(string sqlite, string postgres) => IsSqlite ? sqlite : postgres;

    public DbConnection Open()
    {
        if (_pg is not null) return _pg.OpenConnection();
        var c = new SqliteConnection(ConnectionString);
        c.Open();
        return c;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_pg is not null) return await _pg.OpenConnectionAsync(ct);
        var c = new SqliteConnection(ConnectionString);
        await c.OpenAsync(ct);
        return c;
    }

    /// <summary>Starts a write transaction. SQLite has one writer at a time: writers in this process queue on an
    /// async lock held until the connection closes, and BEGIN IMMEDIATE takes the file's write lock up front.
    /// Without the queue, Microsoft.Data.Sqlite meets a busy database by sleeping 150 ms and retrying, which
    /// turns a few milliseconds of waiting into a slow tail.</summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            // A flow that writes on a second connection while its first is still open would wait on itself;
            // after a bounded wait it goes ahead and SQLite's own locking decides, as it would without the queue.
            if (!_writers.TryGetValue(sqlite, out _) && await _writeLock.WaitAsync(WriteQueueWait, ct))
            {
                _writers.Add(sqlite, _writeLock);
                sqlite.StateChange += ReleaseWriteLockOnClose;
            }
            return sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        }
        return await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
    }

    private static readonly TimeSpan WriteQueueWait = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, SemaphoreSlim> _writers = new();

    private void ReleaseWriteLockOnClose(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Closed || sender is not SqliteConnection c) return;
        c.StateChange -= ReleaseWriteLockOnClose;
        if (_writers.TryGetValue(c, out var held))
        {
            _writers.Remove(c);
            held.Release();
        }
    }

    private static void Init()
    {
        if (Interlocked.Exchange(ref _initialised, 1) == 1) return;
        SQLitePCL.Batteries_V2.Init();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper only honours a DateTime handler once its built-in map is removed.
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }
}

/// <summary>Times are UTC everywhere: ISO-8601 text in SQLite (sorts correctly), timestamptz in PostgreSQL.</summary>
internal sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.DateTime;
            parameter.Value = utc;
        }
    }

    public override DateTime Parse(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"cannot read a time from {value.GetType().Name}"),
    };
}

internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"cannot read a date from {value.GetType().Name}"),
    };
}
