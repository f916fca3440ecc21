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

    public static async Task<IPage> SignedInPageAsync(IBrowser browser, string baseUrl, string email, string password)
    {
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl })).NewPageAsync();
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
