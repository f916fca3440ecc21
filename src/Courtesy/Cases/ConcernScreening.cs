using System.Collections.Concurrent;
using Courtesy.Jobs;
using Courtesy.Schools;
using Courtesy.Screening;
using Microsoft.Extensions.Logging;

namespace Courtesy.Cases;

/// <summary>
/// Screens concerns with the school's screening engine (built once per school, pack and roster, then
/// reused) and keeps the findings on the concern for triage. A concern that could not be screened is saved
/// all the same and picked up by <see cref="ConcernScreeningJob"/>.
/// </summary>
public sealed class ConcernScreening(ConcernStore concerns, SchoolStore schools, RosterStore roster, Casework work, ILogger<ConcernScreening> logger)
{
    private sealed record Built(string Key, IScreener Screener);
    private readonly ConcurrentDictionary<long, Built> _engines = new();

    /// <summary>The engine for the school, rebuilt when its pack or roster changes.</summary>
    public async Task<IScreener> ScreenerAsync(long schoolId)
    {
        var school = await schools.GetAsync(schoolId) ?? throw new CaseNotFoundException($"school {schoolId} not found");
        var policy = await schools.CurrentPolicyAsync(schoolId);
        var people = await roster.ListAsync(schoolId);
        var key = $"{policy?.PackSha256}:{people.Count}:{string.Join('|', people.Select(p => p.FullName)).GetHashCode()}";
        if (_engines.TryGetValue(schoolId, out var built) && built.Key == key)
            return built.Screener;
        var pack = await work.PackAsync(schoolId);
        var engine = ScreeningEngine.Build(school.Profile, people, pack.CategoryIds, new ScreeningOptions
        {
            Lexicons = Lexicons.Default,
            Model = LinearModel.LoadDefault(Lexicons.FindDataDirectory()),
        });
        _engines[schoolId] = new Built(key, engine);
        return engine;
    }

    public async Task<ScreeningResult> ScreenAsync(Concern concern)
    {
        var screener = await ScreenerAsync(concern.SchoolId);
        var result = screener.Screen(new Post
        {
            Id = concern.Reference,
            Text = concern.PostText,
            Platform = concern.Platform,
            Url = concern.PostUrl,
            PostedAt = concern.PostedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        });
        await concerns.SaveScreeningAsync(concern.SchoolId, concern.Id,
            result.Findings.Select(f => new StoredFinding(f.CategoryId, f.Severity, f.Start, f.Length, f.Text, f.Reason, f.Detector)).ToList(),
            result.Categories, result.Police, result.Safeguarding);
        return result;
    }

    /// <summary>Screens now if it can; a failure is logged and left for the job, never lost.</summary>
    public async Task TryScreenAsync(Concern concern)
    {
        try
        {
            await ScreenAsync(concern);
        }
        catch (Exception ex) when (ex is IOException or DirectoryNotFoundException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("Concern {Reference} not screened yet: {Reason}", concern.Reference, ex.Message);
        }
    }

    /// <summary>Screens every concern not screened yet (submitted before the engine was available, or while it failed).</summary>
    public async Task<int> ScreenPendingAsync(CancellationToken ct = default)
    {
        var done = 0;
        foreach (var c in await concerns.UnscreenedAsync())
        {
            ct.ThrowIfCancellationRequested();
            await ScreenAsync(c);
            done++;
        }
        return done;
    }
}

public sealed class ConcernScreeningJob(ConcernScreening screening, Leases leases, ILogger<ConcernScreeningJob> logger) : LeasedJob(leases, logger)
{
    protected override string Name => "concern-screening";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(2);
    protected override Task<int> RunOnceAsync(CancellationToken ct) => screening.ScreenPendingAsync(ct);
}
