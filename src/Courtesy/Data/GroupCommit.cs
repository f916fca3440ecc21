using System.Data.Common;
using System.Threading.Channels;
using Dapper;

namespace Courtesy.Data;

/// <summary>Group commit: write units queued by concurrent requests run one after another in a
/// single transaction, each inside its own savepoint, and are committed (and made durable) together. One
/// commit, and one sync of the write-ahead log, serves a whole batch instead of one request. A unit that
/// fails is rolled back to its savepoint and fails alone; a unit's caller hears of success only after the
/// commit.</summary>
internal sealed class GroupCommit(Db db)
{
    private const int MaxBatch = 128;
    private readonly Channel<IUnit> _queue = Channel.CreateUnbounded<IUnit>(new UnboundedChannelOptions { SingleReader = true });
    private int _started;

    private interface IUnit
    {
        Task RunAsync(DbConnection c, DbTransaction tx);
        void Complete();
        void Fail(Exception ex);
    }

    private sealed class Unit<T>(Func<DbConnection, DbTransaction, Task<T>> work) : IUnit
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        public Task<T> Task => _done.Task;
        public async Task RunAsync(DbConnection c, DbTransaction tx) => _result = await work(c, tx);
        public void Complete() => _done.TrySetResult(_result);
        public void Fail(Exception ex) => _done.TrySetException(ex);
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            _ = Task.Run(LoopAsync, CancellationToken.None);
        var unit = new Unit<T>(work);
        await _queue.Writer.WriteAsync(unit, ct);
        return await unit.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<IUnit>(MaxBatch);
        var ok = new List<IUnit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            ok.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                batch.Add(unit);
            try
            {
                await using var c = await db.OpenAsync();
                await using var tx = await db.BeginWriteAsync(c);
                foreach (var unit in batch)
                {
                    await c.ExecuteAsync("SAVEPOINT unit", transaction: tx);
                    try
                    {
                        await unit.RunAsync(c, tx);
                        await c.ExecuteAsync("RELEASE unit", transaction: tx);
                        ok.Add(unit);
                    }
                    catch (Exception ex)
                    {
                        await c.ExecuteAsync("ROLLBACK TO unit; RELEASE unit", transaction: tx);
                        unit.Fail(ex);
                    }
                }
                await tx.CommitAsync();
                foreach (var unit in ok) unit.Complete();
            }
            catch (Exception ex)
            {
                // the batch's transaction failed as a whole (disk full, database gone): nothing of it was saved
                foreach (var unit in batch) unit.Fail(ex);
            }
        }
    }
}
