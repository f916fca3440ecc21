using Courtesy.Letters;
using Courtesy.Policies;

namespace Courtesy.Cases;

public enum StepAvailability
{
    Allowed,
    /// <summary>Allowed only with a recorded reason (the guard allows "or a recorded reason").</summary>
    NeedsReason,
    Refused,
}

/// <summary>A ladder step as the case page shows it: may it be taken now, and if not, why not.</summary>
public sealed record StepOption(LadderStep Step, StepAvailability Availability, string? Why)
{
    public bool CanTake => Availability != StepAvailability.Refused;
}

/// <summary>What a person asks for when taking a step.</summary>
public sealed record StepRequest(
    string StepId,
    string? Notes = null,
    string? Reason = null,
    DateOnly? RemovalBy = null,
    DateOnly? FollowUpOn = null,
    DateOnly? EndsOn = null);

/// <summary>A rule of the ladder said no. The message says which rule; nothing has changed.</summary>
public sealed class CaseRuleException(string message) : Exception(message);

/// <summary>
/// The ladder of one school's pack applied to one case: which steps are allowed now and why not, and the
/// records that taking a step, recording its result, assigning and closing produce. Pure: it reads the
/// case and the clock and returns new records; the store saves them.
/// </summary>
public sealed class CaseWorkflow(PolicyPack pack, IClock clock)
{
    private readonly IReadOnlyList<LadderStep> ladder = pack.Ladder;

    public IReadOnlyList<LadderStep> Ladder => ladder;

    /// <summary>Days a platform has to act on a complaint before the school escalates to Report Harmful Content.</summary>
    public const int PlatformReplyDays = 7;

    /// <summary>Every step of the ladder, in the school's order, with whether it can be taken now.</summary>
    public IReadOnlyList<StepOption> Options(Case c, IReadOnlyList<CaseAction> history) =>
        ladder.Select(s => Evaluate(s, c, history)).ToList();

    public StepOption Evaluate(LadderStep step, Case c, IReadOnlyList<CaseAction> history)
    {
        var label = Label(step);
        if (c.IsClosed)
            return new(step, StepAvailability.Refused, $"{label}: the case is closed");
        var guard = step.Guard;
        var needsReason = new List<string>();

        if (guard.OnlyOnSchoolSite && !c.OnSchoolSite)
            return new(step, StepAvailability.Refused, $"{label}: only when posted on the school's own site or forum");

        if (guard.RequiresAnyCategory.Count > 0)
        {
            var found = c.CategoryIds;
            var met = guard.RequiresAnyCategory.Any(found.Contains) || (step.Kind == LadderStepKind.Police && c.PoliceFlag);
            if (!met)
            {
                var what = step.Kind == LadderStepKind.Police
                    ? "a police-threshold finding"
                    : "a finding of " + string.Join(" or ", guard.RequiresAnyCategory.Select(id => pack.TitleOf(id).ToLowerInvariant()));
                if (!guard.OrRecordedReason)
                    return new(step, StepAvailability.Refused, $"{label}: needs {what}");
                needsReason.Add($"needs {what} or a recorded reason");
            }
        }

        if (guard.After is { } after && !history.Any(a => a.StepId == after))
        {
            var first = ladder.FirstOrDefault(s => s.Id == after) is { } prior ? Label(prior) : after;
            if (!guard.OrRecordedReason)
                return new(step, StepAvailability.Refused, $"{label}: {first} comes first");
            needsReason.Add($"{first} comes first unless skipped with a reason");
        }

        return needsReason.Count == 0
            ? new(step, StepAvailability.Allowed, null)
            : new(step, StepAvailability.NeedsReason, $"{label}: {string.Join("; ", needsReason)}");
    }

