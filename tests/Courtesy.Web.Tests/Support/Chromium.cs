using Microsoft.Playwright;

namespace Courtesy.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. The browser is the system package (never `playwright install`,
/// which would download at run time); as root it needs --no-sandbox.
/// </summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>Playwright waits 30 s by default. On the 2-core CI machine, with the other test classes running
    /// beside it, the first report a school receives builds its screening engine (a 58,000-state automaton
    /// and three models) and JIT-compiles the pages; one journey once ran out of those 30 s. A wait that long
    /// still fails a broken page, only later.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(90);

    public static async Task<IPage> PageAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public static async Task<IPage> SignedInPageAsync(IBrowser browser, string baseUrl, string email, string password)
    {
        var page = await PageAsync(browser, baseUrl);
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    /// <summary>Where a test's screenshots go, for a person to look at: bin/.../playwright/&lt;test&gt;/.</summary>
    public static string ShotsFolder(string test)
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "playwright", test);
        Directory.CreateDirectory(shots);
        return shots;
    }
}
