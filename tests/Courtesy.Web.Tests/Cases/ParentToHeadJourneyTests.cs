using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Tests.Mail;
using Courtesy.Tests.Support;
using Microsoft.Playwright;

namespace Courtesy.Web.Tests.Cases;

/// <summary>
/// The whole journey in Debian's Chromium against the real app: a parent reports a post with a screenshot;
/// the head triages it, records the discussion, sends the removal letter, records the reply and closes the
/// case; the parent follows it with their reference and secret. A screenshot of each page goes to
/// bin/.../playwright/ for a person to look at.
/// </summary>
public class ParentToHeadJourneyTests
{
    // A real 1x1 PNG: the upload is checked by content.
    private static readonly byte[] Screenshot = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Parent_reports_head_runs_the_case_parent_sees_the_outcome()
    {
        using var sink = new SmtpSink();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Courtesy:Mail:Host"] = "127.0.0.1",
            ["Courtesy:Mail:Port"] = sink.Port.ToString(),
            ["Courtesy:Mail:From"] = "office@staidans.example",
        });
        var school = await app.AddSchoolAsync();
        var (headEmail, headPassword) = await app.AddUserAsync(Roles.Head, school.Id, email: "head@staidans.example");
        var shots = Chromium.ShotsFolder(nameof(Parent_reports_head_runs_the_case_parent_sees_the_outcome));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // 1. The parent reports the post, with a screenshot, without an account.
        var parent = await Chromium.PageAsync(browser, app.BaseUrl);
        await parent.GotoAsync("/Report?school=st-aidans");
        await parent.FillAsync("#PostText", "Mr Harris at St Aidan's hit my son and the head is covering it up. <script>alert(1)</script>");
        await parent.FillAsync("#Platform", "Facebook");
        await parent.FillAsync("#PostUrl", "https://www.facebook.com/groups/staidansparents/posts/4242");
        await parent.FillAsync("#PosterName", "Dana Whitlock");
        await parent.SetInputFilesAsync("#Evidence", new FilePayload { Name = "post.png", MimeType = "image/png", Buffer = Screenshot });
        await parent.ScreenshotAsync(new() { Path = Path.Combine(shots, "01-parent-report-form.png"), FullPage = true });
        await parent.ClickAsync("#send");
        var reference = await parent.InnerTextAsync("#reference");
        var secret = await parent.InnerTextAsync("#secret");
        Assert.Matches(@"^C-\d{4}-0001$", reference);
        await parent.ScreenshotAsync(new() { Path = Path.Combine(shots, "02-parent-reference-and-secret.png"), FullPage = true });

        // 2. The head signs in and triages it.
        var head = await Chromium.SignedInPageAsync(browser, app.BaseUrl, headEmail, headPassword);
        await head.GotoAsync("/Triage");
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "03-head-triage-queue.png"), FullPage = true });
        await head.ClickAsync($"text={reference}");
        Assert.Contains("<script>alert(1)</script>", await head.InnerTextAsync("#post"));
        Assert.Contains("post.png", await head.ContentAsync());
        await head.CheckAsync("input[name=CategoryIds][value=allegation-about-staff]");
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "04-head-concern.png"), FullPage = true });
        await head.ClickAsync("#open-case-button");
        await head.WaitForURLAsync("**/Cases/*");
        Assert.Contains("written warning: discuss-and-request-removal comes first unless skipped with a reason", await head.InnerTextAsync("#ladder"));
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "05-head-case-opened.png"), FullPage = true });

        // 3. The discussion with the parent, then the removal letter, sent by e-mail.
        await head.SelectOptionAsync("#StepId", "discuss");
        await head.FillAsync("#Notes", "Met Ms Whitlock after school and asked her to remove the post.");
        await head.FillAsync("#FollowUpOn", London.Today(new SystemClock()).AddDays(3).ToString("yyyy-MM-dd"));
        await head.ClickAsync("#take-step-button");
        Assert.Contains("Step 'discuss' recorded.", await head.InnerTextAsync("#done"));
        await head.ClickAsync("form.produce-letter button");
        Assert.Contains("Letter produced", await head.InnerTextAsync("#done"));
        await head.FillAsync("form.send-letter input[name=To]", "dana.whitlock@example.com");
        await head.ClickAsync("form.send-letter button");
        Assert.Contains("Letter sent to dana.whitlock@example.com.", await head.InnerTextAsync("#done"));
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "06-head-letter-sent.png"), FullPage = true });
        var mail = Assert.Single(sink.Decoded());
        Assert.Equal(["dana.whitlock@example.com"], mail.RcptTos);
        Assert.Contains("Dear Dana Whitlock,", mail.Text);
        Assert.Contains("https://www.facebook.com/groups/staidansparents/posts/4242", mail.Text);
        Assert.EndsWith(".docx", Assert.Single(mail.Attachments).Name);

        // 4. The parent's reply, a note shared with the reporter, and closing.
        await head.SelectOptionAsync("form.record-result select[name=Result]", "Removed");
        await head.FillAsync("form.record-result input[name=Notes]", "Ms Whitlock replied that she has deleted the post.");
        await head.ClickAsync("form.record-result button");
        Assert.Contains("Result: removed", await head.InnerTextAsync("#steps"));
        await head.FillAsync("#add-note textarea", "The post has been removed. Thank you for telling us.");
        await head.CheckAsync("#add-note input[name=Shared]");
        await head.ClickAsync("#add-note button");
        await head.SelectOptionAsync("#Outcome", "Removed");
        await head.FillAsync("#CloseNotes", "Post deleted; parent reminded of the complaints procedure.");
        await head.ClickAsync("#close-button");
        Assert.Contains("Case closed.", await head.InnerTextAsync("#done"));
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "07-head-case-closed.png"), FullPage = true });

        // 5. The parent follows the concern with the reference and secret.
        await parent.GotoAsync("/Report/Status?school=st-aidans");
        await parent.FillAsync("#Reference", reference);
        await parent.FillAsync("#Secret", secret);
        await parent.ClickAsync("#check");
        Assert.Equal("Closed", await parent.InnerTextAsync("#state"));
        Assert.Contains("Outcome: removed.", await parent.InnerTextAsync("#explanation"));
        Assert.Contains("The post has been removed. Thank you for telling us.", await parent.InnerTextAsync("#updates"));
        Assert.DoesNotContain("Met Ms Whitlock", await parent.ContentAsync());
        await parent.ScreenshotAsync(new() { Path = Path.Combine(shots, "08-parent-status.png"), FullPage = true });

        Assert.True((await app.Get<Courtesy.Audit.AuditLog>().VerifyAsync()).Ok);
        Assert.Equal(8, Directory.GetFiles(shots, "*.png").Length);
    }
}
