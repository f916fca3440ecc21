using Courtesy.Accounts;
using Courtesy.Schools;
using Courtesy.Tests.Support;
using Microsoft.Playwright;

namespace Courtesy.Web.Tests.Screening;

/// <summary>
/// The screen page as a head sees it in Debian's Chromium: the breaching words are highlighted in the
/// post itself, each highlight carries its reason, and the post's own line breaks and markup survive
/// as text.
/// </summary>
public class ScreenPageBrowserTests
{
    [Fact]
    public async Task Screen_page_highlights_the_breaching_words_with_their_reasons_in_the_browser()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        await app.Get<RosterStore>().ImportAsync(school.Id, RosterCsv.Load(Path.Combine(Repo.DevSet, "roster.csv")), "test", "roster.csv");
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.SignedInPageAsync(browser, app.BaseUrl, email, password);
        await page.GotoAsync("/Screen");
        const string post = "Tyler Shaw is a little thug.\nI know where he lives 🔪 <b>not bold</b>";
        await page.FillAsync("#Text", post);
        await page.ClickAsync(".screen-form button[type=submit]");
        await page.WaitForSelectorAsync(".screened");

        // The post is shown as the parent wrote it: the markup is text, the line break is kept.
        var screened = page.Locator(".screened");
        Assert.Equal(post, await screened.InnerTextAsync());
        Assert.Equal(0, await screened.Locator("b").CountAsync());

        var marks = screened.Locator("mark");
        var marked = await marks.AllInnerTextsAsync();
        Assert.Contains("Tyler Shaw", marked);
        Assert.Contains(marked, m => m.Contains("know where he lives", StringComparison.OrdinalIgnoreCase));

        // Each highlight is visibly coloured and says why on hover.
        var name = marks.Filter(new() { HasText = "Tyler Shaw" }).First;
        Assert.True(await name.IsVisibleAsync());
        var background = await name.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Contains("Naming children", await name.GetAttributeAsync("title") ?? "", StringComparison.OrdinalIgnoreCase);
        var threat = marks.Filter(new() { HasText = "lives" }).First;
        Assert.Contains("Threat", await threat.GetAttributeAsync("title") ?? "", StringComparison.OrdinalIgnoreCase);

        Assert.True(await page.Locator(".flag-police").IsVisibleAsync());
        Assert.True(await page.Locator("table.findings tbody tr").CountAsync() >= 2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ShotsFolder(nameof(ScreenPageBrowserTests)), "screen-page.png"), FullPage = true });
    }
}
