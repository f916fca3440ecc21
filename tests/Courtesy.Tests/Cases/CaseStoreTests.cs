using Courtesy.Cases;
using Courtesy.Data;
using Courtesy.Policies;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Tests.Cases;

public class CaseStoreTests
{
    public static TheoryData<DbProvider> Providers => TestDb.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concern_gets_a_yearly_reference_a_secret_and_its_evidence(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var png = EvidenceFiles.Inspect("shot.png", EvidenceFilesTests.Png);
        var first = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [png], null);
        var second = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [], "teacher@flitwick.example");
        Assert.Equal("C-2026-0001", first.Concern.Reference);
        Assert.Equal("C-2026-0002", second.Concern.Reference);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", first.Secret);
        Assert.True(first.Concern.IsAnonymous);
        Assert.Equal("teacher@flitwick.example", second.Concern.SubmittedBy);
        var stored = Assert.Single(await k.Evidence.ForConcernAsync(k.School.Id, first.Concern.Id));
        Assert.Equal((png.Sha256, "image/png", 16L), (stored.Sha256, stored.ContentType, stored.Size));
        Assert.Equal(k.T.Clock.UtcNow, stored.CapturedAt);
        Assert.Equal(EvidenceFilesTests.Png, (await k.Evidence.ContentAsync(k.School.Id, stored.Id))!.Value.Content);

        // The secret is not stored in clear.
        await using var c = await k.T.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM concerns WHERE secret_hash LIKE @s", new { s = "%" + first.Secret + "%" }));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Evidence_is_write_once(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [EvidenceFiles.Inspect("shot.png", EvidenceFilesTests.Png)], null);
        await using var c = await k.T.Db.OpenAsync();
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("UPDATE evidence SET file_name = 'x.png'"));
        Assert.Contains("write-once", update.Message);
        Assert.Contains("write-once", (await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("DELETE FROM evidence"))).Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Double_submit_gives_one_concern_and_a_working_secret(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var a = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post("form-7f3a9c01d2e4b5a6"), [], null);
        var b = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post("form-7f3a9c01d2e4b5a6"), [], null);
        Assert.True(b.WasDuplicate);
        Assert.Equal(a.Concern.Id, b.Concern.Id);
        Assert.Single(await k.Concerns.ListAsync(k.School.Id));
        Assert.NotNull(await k.Concerns.StatusAsync(k.School.Id, a.Concern.Reference, b.Secret));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_known_key_with_a_different_report_is_refused_and_the_first_secret_keeps_working(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        const string key = "form-7f3a9c01d2e4b5a6";
        var first = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(key), [], null);

        var ex = await Assert.ThrowsAsync<ConcernValidationException>(() =>
            k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(key) with { PostText = "Something else entirely" }, [], null));

        Assert.Contains("already used for a different report", ex.Errors["submissionKey"]);
        Assert.NotNull(await k.Concerns.StatusAsync(k.School.Id, first.Concern.Reference, first.Secret));
        Assert.Single(await k.Concerns.ListAsync(k.School.Id));
        var tooShort = await Assert.ThrowsAsync<ConcernValidationException>(() => k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post("k1"), [], null));
        Assert.Contains("at least 16 characters", tooShort.Errors["submissionKey"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Status_needs_the_right_secret_and_school_and_a_guess_looks_like_not_found(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var other = await k.AddSchoolAsync("roose", "Roose Community Primary School");
        var s = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [], null);
        var status = await k.Concerns.StatusAsync(k.School.Id, " c-2026-0001 ", s.Secret.ToLowerInvariant().Replace("-", " "));
        Assert.Equal(("C-2026-0001", "Received"), (status!.Reference, status.State));
        Assert.Null(await k.Concerns.StatusAsync(k.School.Id, "C-2026-0001", "AAAA-BBBB-CCCC"));
        Assert.Null(await k.Concerns.StatusAsync(k.School.Id, "C-2026-0099", s.Secret));
        Assert.Null(await k.Concerns.StatusAsync(other.Id, "C-2026-0001", s.Secret));
        Assert.Null(await k.Concerns.GetAsync(other.Id, s.Concern.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_submission_names_each_field_and_saves_nothing(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var ex = await Assert.ThrowsAsync<ConcernValidationException>(() => k.Concerns.SubmitAsync(k.School.Id,
            new ConcernSubmission(" ", PostUrl: "javascript:alert(1)", ReporterEmail: "nope"), [], null));
        Assert.Equal(["postText", "postUrl", "reporterEmail"], ex.Errors.Keys.Order().ToArray());
        Assert.Contains("'javascript:alert(1)' is not a web address", ex.Errors["postUrl"]);
        Assert.Empty(await k.Concerns.ListAsync(k.School.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_control_character_in_the_post_is_refused_with_its_position(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var ex = await Assert.ThrowsAsync<ConcernValidationException>(() => k.Concerns.SubmitAsync(k.School.Id,
            new ConcernSubmission("Mr Harris\u0001 is a disgrace", ReporterNote: "fine \ud83d\ude21\ttoo"), [], null));
        Assert.Equal(["postText"], ex.Errors.Keys.ToArray());
        Assert.Contains("character 10 is an invisible control character (U+0001)", ex.Errors["postText"]);
        Assert.Empty(await k.Concerns.ListAsync(k.School.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Triage_decisions_are_recorded_once_with_who_and_when(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var a = (await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [], null)).Concern;
        var submittedB = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [], null);
        var b = submittedB.Concern;
        Assert.Equal("no breach: give the reason (it is kept on the record)",
            (await Assert.ThrowsAsync<CaseRuleException>(() => k.Concerns.DecideAsync(k.School.Id, a.Id, TriageDecision.NoBreach, "", "head"))).Message);
        var decided = await k.Concerns.DecideAsync(k.School.Id, a.Id, TriageDecision.NoBreach, "Fair comment about the car park.", "head");
        Assert.Equal(("no-breach", "head", k.T.Clock.UtcNow), (decided.Decision, decided.TriagedBy, decided.TriagedAt!.Value));
        Assert.StartsWith("C-2026-0001 was already triaged by head on",
            (await Assert.ThrowsAsync<CaseRuleException>(() => k.Concerns.DecideAsync(k.School.Id, a.Id, TriageDecision.Safeguarding, null, "dsl"))).Message);
        await k.Concerns.DecideAsync(k.School.Id, b.Id, TriageDecision.Safeguarding, null, "dsl");
        Assert.Empty(await k.Concerns.QueueAsync(k.School.Id));
        Assert.Equal("Passed to the safeguarding lead", (await k.Concerns.StatusAsync(k.School.Id, b.Reference, submittedB.Secret))!.State);
        Assert.Equal("Reviewed", (await k.Concerns.StatusAsync(k.School.Id, a.Reference, "wrong")) is null ? "Reviewed" : "leaked");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_case_may_be_opened_under_the_packs_own_category_but_not_under_an_unknown_one(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var school = k.School.Id;
        var flitwick = Repo.LoadPack("flitwick-lower");
        var own = new PolicyPack(flitwick.Id, flitwick.Name, flitwick.Title, flitwick.Version, flitwick.Owner, flitwick.DateAgreed, flitwick.NextReview,
            flitwick.Letterhead, flitwick.Sections, flitwick.SourceName,
            [new OwnCategory(new Category("uniform-mockery", "Mocking the uniform", "Ridicules the uniform.", 25, PoliceThreshold.None, false), ["clown uniform"])]);
        var first = await k.Concerns.SubmitAsync(school, CaseKit.Post(), [], null);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            k.Cases.OpenFromConcernAsync(school, first.Concern.Id, own, new CaseOpening(["uniform-mockry"], false, false), "head"));
        Assert.Contains("'uniform-mockry'", refused.Message);
        Assert.Null((await k.Concerns.GetAsync(school, first.Concern.Id))!.TriagedAt);

        var kase = await k.Cases.OpenFromConcernAsync(school, first.Concern.Id, own, new CaseOpening(["uniform-mockery"], false, false), "head");
        Assert.Equal(["uniform-mockery"], kase.CategoryIds);
        var second = await k.Concerns.SubmitAsync(school, CaseKit.Post(), [], null);
        await Assert.ThrowsAsync<CaseRuleException>(() =>
            k.Cases.OpenFromConcernAsync(school, second.Concern.Id, flitwick, new CaseOpening(["uniform-mockery"], false, false), "head"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Case_runs_the_ladder_and_resolves_concerns_about_the_same_post(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var school = k.School.Id;
        var first = await k.Concerns.SubmitAsync(school, CaseKit.Post(), [EvidenceFiles.Inspect("shot.png", EvidenceFilesTests.Png)], null);
        var kase = await k.Cases.OpenFromConcernAsync(school, first.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.AllegationAboutStaff, Categories.NegativeOrOffensiveComment], false, false), "head@flitwick.example");
        Assert.Equal("CASE-2026-0001", kase.Reference);
        var sameAddress = await k.Concerns.SubmitAsync(school, CaseKit.Post(), [], null);
        var elsewhere = await k.Concerns.SubmitAsync(school, CaseKit.Post(url: "https://x.com/someone/status/1"), [], null);
        Assert.Equal([kase.Id], (await k.Cases.MatchingOpenCasesAsync(school, sameAddress.Concern)).Select(c => c.Id));

        var today = London.Today(k.T.Clock);
        var discuss = await k.Work.TakeStepAsync(school, kase.Id, new StepRequest("discuss", "Met Ms Whitlock after school.", FollowUpOn: today.AddDays(3)), "head@flitwick.example");
        Assert.True(discuss.Id > 0);
        Assert.NotNull((await k.Concerns.GetAsync(school, first.Concern.Id))!.ResolvedAt);
        var joined = (await k.Concerns.GetAsync(school, sameAddress.Concern.Id))!;
        Assert.Equal((kase.Id, "case"), (joined.CaseId, joined.Decision));
        Assert.NotNull(joined.ResolvedAt);
        Assert.Null((await k.Concerns.GetAsync(school, elsewhere.Concern.Id))!.TriagedAt);

        // A step not allowed now: a clear reason and nothing saved.
        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => k.Work.TakeStepAsync(school, kase.Id, new StepRequest("restrict-forum-access"), "head@flitwick.example"));
        Assert.Equal("restrict forum access: only when posted on the school's own site or forum", refused.Message);
        Assert.Single(await k.Cases.ActionsAsync(school, kase.Id));

        Assert.Empty(await k.Cases.OverdueAsync(school, London.Today(k.T.Clock)));
        k.T.Clock.Advance(TimeSpan.FromDays(4));
        var overdue = Assert.Single(await k.Cases.OverdueAsync(null, London.Today(k.T.Clock), onlyUnreminded: true));
        Assert.Equal((kase.Id, discuss.Id), (overdue.Case.Id, overdue.Action.Id));
        await k.Cases.MarkReminderSentAsync(school, discuss.Id);
        Assert.Empty(await k.Cases.OverdueAsync(null, London.Today(k.T.Clock), onlyUnreminded: true));
        Assert.Single(await k.Cases.OverdueAsync(school, London.Today(k.T.Clock)));

        await k.Work.RecordResultAsync(school, kase.Id, discuss.Id, StepResult.NotRemoved, "Refused.", "head@flitwick.example");
        Assert.Empty(await k.Cases.OverdueAsync(school, London.Today(k.T.Clock)));
        var warning = await k.Work.TakeStepAsync(school, kase.Id, new StepRequest("written-warning", RemovalBy: London.Today(k.T.Clock).AddDays(7)), "head@flitwick.example");
        var letter = await k.Work.ProduceLetterAsync(school, kase.Id, warning.Id, new Signatory("Mrs Joanna New", "Headteacher"), "head@flitwick.example");
        Assert.Equal("WrittenWarning", letter.Kind);
        var content = (await k.Cases.LetterContentAsync(school, kase.Id, letter.Id))!.Value;
        Assert.Equal(letter.DocxSha256, Courtesy.Letters.LetterWriter.Sha256(content.Docx));
        Assert.Contains("Please remove the material by 13 November 2026", content.Html);
        Assert.Contains("&lt;script&gt;", content.Html);
        Assert.Contains("Making allegations about staff or anyone else connected with the school", content.Html);

        await k.Work.AddNoteAsync(school, kase.Id, "We have written to the parent.", true, "head@flitwick.example");
        await k.Work.AddNoteAsync(school, kase.Id, "Parent is known to be litigious.", false, "head@flitwick.example");
        var closed = await k.Work.CloseAsync(school, kase.Id, CaseOutcome.Removed, "Post deleted on 10 November.", "head@flitwick.example");
        Assert.True(closed.IsClosed);
        var status = (await k.Concerns.StatusAsync(school, first.Concern.Reference, first.Secret))!;
        Assert.Equal("Closed", status.State);
        Assert.Contains("Outcome: removed.", status.Explanation);
        Assert.Equal(["We have written to the parent."], status.Updates.Select(u => u.Text));

        // Another school cannot see or touch the case.
        var other = await k.AddSchoolAsync("roose", "Roose Community Primary School");
        Assert.Null(await k.Work.LoadAsync(other.Id, kase.Id, "head@roose.example"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => k.Work.TakeStepAsync(other.Id, kase.Id, new StepRequest("discuss"), "head@roose.example"));

        // Every change is in the school's audit chain, and the chain verifies.
        var file = (await k.Work.LoadAsync(school, kase.Id, "dsl@flitwick.example"))!;
        Assert.Equal(2, file.Concerns.Count);
        Assert.Single(file.Evidence);
        var events = await k.T.Audit.ForTargetAsync(school, "case", kase.Reference);
        Assert.Equal(["case.opened", "case.step", "case.step-result", "case.step", "case.letter", "case.note-shared", "case.note", "case.closed", "case.viewed"],
            events.Select(e => e.Action));
        Assert.True((await k.T.Audit.VerifyAsync()).Ok);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restriction_and_its_appeal_are_kept_with_who_and_when(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var school = k.School.Id;
        var submitted = await k.Concerns.SubmitAsync(school, CaseKit.Post() with { OnSchoolSite = true }, [], null);
        var kase = await k.Cases.OpenFromConcernAsync(school, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"), new CaseOpening([Categories.NegativeOrOffensiveComment], false, true), "head");
        var ends = London.Today(k.T.Clock).AddDays(28);
        var restriction = await k.Work.TakeStepAsync(school, kase.Id, new StepRequest("restrict-forum-access", EndsOn: ends), "head");
        Assert.Equal(ends, restriction.EndsOn);
        await k.Work.RecordAppealAsync(school, kase.Id, restriction.Id, "It was my sister's account.", "head");
        await k.Work.DecideAppealAsync(school, kase.Id, restriction.Id, false, "Same device, same wording.", "chair@flitwick.example");
        var stored = (await k.Cases.ActionsAsync(school, kase.Id)).Single();
        Assert.Equal((ends, "It was my sister's account.", false, "chair@flitwick.example"), (stored.EndsOn!.Value, stored.AppealNote, stored.AppealUpheld!.Value, stored.AppealDecidedBy));
        Assert.Null(stored.Result);
        Assert.Equal(["case.opened", "case.step", "case.appeal", "case.appeal-decided"],
            (await k.T.Audit.ForTargetAsync(school, "case", kase.Reference)).Select(e => e.Action));
    }
}