    /// <summary>The record of taking a step, or <see cref="CaseRuleException"/> saying why it cannot be taken now.</summary>
    public CaseAction TakeStep(Case c, IReadOnlyList<CaseAction> history, StepRequest request, string by)
    {
        var step = ladder.FirstOrDefault(s => s.Id == request.StepId)
            ?? throw new CaseRuleException($"step '{request.StepId}' is not on this school's ladder (steps: {string.Join(", ", ladder.Select(s => s.Id))})");
        var option = Evaluate(step, c, history);
        var reason = Clean(request.Reason);
        switch (option.Availability)
        {
            case StepAvailability.Refused:
                throw new CaseRuleException(option.Why!);
            case StepAvailability.NeedsReason when reason is null:
                throw new CaseRuleException(option.Why!);
        }
        var today = London.Today(clock);
        if (step.Kind == LadderStepKind.WrittenWarning && request.RemovalBy is null)
            throw new CaseRuleException($"{Label(step)}: needs a removal date (the letter gives the parent a date to remove the material by)");
        if (request.RemovalBy is { } removeBy && removeBy <= today)
            throw new CaseRuleException($"{Label(step)}: the removal date {London.Date(removeBy)} must be after today ({London.Date(today)})");
        if (step.Kind == LadderStepKind.RestrictForumAccess && request.EndsOn is null)
            throw new CaseRuleException($"{Label(step)}: needs an end date (a restriction is never open-ended)");
        if (request.EndsOn is { } ends && ends <= today)
            throw new CaseRuleException($"{Label(step)}: the end date {London.Date(ends)} must be after today ({London.Date(today)})");
        if (request.FollowUpOn is { } follow && follow < today)
            throw new CaseRuleException($"{Label(step)}: the follow-up date {London.Date(follow)} is in the past");
        return new CaseAction
        {
            SchoolId = c.SchoolId,
            CaseId = c.Id,
            StepId = step.Id,
            Kind = step.Kind.ToString(),
            Wording = step.Wording,
            TakenAt = clock.UtcNow,
            TakenBy = by,
            Notes = Clean(request.Notes),
            Reason = option.Availability == StepAvailability.NeedsReason ? reason : null,
            RemovalBy = request.RemovalBy,
            EndsOn = step.Kind == LadderStepKind.RestrictForumAccess ? request.EndsOn : null,
            // The removal date is when to look again, unless the person chose another day; a host gets
            // seven days before the complaint is escalated to Report Harmful Content.
            FollowUpOn = request.FollowUpOn ?? request.RemovalBy ?? (step.Kind == LadderStepKind.PlatformComplaint ? today.AddDays(PlatformReplyDays) : null),
        };
    }

    /// <summary>The action with its result recorded; a result is recorded once.</summary>
    public CaseAction RecordResult(Case c, CaseAction action, StepResult result, string? note, string by)
    {
        if (!Enum.IsDefined(result))
            throw new CaseRuleException($"result: {(int)result} is not one of {string.Join(", ", Enum.GetNames<StepResult>())}");
        if (action.CaseId != c.Id)
            throw new CaseRuleException($"action {action.Id} is not on case {c.Reference}");
        if (c.IsClosed)
            throw new CaseRuleException($"{c.Reference} is closed: its steps' results can no longer change");
        if (action.Result is not null)
            throw new CaseRuleException($"the result of this step was already recorded ({Describe(action.ResultValue!.Value)}, by {action.ResultBy} on {London.Time(action.ResultAt!.Value)})");
        return Copy(action, result: result.ToString(), resultAt: clock.UtcNow, resultBy: by, resultNote: Clean(note));
    }

    /// <summary>Days after a restriction starts during which the parent may appeal it, once.</summary>
    public const int AppealWindowDays = 14;

    /// <summary>The parent appeals a restriction of forum access: once, within <see cref="AppealWindowDays"/> days.</summary>
    public CaseAction RecordAppeal(Case c, CaseAction action, string? note, string by)
    {
        if (action.CaseId != c.Id)
            throw new CaseRuleException($"action {action.Id} is not on case {c.Reference}");
        if (action.KindValue != LadderStepKind.RestrictForumAccess)
            throw new CaseRuleException($"appeal: only a restriction of forum access can be appealed (step '{action.StepId}' is not one)");
        if (action.AppealedAt is { } at)
            throw new CaseRuleException($"appeal: one was already made on {London.Date(at)}; a restriction has one appeal");
        var closes = DateOnly.FromDateTime(London.ToLocal(action.TakenAt)).AddDays(AppealWindowDays);
        if (London.Today(clock) > closes)
            throw new CaseRuleException($"appeal: the window closed on {London.Date(closes)} ({AppealWindowDays} days after the restriction)");
        var text = Clean(note) ?? throw new CaseRuleException("appeal: write down what the parent said");
        return Copy(action, appealedAt: clock.UtcNow, appealedBy: by, appealNote: text);
    }

