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
    private sealed record Checked(IScreener Screener, DateTime At);
    private readonly ConcurrentDictionary<long, Checked> _checked = new();

    /// <summary>How long a school's engine is used before its pack and roster are read again: a roster
    /// import or a new pack (perhaps in another web process) is picked up within this time, and intake
    /// does not read the roster on every report.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    /// <summary>The engine for the school, from the shared engine cache, which rebuilds it when the pack or roster changed.</summary>
    public async Task<IScreener> ScreenerAsync(long schoolId)
    {
        var now = DateTime.UtcNow;
        if (_checked.TryGetValue(schoolId, out var recent) && now - recent.At < Recheck)
            return recent.Screener;
        var school = await schools.GetAsync(schoolId) ?? throw new CaseNotFoundException($"school {schoolId} not found");
        var pack = await work.PackAsync(schoolId);
        var engine = ScreeningEngineCache.Shared.Get(school.Profile, await roster.ListAsync(schoolId), pack.CategoryIds, pack.OwnCategories);
        _checked[schoolId] = new Checked(engine, now);
        return engine;
    }

    private async Task<ScreeningOutcome> OutcomeAsync(long schoolId, string id, string text, string? platform, string? url, DateTime? postedAt)
    {
        var screener = await ScreenerAsync(schoolId);
        var result = screener.Screen(new Post
        {
            Id = id,
            Text = text,
            Platform = platform,
            Url = url,
            PostedAt = postedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        });
        return new ScreeningOutcome(
            result.Findings.Select(f => new StoredFinding(f.CategoryId, f.Severity, f.Start, f.Length, f.Text, f.Reason, f.Detector)).ToList(),
            result.Categories, result.Police, result.Safeguarding);
    }

    public async Task<ScreeningOutcome> ScreenAsync(Concern concern)
    {
        var outcome = await OutcomeAsync(concern.SchoolId, concern.Reference, concern.PostText, concern.Platform, concern.PostUrl, concern.PostedAt);
        await concerns.SaveScreeningAsync(concern.SchoolId, concern.Id, outcome);
        return outcome;
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

    /// <summary>Screens a report before it is saved, so it is stored screened in the same transaction.
    /// Null when screening is not possible now; the concern is then saved unscreened and the job screens it later.</summary>
    public async Task<ScreeningOutcome?> TryScreenSubmissionAsync(long schoolId, ConcernSubmission submission)
    {
        try
        {
            return await OutcomeAsync(schoolId, "new", submission.PostText ?? "", submission.Platform, submission.PostUrl, submission.PostedAt);
        }
        catch (Exception ex) when (ex is IOException or DirectoryNotFoundException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("A report to school {School} is saved unscreened: {Reason}", schoolId, ex.Message);
            return null;
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
