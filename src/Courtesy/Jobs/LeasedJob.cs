using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Courtesy.Jobs;

/// <summary>A background job that runs every <see cref="Interval"/> in exactly one process at a time:
/// each round it takes (or renews) the job's lease and only the holder runs the work.</summary>
public abstract class LeasedJob(Leases leases, ILogger logger) : BackgroundService
{
    /// <summary>Identifies this process among the web processes sharing the database.</summary>
    public static readonly string ProcessId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected abstract string Name { get; }
    protected virtual TimeSpan Interval => TimeSpan.FromMinutes(5);

    /// <summary>One round of work; returns how many things it did, for the log.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                if (await leases.TryAcquireAsync(Name, ProcessId, Interval * 2, stoppingToken))
                {
                    var done = await RunOnceAsync(stoppingToken);
                    if (done > 0) logger.LogInformation("{Job}: {Count} done", Name, done);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // a failed round is retried next round; the job must not take the web process down
                logger.LogError(ex, "{Job} failed; retrying in {Interval}", Name, Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