    public CaseAction DecideAppeal(Case c, CaseAction action, bool upheld, string? note, string by)
    {
        if (action.CaseId != c.Id)
            throw new CaseRuleException($"action {action.Id} is not on case {c.Reference}");
        if (action.AppealedAt is null)
            throw new CaseRuleException("appeal decision: no appeal has been made");
        if (action.AppealDecidedAt is { } at)
            throw new CaseRuleException($"appeal decision: already decided by {action.AppealDecidedBy} on {London.Date(at)}");
        if (upheld == false && Clean(note) is null)
            throw new CaseRuleException("appeal decision: give the reason for keeping the restriction");
        return Copy(action, decidedAt: clock.UtcNow, decidedBy: by, upheld: upheld, decisionNote: Clean(note));
    }

    /// <summary>A restriction stops at its end date, or sooner if an appeal was upheld.</summary>
    public static bool IsRestrictionInForce(CaseAction a, DateOnly today) =>
        a.KindValue == LadderStepKind.RestrictForumAccess && a.EndsOn is { } ends && today <= ends && a.AppealUpheld != true;

    public Case Assign(Case c, string to, string by)
    {
        if (c.IsClosed)
            throw new CaseRuleException($"{c.Reference} is closed");
        if (string.IsNullOrWhiteSpace(to))
            throw new CaseRuleException("assign to: choose a colleague");
        return With(c, assignedTo: to.Trim(), assignedAt: clock.UtcNow, assignedBy: by);
    }

    public Case Close(Case c, IReadOnlyList<CaseAction> history, CaseOutcome outcome, string? note, string by)
    {
        if (!Enum.IsDefined(outcome))
            throw new CaseRuleException($"outcome: {(int)outcome} is not one of {string.Join(", ", Enum.GetNames<CaseOutcome>())}");
        if (c.IsClosed)
            throw new CaseRuleException($"{c.Reference} was already closed by {c.ClosedBy} on {London.Time(c.ClosedAt!.Value)}");
        if (outcome == CaseOutcome.Removed && history.Count == 0)
            throw new CaseRuleException("outcome 'removed': record at least the first step (the discussion) before closing with this outcome");
        if (outcome is CaseOutcome.Withdrawn or CaseOutcome.NoFurtherAction && Clean(note) is null)
            throw new CaseRuleException($"outcome '{Describe(outcome)}': give a reason");
        return With(c, closedAt: clock.UtcNow, closedBy: by, outcome: outcome.ToString(), outcomeNote: Clean(note));
    }

    public CaseNote Note(Case c, string text, bool sharedWithReporter, string by)
    {
        var t = Clean(text) ?? throw new CaseRuleException("note: write something");
        return new CaseNote { SchoolId = c.SchoolId, CaseId = c.Id, WrittenAt = clock.UtcNow, WrittenBy = by, Text = t, SharedWithReporter = sharedWithReporter };
    }

    /// <summary>A step's follow-up date has passed and no result is recorded.</summary>
    public static bool IsOverdue(CaseAction a, DateOnly today) => a.Result is null && a.FollowUpOn is { } d && d < today;

    public bool IsOverdue(Case c, IReadOnlyList<CaseAction> history) =>
        !c.IsClosed && history.Any(a => IsOverdue(a, London.Today(clock)));

    /// <summary>The letter a step of this kind sends, if any.</summary>
    public static LetterKind? LetterFor(LadderStepKind kind) => kind switch
    {
        LadderStepKind.DiscussAndRequestRemoval => LetterKind.RemovalRequest,
        LadderStepKind.WrittenWarning => LetterKind.WrittenWarning,
        LadderStepKind.PlatformComplaint => LetterKind.PlatformComplaint,
        LadderStepKind.Police => LetterKind.PoliceReferral,
        LadderStepKind.GoverningBodyLetter => LetterKind.GoverningBodyLetter,
        _ => null,
    };

