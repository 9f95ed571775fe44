using Microsoft.Playwright;
using OpenFabriques.Tests;

namespace OpenFabriques.Web.E2E;

/// <summary>
/// The real portal on a real Kestrel socket (127.0.0.1, a free port) over a fresh test database,
/// and Debian's Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        BaseUrl = Factory.StartOnSocket();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPENFABRIQUES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>
    /// A new page that may only reach the portal (any other request is aborted) and records
    /// console errors and uncaught exceptions.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Authority == BaseUrl.Authority ? route.ContinueAsync() : route.AbortAsync());
        return (page, errors);
    }

    /// <summary>Opens the map portal and waits until its layers are loaded.</summary>
    public async Task<IPage> OpenMapAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(new Uri(BaseUrl, path).ToString());
        await page.Locator("#carte[data-map-ready=\"true\"], #carte[data-map-ready=\"error\"]").WaitForAsync();
        var state = await page.Locator("#carte").GetAttributeAsync("data-map-ready");
        Assert.True(state == "true", $"map state {state}: {await page.Locator("#carte-erreur").TextContentAsync()}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
