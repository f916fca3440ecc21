using System.Diagnostics;

namespace Courtesy.LoadBench;

public sealed record LoadResult(string Name, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>A closed-loop load: N workers each send one request, wait for the answer, send the next, for a
/// fixed time. Bounded in count and time; only ever aimed at loopback.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int workers, TimeSpan duration, int maxRequests,
        Func<int, long, Task<bool>> request)
    {
        var latencies = new List<double>[workers];
        var errors = 0;
        var sent = 0L;
        var stop = DateTime.UtcNow + duration;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (DateTime.UtcNow < stop)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > maxRequests) break;
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await request(w, n); }
                catch (HttpRequestException) { ok = false; }
                catch (TaskCanceledException) { ok = false; }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new LoadResult(name, all.Length, errors, seconds, P(0.50), P(0.99), all.Length == 0 ? 0 : all[^1]);
    }
}
