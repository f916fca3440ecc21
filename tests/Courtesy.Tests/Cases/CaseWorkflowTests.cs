using System.Text.Json;
using Courtesy.Cases;
using Courtesy.Policies;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Cases;

public class CaseWorkflowTests
{
    private static readonly PolicyLibrary Library = new(Path.Combine(Repo.Root, "policies"));
    private static readonly FakeClock Clock = new(new DateTime(2026, 11, 16, 10, 0, 0, DateTimeKind.Utc));
    private static readonly DateOnly Today = new(2026, 11, 16);

    public static TheoryData<string, string> EveryStepOfEveryPack()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in Library.Ids())
            foreach (var step in Library.Get(id).Ladder)
                data.Add(id, step.Id);
        return data;
    }

    internal static Case NewCase(IEnumerable<string>? categories = null, bool onSchoolSite = false, bool police = false, DateTime? closed = null) => new()
    {
        Id = 7, SchoolId = 3, Reference = "CS-2026-0007", PackId = "test",
        Categories = JsonSerializer.Serialize(categories ?? []), OnSchoolSite = onSchoolSite, PoliceFlag = police,
        OpenedAt = Clock.UtcNow, OpenedBy = "head@school.example",
        ClosedAt = closed, ClosedBy = closed is null ? null : "head@school.example", Outcome = closed is null ? null : "Removed",
    };

    private static StepRequest RequestFor(LadderStep step, string? reason = null) =>
        new(step.Id, "Spoke to the parent by phone.", reason, step.Kind == LadderStepKind.WrittenWarning ? Today.AddDays(7) : null,
            EndsOn: step.Kind == LadderStepKind.RestrictForumAccess ? Today.AddDays(28) : null);

    /// <summary>The history that satisfies the step's "after" guard, built by taking the earlier steps for real.</summary>
    private static List<CaseAction> HistoryFor(CaseWorkflow wf, Case c, LadderStep step)
    {
        var history = new List<CaseAction>();
        if (step.Guard.After is { } after)
        {
            var prior = wf.Ladder.Single(s => s.Id == after);
            history.AddRange(HistoryFor(wf, c, prior));
            history.Add(wf.TakeStep(c, history, RequestFor(prior), "head@school.example"));
        }
        return history;
    }

    private static IEnumerable<string> CategoriesFor(LadderStep step, CaseWorkflow wf)
    {
        // The step's own guard and every step before it on its "after" chain.
        for (var s = step; s is not null; s = s.Guard.After is { } a ? wf.Ladder.Single(x => x.Id == a) : null)
            if (s.Guard.RequiresAnyCategory.Count > 0)
                yield return s.Guard.RequiresAnyCategory[0];
    }

    private static bool SiteFor(LadderStep step, CaseWorkflow wf)
    {
        for (var s = step; s is not null; s = s.Guard.After is { } a ? wf.Ladder.Single(x => x.Id == a) : null)
            if (s.Guard.OnlyOnSchoolSite)
                return true;
        return false;
    }

    [Theory]
    [MemberData(nameof(EveryStepOfEveryPack))]
    public void Step_is_taken_where_its_guard_allows(string packId, string stepId)
    {
        var wf = new CaseWorkflow(Library.Get(packId), Clock);
        var step = wf.Ladder.Single(s => s.Id == stepId);
        var c = NewCase(CategoriesFor(step, wf), SiteFor(step, wf));
        var history = HistoryFor(wf, c, step);

        var option = wf.Evaluate(step, c, history);
        Assert.Equal(StepAvailability.Allowed, option.Availability);
        Assert.Null(option.Why);
        var action = wf.TakeStep(c, history, RequestFor(step), "head@school.example");
        Assert.Equal(stepId, action.StepId);
        Assert.Equal(step.Kind, action.KindValue);
        Assert.Equal(step.Wording, action.Wording);
        Assert.Equal(Clock.UtcNow, action.TakenAt);
        Assert.Equal("head@school.example", action.TakenBy);
        Assert.Null(action.Reason);
        Assert.Equal(c.SchoolId, action.SchoolId);
    }

    [Theory]
    [MemberData(nameof(EveryStepOfEveryPack))]
    public void Step_is_refused_with_a_reason_where_its_guard_does_not_allow(string packId, string stepId)
    {
        var wf = new CaseWorkflow(Library.Get(packId), Clock);
        var step = wf.Ladder.Single(s => s.Id == stepId);
        var label = CaseWorkflow.Label(step);
        var guard = step.Guard;

        // Every step is refused on a closed case.
        var closed = NewCase(CategoriesFor(step, wf), SiteFor(step, wf), closed: Clock.UtcNow);
        Assert.Equal($"{label}: the case is closed",
            Assert.Throws<CaseRuleException>(() => wf.TakeStep(closed, [], RequestFor(step), "head@school.example")).Message);

        if (guard.RequiresAnyCategory.Count > 0)
        {
            var c = NewCase(onSchoolSite: SiteFor(step, wf));
            var history = HistoryFor(wf, NewCase(CategoriesFor(step, wf), SiteFor(step, wf)), step);
            var ex = Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, history, RequestFor(step), "head@school.example"));
            Assert.StartsWith($"{label}: needs ", ex.Message);
            if (guard.OrRecordedReason)
            {
                Assert.EndsWith("or a recorded reason", ex.Message);
                var taken = wf.TakeStep(c, history, RequestFor(step, "Head judges the post grossly offensive."), "head@school.example");
                Assert.Equal("Head judges the post grossly offensive.", taken.Reason);
            }
            else
            {
                Assert.DoesNotContain("recorded reason", ex.Message);
                Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, history, RequestFor(step, "a reason does not help"), "head@school.example"));
            }
        }

        if (guard.OnlyOnSchoolSite)
        {
            var c = NewCase(CategoriesFor(step, wf), onSchoolSite: false);
            var ex = Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, HistoryFor(wf, c, step), RequestFor(step, "any reason"), "head@school.example"));
            Assert.Equal($"{label}: only when posted on the school's own site or forum", ex.Message);
        }

        if (guard.After is { } after)
        {
            var c = NewCase(CategoriesFor(step, wf), SiteFor(step, wf));
            var prior = CaseWorkflow.Label(wf.Ladder.Single(s => s.Id == after));
            var ex = Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, [], RequestFor(step), "head@school.example"));
            if (guard.OrRecordedReason)
            {
                Assert.Contains($"{prior} comes first unless skipped with a reason", ex.Message);
                if (guard.RequiresAnyCategory.Count == 0)
                    Assert.Equal("Parent refused to meet; the post is spreading.",
                        wf.TakeStep(c, [], RequestFor(step, "Parent refused to meet; the post is spreading."), "head@school.example").Reason);
            }
            else
            {
                Assert.Equal($"{label}: {prior} comes first", ex.Message);
            }
        }
    }

    [Fact]
    public void Flitwick_reasons_read_as_a_head_would_expect()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var options = wf.Options(NewCase([Categories.ComplaintAboutSchool]), []).ToDictionary(o => o.Step.Id);
        Assert.Equal(StepAvailability.Allowed, options["discuss"].Availability);
        Assert.Equal("police: needs a police-threshold finding or a recorded reason", options["police"].Why);
        Assert.Equal(StepAvailability.NeedsReason, options["police"].Availability);
        Assert.Equal("restrict forum access: only when posted on the school's own site or forum", options["restrict-forum-access"].Why);
        Assert.Equal(StepAvailability.Refused, options["restrict-forum-access"].Availability);
        Assert.Equal("written warning: discuss-and-request-removal comes first unless skipped with a reason", options["written-warning"].Why);
        Assert.Equal("legal action: legal advice comes first", options["legal-action"].Why);
        Assert.Equal("legal advice: needs a finding of defamatory statement or a recorded reason", options["legal-advice"].Why);
    }

    [Fact]
    public void Police_flag_from_screening_meets_the_police_threshold()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var police = wf.Ladder.Single(s => s.Kind == LadderStepKind.Police);
        Assert.Equal(StepAvailability.Allowed, wf.Evaluate(police, NewCase([Categories.ComplaintAboutSchool], police: true), []).Availability);
        Assert.Equal(StepAvailability.Allowed, wf.Evaluate(police, NewCase([Categories.ThreatOfViolence]), []).Availability);
    }

    [Fact]
    public void Written_warning_needs_a_removal_date_after_today()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var c = NewCase();
        var history = new List<CaseAction> { wf.TakeStep(c, [], new StepRequest("discuss", FollowUpOn: Today.AddDays(2)), "head") };
        Assert.Equal(Today.AddDays(2), history[0].FollowUpOn);
        Assert.Equal("written warning: needs a removal date (the letter gives the parent a date to remove the material by)",
            Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, history, new StepRequest("written-warning"), "head")).Message);
        Assert.Equal("written warning: the removal date 16 November 2026 must be after today (16 November 2026)",
            Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, history, new StepRequest("written-warning", RemovalBy: Today), "head")).Message);
        var warning = wf.TakeStep(c, history, new StepRequest("written-warning", RemovalBy: Today.AddDays(7)), "head");
        Assert.Equal(Today.AddDays(7), warning.FollowUpOn);
    }

    [Fact]
    public void A_platform_complaint_is_followed_up_after_seven_days()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var c = NewCase();
        var discuss = wf.TakeStep(c, [], new StepRequest("discuss"), "head");
        Assert.Null(discuss.FollowUpOn);
        var complaint = wf.TakeStep(c, [discuss], new StepRequest("platform-complaint", "Reported via Facebook's form, ref 88123"), "head");
        Assert.Equal(Today.AddDays(7), complaint.FollowUpOn);
    }

    [Fact]
    public void A_forum_restriction_has_an_end_date_and_one_appeal_within_the_window()
    {
        var clock = new FakeClock(Clock.UtcNow);
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), clock);
        var c = NewCase(onSchoolSite: true);
        Assert.Equal("restrict forum access: needs an end date (a restriction is never open-ended)",
            Assert.Throws<CaseRuleException>(() => wf.TakeStep(c, [], new StepRequest("restrict-forum-access"), "head")).Message);
        var restriction = wf.TakeStep(c, [], new StepRequest("restrict-forum-access", EndsOn: Today.AddDays(30)), "head");
        Assert.True(CaseWorkflow.IsRestrictionInForce(restriction, Today));
        Assert.False(CaseWorkflow.IsRestrictionInForce(restriction, Today.AddDays(31)));

        var discuss = wf.TakeStep(c, [], new StepRequest("discuss"), "head");
        Assert.StartsWith("appeal: only a restriction of forum access can be appealed",
            Assert.Throws<CaseRuleException>(() => wf.RecordAppeal(c, discuss, "unfair", "head")).Message);
        Assert.Equal("appeal decision: no appeal has been made",
            Assert.Throws<CaseRuleException>(() => wf.DecideAppeal(c, restriction, true, null, "chair")).Message);

        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal("appeal: the window closed on 30 November 2026 (14 days after the restriction)",
            Assert.Throws<CaseRuleException>(() => wf.RecordAppeal(c, restriction, "unfair", "head")).Message);
        clock.Advance(TimeSpan.FromDays(-5));
        var appealed = wf.RecordAppeal(c, restriction, "Parent says the post was by her sister.", "head");
        Assert.Equal(("head", clock.UtcNow), (appealed.AppealedBy, appealed.AppealedAt!.Value));
        Assert.StartsWith("appeal: one was already made on",
            Assert.Throws<CaseRuleException>(() => wf.RecordAppeal(c, appealed, "again", "head")).Message);
        Assert.Equal("appeal decision: give the reason for keeping the restriction",
            Assert.Throws<CaseRuleException>(() => wf.DecideAppeal(c, appealed, false, null, "chair")).Message);
        var upheld = wf.DecideAppeal(c, appealed, true, null, "chair");
        Assert.False(CaseWorkflow.IsRestrictionInForce(upheld, Today.AddDays(11)));
        Assert.StartsWith("appeal decision: already decided by chair",
            Assert.Throws<CaseRuleException>(() => wf.DecideAppeal(c, upheld, false, "no", "chair")).Message);
    }

    [Fact]
    public void Unknown_step_names_the_ladder()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var ex = Assert.Throws<CaseRuleException>(() => wf.TakeStep(NewCase(), [], new StepRequest("sue-them"), "head"));
        Assert.StartsWith("step 'sue-them' is not on this school's ladder (steps: discuss, legal-advice,", ex.Message);
    }

    [Fact]
    public void Results_are_recorded_once_with_who_and_when_and_make_follow_ups_not_overdue()
    {
        var clock = new FakeClock(Clock.UtcNow);
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), clock);
        var c = NewCase();
        var discuss = wf.TakeStep(c, [], new StepRequest("discuss", FollowUpOn: Today.AddDays(3)), "head");
        Assert.False(wf.IsOverdue(c, [discuss]));
        clock.Advance(TimeSpan.FromDays(4));
        Assert.True(wf.IsOverdue(c, [discuss]));
        Assert.Equal("result: 7 is not one of Removed, NotRemoved, NoReply",
            Assert.Throws<CaseRuleException>(() => wf.RecordResult(c, discuss, (StepResult)7, null, "dsl")).Message);
        var done = wf.RecordResult(c, discuss, StepResult.NoReply, "No answer to two calls.", "dsl");
        Assert.Equal(("NoReply", "dsl", clock.UtcNow), (done.Result, done.ResultBy, done.ResultAt!.Value));
        Assert.False(wf.IsOverdue(c, [done]));
        Assert.StartsWith("the result of this step was already recorded (no reply, by dsl on",
            Assert.Throws<CaseRuleException>(() => wf.RecordResult(c, done, StepResult.Removed, null, "head")).Message);
    }

    [Fact]
    public void Closing_is_a_time_and_a_person_and_happens_once()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var c = NewCase();
        Assert.Equal("outcome 'removed': record at least the first step (the discussion) before closing with this outcome",
            Assert.Throws<CaseRuleException>(() => wf.Close(c, [], CaseOutcome.Removed, null, "head")).Message);
        Assert.Equal("outcome 'withdrawn': give a reason",
            Assert.Throws<CaseRuleException>(() => wf.Close(c, [], CaseOutcome.Withdrawn, " ", "head")).Message);
        Assert.Equal("outcome: 99 is not one of Removed, NotRemoved, Withdrawn, Referred, NoFurtherAction",
            Assert.Throws<CaseRuleException>(() => wf.Close(c, [], (CaseOutcome)99, null, "head")).Message);
        var discuss = wf.TakeStep(c, [], new StepRequest("discuss"), "head");
        var closed = wf.Close(c, [discuss], CaseOutcome.Removed, "Post taken down.", "head");
        Assert.Equal((Clock.UtcNow, "head", CaseOutcome.Removed), (closed.ClosedAt!.Value, closed.ClosedBy, closed.OutcomeValue!.Value));
        Assert.False(c.IsClosed);
        Assert.StartsWith("CS-2026-0007 was already closed by head on",
            Assert.Throws<CaseRuleException>(() => wf.Close(closed, [discuss], CaseOutcome.NotRemoved, null, "head")).Message);
        Assert.Throws<CaseRuleException>(() => wf.Assign(closed, "dsl", "head"));
    }

    [Fact]
    public void Assignment_and_notes_record_who_and_when()
    {
        var wf = new CaseWorkflow(Library.Get("flitwick-lower"), Clock);
        var assigned = wf.Assign(NewCase(), "dsl@school.example", "head@school.example");
        Assert.Equal(("dsl@school.example", "head@school.example", Clock.UtcNow), (assigned.AssignedTo, assigned.AssignedBy, assigned.AssignedAt!.Value));
        var shared = wf.Note(assigned, "  We have asked for the post to be removed. ", true, "head");
        Assert.Equal(("We have asked for the post to be removed.", true), (shared.Text, shared.SharedWithReporter));
        Assert.Equal("note: write something", Assert.Throws<CaseRuleException>(() => wf.Note(assigned, "", false, "head")).Message);
    }
}