    public static string Label(LadderStep step) => step.Kind switch
    {
        LadderStepKind.DiscussAndRequestRemoval => "discuss-and-request-removal",
        LadderStepKind.WrittenWarning => "written warning",
        LadderStepKind.LegalAdvice => "legal advice",
        LadderStepKind.Police => "police",
        LadderStepKind.RestrictForumAccess => "restrict forum access",
        LadderStepKind.PlatformComplaint => "complaint to the platform",
        LadderStepKind.LegalAction => "legal action",
        LadderStepKind.GoverningBodyLetter => "Governing Body letter",
        LadderStepKind.ComplaintsPolicyRedress => "redress through the Complaints Policy",
        _ => step.Id,
    };

    public static string Describe(StepResult r) => r switch
    {
        StepResult.Removed => "removed",
        StepResult.NotRemoved => "not removed",
        _ => "no reply",
    };

    public static string Describe(CaseOutcome o) => o switch
    {
        CaseOutcome.Removed => "removed",
        CaseOutcome.NotRemoved => "not removed",
        CaseOutcome.Withdrawn => "withdrawn",
        CaseOutcome.Referred => "referred",
        _ => "no further action",
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static CaseAction Copy(CaseAction a, string? result = null, DateTime? resultAt = null, string? resultBy = null, string? resultNote = null,
        DateTime? appealedAt = null, string? appealedBy = null, string? appealNote = null,
        DateTime? decidedAt = null, string? decidedBy = null, bool? upheld = null, string? decisionNote = null) => new()
    {
        Id = a.Id, SchoolId = a.SchoolId, CaseId = a.CaseId, StepId = a.StepId, Kind = a.Kind, Wording = a.Wording,
        TakenAt = a.TakenAt, TakenBy = a.TakenBy, Notes = a.Notes, Reason = a.Reason, RemovalBy = a.RemovalBy,
        FollowUpOn = a.FollowUpOn, ReminderSentAt = a.ReminderSentAt, EndsOn = a.EndsOn,
        Result = result ?? a.Result, ResultAt = resultAt ?? a.ResultAt, ResultBy = resultBy ?? a.ResultBy, ResultNote = resultNote ?? a.ResultNote,
        AppealedAt = appealedAt ?? a.AppealedAt, AppealedBy = appealedBy ?? a.AppealedBy, AppealNote = appealNote ?? a.AppealNote,
        AppealDecidedAt = decidedAt ?? a.AppealDecidedAt, AppealDecidedBy = decidedBy ?? a.AppealDecidedBy,
        AppealUpheld = upheld ?? a.AppealUpheld, AppealDecisionNote = decisionNote ?? a.AppealDecisionNote,
    };

    private static Case With(Case c, string? assignedTo = null, DateTime? assignedAt = null, string? assignedBy = null,
        DateTime? closedAt = null, string? closedBy = null, string? outcome = null, string? outcomeNote = null) => new()
    {
        Id = c.Id, SchoolId = c.SchoolId, Reference = c.Reference, PackId = c.PackId, PosterName = c.PosterName,
        Platform = c.Platform, PostUrl = c.PostUrl, PostedAt = c.PostedAt, PostText = c.PostText, Categories = c.Categories,
        PoliceFlag = c.PoliceFlag, OnSchoolSite = c.OnSchoolSite, OpenedAt = c.OpenedAt, OpenedBy = c.OpenedBy,
        AssignedTo = assignedTo ?? c.AssignedTo, AssignedAt = assignedAt ?? c.AssignedAt, AssignedBy = assignedBy ?? c.AssignedBy,
        ClosedAt = closedAt ?? c.ClosedAt, ClosedBy = closedBy ?? c.ClosedBy, Outcome = outcome ?? c.Outcome, OutcomeNote = outcomeNote ?? c.OutcomeNote,
    };
}
