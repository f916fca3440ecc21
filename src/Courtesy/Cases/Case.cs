using System.Text.Json;
using Courtesy.Policies;

namespace Courtesy.Cases;

/// <summary>What came of a step: did the material come down?</summary>
public enum StepResult { Removed, NotRemoved, NoReply }

/// <summary>How a case ended.</summary>
public enum CaseOutcome { Removed, NotRemoved, Withdrawn, Referred, NoFurtherAction }

public static class EnumNames
{
    /// <summary>Parses a value by its name only: Enum.TryParse also takes "99" and "Removed,NoReply",
    /// which would store a result or outcome no screen knows.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
                return Enum.TryParse(name, out value);
        value = default;
        return false;
    }
}

/// <summary>
/// A case about one post (or one person's posts), climbing the ladder of the school's pack. State changes
/// are a time plus the person who made them, never a bare flag: a case is closed because
/// <see cref="ClosedAt"/> and <see cref="ClosedBy"/> are set.
/// </summary>
public sealed class Case
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public string Reference { get; init; } = "";
    public string PackId { get; init; } = "";
    public string? PosterName { get; init; }
    public string? Platform { get; init; }
    public string? PostUrl { get; init; }
    public DateTime? PostedAt { get; init; }
    public string PostText { get; init; } = "";
    /// <summary>JSON array of category ids found (by screening, confirmed or added at triage).</summary>
    public string Categories { get; init; } = "[]";
    public bool PoliceFlag { get; init; }
    /// <summary>Posted on the school's own website or forum: the only place the school can restrict access.</summary>
    public bool OnSchoolSite { get; init; }
    public DateTime OpenedAt { get; init; }
    public string OpenedBy { get; init; } = "";
    public string? AssignedTo { get; init; }
    public DateTime? AssignedAt { get; init; }
    public string? AssignedBy { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNote { get; init; }

    public IReadOnlySet<string> CategoryIds => JsonSerializer.Deserialize<HashSet<string>>(Categories) ?? [];
    public bool IsClosed => ClosedAt is not null;
    public CaseOutcome? OutcomeValue => Outcome is null ? null : Enum.Parse<CaseOutcome>(Outcome);
}

/// <summary>One step taken on the ladder: who, when, notes, the reason when a guard was overridden, the
/// dates it set, and (later) its result, again with who and when.</summary>
public sealed class CaseAction
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public long CaseId { get; init; }
    public string StepId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Wording { get; init; } = "";
    public DateTime TakenAt { get; init; }
    public string TakenBy { get; init; } = "";
    public string? Notes { get; init; }
    /// <summary>Why the step was taken although its guard was not met (recorded, never implied).</summary>
    public string? Reason { get; init; }
    public DateOnly? RemovalBy { get; init; }
    public DateOnly? FollowUpOn { get; init; }
    public string? Result { get; init; }
    public DateTime? ResultAt { get; init; }
    public string? ResultBy { get; init; }
    public string? ResultNote { get; init; }
    public DateTime? ReminderSentAt { get; init; }
    /// <summary>When a restriction of forum access ends (it is never open-ended).</summary>
    public DateOnly? EndsOn { get; init; }
    public DateTime? AppealedAt { get; init; }
    public string? AppealedBy { get; init; }
    public string? AppealNote { get; init; }
    public DateTime? AppealDecidedAt { get; init; }
    public string? AppealDecidedBy { get; init; }
    /// <summary>True: the appeal succeeded and the restriction was lifted.</summary>
    public bool? AppealUpheld { get; init; }
    public string? AppealDecisionNote { get; init; }

    public LadderStepKind KindValue => Enum.Parse<LadderStepKind>(Kind);
    public StepResult? ResultValue => Result is null ? null : Enum.Parse<StepResult>(Result);
}

/// <summary>A note on a case. Internal notes stay with staff; shared notes are shown to the person who reported
/// the concern on the status page.</summary>
public sealed class CaseNote
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public long CaseId { get; init; }
    public DateTime WrittenAt { get; init; }
    public string WrittenBy { get; init; } = "";
    public string Text { get; init; } = "";
    public bool SharedWithReporter { get; init; }
}

/// <summary>Schools are in England: dates on letters, follow-ups and "overdue" are London dates.</summary>
