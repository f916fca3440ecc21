using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Courtesy.Cases;
using Courtesy.Data;
using Courtesy.Mail;
using Courtesy.Policies;
using Courtesy.Tests.Mail;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Tests.Cases;

/// <summary>What leaves the system: letters by mail, reminders, evidence packs, and the audit verify verb.</summary>
public class CaseOutputsTests
{
    public static TheoryData<DbProvider> Providers => TestDb.Providers;

    private static async Task<(Case Case, CaseAction Discuss, SubmittedConcern Concern)> OpenCaseAsync(CaseKit k, int followUpDays = 2)
    {
        var submitted = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [EvidenceFiles.Inspect("shot.png", EvidenceFilesTests.Png)], null);
        var kase = await k.Cases.OpenFromConcernAsync(k.School.Id, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.AllegationAboutStaff], false, false), "head@flitwick.example");
        var discuss = await k.Work.TakeStepAsync(k.School.Id, kase.Id,
            new StepRequest("discuss", "Phoned Ms Whitlock.", FollowUpOn: London.Today(k.T.Clock).AddDays(followUpDays)), "head@flitwick.example");
        return (kase, discuss, submitted);
    }

    [Fact]
    public async Task Letter_is_mailed_with_the_docx_attached_and_logged_on_the_case()
    {
        using var sink = new SmtpSink();
        await using var k = await CaseKit.CreateAsync(DbProvider.Sqlite, sender: new SmtpMailSender(new SmtpOptions("127.0.0.1", sink.Port, "office@flitwick.example")));
        var (kase, discuss, _) = await OpenCaseAsync(k);
        var letter = await k.Work.ProduceLetterAsync(k.School.Id, kase.Id, discuss.Id, new Signatory("Mrs Joanna New", "Headteacher"), "head@flitwick.example");
        var message = await k.Work.SendLetterAsync(k.School.Id, kase.Id, letter.Id, "dana.whitlock@example.com", "head@flitwick.example");
        Assert.NotNull(message.SentAt);

        var got = Assert.Single(sink.Decoded());
        Assert.Equal(["dana.whitlock@example.com"], got.RcptTos);
        Assert.Equal("Request to remove a social media post – Flitwick Lower School", got.Subject);
        Assert.Contains("Dear Dana Whitlock,", got.Text);
        Assert.Contains("Thank you for speaking with me on 2 November 2026", got.Text);
        Assert.Contains("<script>alert('x')</script>", got.Text);
        Assert.DoesNotContain("<script>", got.Html);
        var attachment = Assert.Single(got.Attachments);
        Assert.Equal((letter.DocxSha256, "CASE-2026-0001-RemovalRequest.docx"), (attachment.Sha256, attachment.Name));
        Assert.Equal(got.MessageId, message.MessageId);

        var log = Assert.Single(await k.Outbox.ForCaseAsync(k.School.Id, kase.Id));
        Assert.Equal(("letter", letter.Id, "dana.whitlock@example.com"), (log.Purpose, log.LetterId!.Value, log.ToAddress));
    }

    [Fact]
    public async Task A_shared_note_is_mailed_to_reporters_who_gave_an_address_and_an_internal_one_never()
    {
        using var sink = new SmtpSink();
        await using var k = await CaseKit.CreateAsync(DbProvider.Sqlite, sender: new SmtpMailSender(new SmtpOptions("127.0.0.1", sink.Port, "office@flitwick.example")));
        var withEmail = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post() with { ReporterEmail = "worried.parent@example.com" }, [], null);
        var kase = await k.Cases.OpenFromConcernAsync(k.School.Id, withEmail.Concern.Id, Repo.LoadPack("flitwick-lower"), new CaseOpening([Categories.AllegationAboutStaff], false, false), "head");
        var anonymous = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post(), [], null);
        await k.Cases.AddConcernAsync(k.School.Id, kase.Id, anonymous.Concern.Id, "head");
        var internalNote = await k.Work.AddNoteAsync(k.School.Id, kase.Id, "Parent is known to us.", false, "head");
        await Assert.ThrowsAsync<CaseRuleException>(() => k.Work.EmailReportersAsync(k.School.Id, kase.Id, internalNote, "head"));
        var shared = await k.Work.AddNoteAsync(k.School.Id, kase.Id, "We have asked for the post to be removed.", true, "head");
        var sent = Assert.Single(await k.Work.EmailReportersAsync(k.School.Id, kase.Id, shared, "head"));
        Assert.NotNull(sent.SentAt);
        var got = Assert.Single(sink.Decoded());
        Assert.Equal(["worried.parent@example.com"], got.RcptTos);
        Assert.Equal("Update on your concern C-2026-0001 – Flitwick Lower School", got.Subject);
        Assert.StartsWith("We have asked for the post to be removed.", got.Text);
        Assert.DoesNotContain("known to us", got.Text);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concerns_saved_before_screening_are_screened_by_the_job(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var threatening = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post() with { PostText = "I will kill Mr Harris if he comes near my son again" }, [], null);
        var plain = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post() with { PostText = "Lovely sports day, well done everyone" }, [], null);
        Assert.Equal(2, (await k.Concerns.UnscreenedAsync(k.School.Id)).Count);
        var screening = new ConcernScreening(k.Concerns, k.T.Schools, k.T.Roster, k.Work, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConcernScreening>.Instance);
        Assert.Equal(2, await screening.ScreenPendingAsync());
        Assert.Empty(await k.Concerns.UnscreenedAsync());
        var threat = (await k.Concerns.GetAsync(k.School.Id, threatening.Concern.Id))!;
        Assert.Contains(Categories.ThreatOfViolence, threat.CategoryIds);
        Assert.True(threat.PoliceFlag);
        Assert.All(threat.FindingList, f => Assert.Equal(f.Text, threat.PostText.Substring(f.Start, f.Length)));
        Assert.Empty((await k.Concerns.GetAsync(k.School.Id, plain.Concern.Id))!.CategoryIds);
        Assert.Equal("concern.screened", (await k.T.Audit.ForTargetAsync(k.School.Id, "concern", threatening.Concern.Reference)).Last().Action);
    }

    [Fact]
    public async Task A_letter_needing_a_value_the_case_lacks_says_which()
    {
        await using var k = await CaseKit.CreateAsync(DbProvider.Sqlite);
        var submitted = await k.Concerns.SubmitAsync(k.School.Id, CaseKit.Post() with { PosterName = null }, [], null);
        var kase = await k.Cases.OpenFromConcernAsync(k.School.Id, submitted.Concern.Id, Repo.LoadPack("flitwick-lower"), new CaseOpening([Categories.AllegationAboutStaff], false, false), "head");
        var discuss = await k.Work.TakeStepAsync(k.School.Id, kase.Id, new StepRequest("discuss"), "head");
        var ex = await Assert.ThrowsAsync<Courtesy.Letters.LetterException>(() => k.Work.ProduceLetterAsync(k.School.Id, kase.Id, discuss.Id, new Signatory("Mrs New", "Headteacher"), "head"));
        Assert.Equal("the removal request letter needs {{parent_name}} (the person who posted, as recorded on the case)", ex.Message);
        Assert.Empty(await k.Cases.LettersAsync(k.School.Id, kase.Id));
    }

    [Fact]
    public async Task Without_a_mail_server_the_attempt_is_logged_as_failed()
    {
        await using var k = await CaseKit.CreateAsync(DbProvider.Sqlite);
        var (kase, discuss, _) = await OpenCaseAsync(k);
        var letter = await k.Work.ProduceLetterAsync(k.School.Id, kase.Id, discuss.Id, new Signatory("Mrs New", "Headteacher"), "head");
        var message = await k.Work.SendLetterAsync(k.School.Id, kase.Id, letter.Id, "parent@example.com", "head");
        Assert.Null(message.SentAt);
        Assert.Equal("mail is not configured (set Courtesy:Mail:Host, Port and From)", message.Error);

        // The reminder job does not pile up failed attempts while no mail server is configured.
        k.T.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Single(await k.Cases.OverdueAsync(k.School.Id, London.Today(k.T.Clock), onlyUnreminded: true));
        Assert.Equal(0, await new Reminders(k.Cases, k.Outbox, new ReminderOptions(), k.T.Clock).SendDueAsync());
        Assert.Single(await k.Outbox.ForCaseAsync(k.School.Id, kase.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reminder_job_mails_each_overdue_follow_up_once(DbProvider provider)
    {
        using var sink = new SmtpSink();
        await using var k = await CaseKit.CreateAsync(provider, sender: new SmtpMailSender(new SmtpOptions("127.0.0.1", sink.Port, "office@flitwick.example")));
        var (kase, discuss, _) = await OpenCaseAsync(k, followUpDays: 2);
        await k.Work.AssignAsync(k.School.Id, kase.Id, "dsl@flitwick.example", "head@flitwick.example");
        var reminders = new Reminders(k.Cases, k.Outbox, new ReminderOptions { BaseUrl = "https://courtesy.flitwick.example" }, k.T.Clock);
        Assert.Equal(0, await reminders.SendDueAsync());
        k.T.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await reminders.SendDueAsync());
        Assert.Equal(0, await reminders.SendDueAsync());
        var got = Assert.Single(sink.Decoded());
        Assert.Equal(["dsl@flitwick.example"], got.RcptTos);
        Assert.Equal("Follow-up due: CASE-2026-0001", got.Subject);
        Assert.Contains($"https://courtesy.flitwick.example/Cases/{kase.Id}", got.Text);
        Assert.Contains("Follow up on: 4 November 2026", got.Text);
        Assert.DoesNotContain("Report Harmful Content", got.Text);
        Assert.Equal("reminder", Assert.Single(await k.Outbox.ForCaseAsync(k.School.Id, kase.Id)).Purpose);

        // A platform complaint with no answer after seven days: the reminder says where to escalate.
        await k.Work.RecordResultAsync(k.School.Id, kase.Id, discuss.Id, StepResult.NotRemoved, null, "head@flitwick.example");
        await k.Work.TakeStepAsync(k.School.Id, kase.Id, new StepRequest("platform-complaint"), "head@flitwick.example");
        k.T.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await reminders.SendDueAsync());
        Assert.Contains("escalate to Report Harmful Content", sink.Decoded(2)[1].Text);
        Assert.NotNull((await k.Cases.ActionsAsync(k.School.Id, kase.Id)).Single(a => a.Id == discuss.Id).ReminderSentAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Evidence_pack_holds_every_file_with_hashes_that_check_out(DbProvider provider)
    {
        await using var k = await CaseKit.CreateAsync(provider);
        var (kase, discuss, _) = await OpenCaseAsync(k);
        await k.Work.ProduceLetterAsync(k.School.Id, kase.Id, discuss.Id, new Signatory("Mrs Joanna New", "Headteacher"), "head@flitwick.example");
        byte[] pdf = [.. "%PDF-1.7\n"u8, 1, 2, 3];
        await k.Work.AddEvidenceAsync(k.School.Id, kase.Id, "statement.pdf", pdf, new DateTime(2026, 10, 31, 8, 0, 0, DateTimeKind.Utc), "dsl@flitwick.example");
        var pack = new EvidencePack(k.Work, k.Cases, k.Evidence, k.T.Schools, k.T.Audit, k.T.Clock);
        var file = await pack.BuildAsync(k.School.Id, kase.Id, "head@flitwick.example");
        Assert.Equal("CASE-2026-0001-evidence-pack.zip", file.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Zip)), file.Sha256);

        using var zip = new ZipArchive(new MemoryStream(file.Zip));
        var contents = zip.Entries.ToDictionary(e => e.FullName, e => { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); });
        var manifest = JsonDocument.Parse(contents["CASE-2026-0001/manifest.json"]).RootElement;
        var listed = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Equal(contents.Keys.Where(p => !p.EndsWith("manifest.json")).Select(p => p["CASE-2026-0001/".Length..]).Order(), listed.Keys.Order());
        foreach (var (path, sha) in listed)
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(contents["CASE-2026-0001/" + path])));
        Assert.Equal(EvidenceFilesTests.Png, contents["CASE-2026-0001/evidence/0001-shot.png"]);
        Assert.Equal(pdf, contents["CASE-2026-0001/evidence/0002-statement.pdf"]);
        Assert.Contains("CASE-2026-0001/letters/0001-RemovalRequest.docx", contents.Keys);
        var chronology = System.Text.Encoding.UTF8.GetString(contents["CASE-2026-0001/chronology.txt"]);
        Assert.Contains("Concern C-2026-0001 received through the public form.", chronology);
        Assert.Contains("Step 'discuss' taken by head@flitwick.example", chronology);
        Assert.Contains("captured 31 Oct 2026 08:00", chronology);
        Assert.Equal(2, manifest.GetProperty("evidence").GetArrayLength());
        Assert.Equal("case.exported", (await k.T.Audit.ForTargetAsync(k.School.Id, "case", kase.Reference)).Last().Action);
    }

    [Fact]
    public async Task Audit_verify_verb_passes_then_names_the_first_tampered_event()
    {
        await using var k = await CaseKit.CreateAsync(DbProvider.Sqlite);
        var (kase, _, _) = await OpenCaseAsync(k);
        await k.Work.CloseAsync(k.School.Id, kase.Id, CaseOutcome.Removed, null, "head@flitwick.example");
        var dbPath = k.T.Db.FilePath!;

        var (code, output) = Cli("audit", "verify", "--db", dbPath);
        Assert.True(code == 0, output);
        Assert.Contains("ok:", output);
        Assert.Contains("every link verified", output);

        long tampered;
        await using (var c = await k.T.Db.OpenAsync())
        {
            tampered = await c.ExecuteScalarAsync<long>("SELECT id FROM audit_events WHERE action = 'case.step'");
            await c.ExecuteAsync("DROP TRIGGER audit_events_no_update");
            await c.ExecuteAsync("UPDATE audit_events SET summary = 'nothing happened' WHERE id = @tampered", new { tampered });
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (code, output) = Cli("audit", "verify", "--db", dbPath, "--school", "flitwick");
        Assert.Equal(2, code);
        Assert.Contains($"broken at event {tampered}", output);
        Assert.Contains("case.step case CASE-2026-0001", output);
        Assert.Contains("the row was changed", output);
    }

    private static (int Code, string Output) Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "courtesy.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "250";
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.Result);
    }
}
