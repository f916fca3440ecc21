using Courtesy.Cases;
using Courtesy.Data;
using Courtesy.Letters;
using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Tests.Cases;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Tenancy;

/// <summary>School A's rows, asked for with school B's id, through every store: by id, by reference or search,
/// by export and by report. Nothing is found, nothing changes, and A's data is as it was.</summary>
public class TenantIsolationTests
{
    private sealed record SchoolA(CaseKit Kit, School School, Concern Concern, string Secret, Case Case, CaseAction Step, StoredLetter Letter, Evidence Evidence);

    private static async Task<SchoolA> SeedSchoolAAsync(CaseKit k)
    {
        var school = k.School.Id;
        var submitted = await k.Concerns.SubmitAsync(school, CaseKit.Post(), [EvidenceFiles.Inspect("shot.png", EvidenceFilesTests.Png)], null);
        var kase = await k.Cases.OpenFromConcernAsync(school, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.AllegationAboutStaff], false, false), "head@a.example");
        var step = await k.Work.TakeStepAsync(school, kase.Id, new StepRequest("discuss", "Met the parent."), "head@a.example");
        var letter = await k.Work.ProduceLetterAsync(school, kase.Id, step.Id, new Signatory("Mrs A", "Headteacher"), "head@a.example");
        var evidence = Assert.Single(await k.Evidence.ForConcernAsync(school, submitted.Concern.Id));
        await k.T.Roster.ImportAsync(school, RosterCsv.Parse(new StringReader(
            "kind,title,first_name,last_name,preferred_name,role,year_group\npupil,,Hope,Mensah,,,Reception\n"), "r.csv"), "test", "r.csv");
        return new SchoolA(k, k.School, submitted.Concern, submitted.Secret, kase, step, letter, evidence);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Concerns_of_one_school_are_not_found_from_another(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var a = await SeedSchoolAAsync(k);
        var b = await k.AddSchoolAsync("school-b", "School B");

        Assert.Null(await k.Concerns.GetAsync(b.Id, a.Concern.Id));
        Assert.Null(await k.Concerns.FindAsync(b.Id, a.Concern.Reference));
        Assert.Empty(await k.Concerns.ListAsync(b.Id));
        Assert.Empty(await k.Concerns.QueueAsync(b.Id));
        Assert.Null(await k.Concerns.StatusAsync(b.Id, a.Concern.Reference, a.Secret));
        Assert.Empty(await k.Concerns.UnscreenedAsync(b.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => k.Concerns.DecideAsync(b.Id, a.Concern.Id, TriageDecision.NoBreach, "not ours", "head@b.example"));

        var unchanged = await k.Concerns.GetAsync(a.School.Id, a.Concern.Id);
        Assert.Equal(a.Case.Id, unchanged!.CaseId);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Cases_of_one_school_cannot_be_read_or_changed_from_another(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var a = await SeedSchoolAAsync(k);
        var b = await k.AddSchoolAsync("school-b", "School B");

        Assert.Null(await k.Cases.GetAsync(b.Id, a.Case.Id));
        Assert.Null(await k.Cases.FindAsync(b.Id, a.Case.Reference));
        Assert.Null(await k.Cases.ViewAsync(b.Id, a.Case.Id, "head@b.example"));
        Assert.Empty(await k.Cases.ListAsync(b.Id));
        Assert.Empty(await k.Cases.ListAsync(b.Id, open: false));
        Assert.Empty(await k.Cases.ActionsAsync(b.Id, a.Case.Id));
        Assert.Empty(await k.Cases.NotesAsync(b.Id, a.Case.Id));
        Assert.Empty(await k.Cases.LettersAsync(b.Id, a.Case.Id));
        Assert.Null(await k.Cases.LetterContentAsync(b.Id, a.Case.Id, a.Letter.Id));
        Assert.Null(await k.Work.LoadAsync(b.Id, a.Case.Id, "head@b.example"));

        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.TakeStepAsync(b.Id, a.Case.Id, new StepRequest("written-warning"), "head@b.example"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.RecordResultAsync(b.Id, a.Case.Id, a.Step.Id, StepResult.Removed, null, "head@b.example"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.AddNoteAsync(b.Id, a.Case.Id, "hello", false, "head@b.example"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.CloseAsync(b.Id, a.Case.Id, CaseOutcome.Withdrawn, null, "head@b.example"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.AssignAsync(b.Id, a.Case.Id, "head@b.example", "head@b.example"));

        var file = await k.Work.LoadAsync(a.School.Id, a.Case.Id, "head@a.example");
        Assert.False(file!.Case.IsClosed);
        Assert.Single(file.Actions);
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Evidence_exports_and_reports_stay_within_their_school(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var a = await SeedSchoolAAsync(k);
        var b = await k.AddSchoolAsync("school-b", "School B");

        Assert.Null(await k.Evidence.ContentAsync(b.Id, a.Evidence.Id));
        Assert.Empty(await k.Evidence.ForCaseAsync(b.Id, a.Case.Id));
        Assert.Empty(await k.Evidence.ForConcernAsync(b.Id, a.Concern.Id));

        // the evidence pack is the export a solicitor or the police receives
        var pack = new EvidencePack(k.Work, k.Cases, k.Evidence, k.T.Schools, k.T.Audit, k.T.Clock);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => pack.BuildAsync(b.Id, a.Case.Id, "head@b.example"));

        // reports: overdue follow-ups, the audit trail, the roster
        Assert.Empty(await k.Cases.OverdueAsync(b.Id, DateOnly.FromDateTime(k.T.Clock.UtcNow).AddYears(1)));
        Assert.Empty(await k.T.Audit.ForTargetAsync(b.Id, "case", a.Case.Reference));
        Assert.True((await k.T.Audit.VerifyAsync(b.Id)).Ok);
        Assert.Empty(await k.T.Roster.ListAsync(b.Id));
        Assert.Equal(0, await k.T.Roster.CountAsync(b.Id));
        Assert.NotEqual((await k.T.Schools.CurrentPolicyAsync(a.School.Id))!.SchoolId, b.Id);
    }
}
