using Microsoft.Playwright;

namespace OpenFabriques.Web.E2E.Securite;

[Collection(BrowserCollection.Name)]
public class InjectionTests(BrowserFixture portal)
{
    private const string Payload = "<img src=x onerror=\"window.__injecte = true; alert(document.domain)\">";

    [Fact]
    public async Task Words_of_the_url_show_as_text_in_the_search_marker_and_no_script_runs()
    {
        var (page, errors) = await portal.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await portal.OpenMapAsync(page, $"/?ou={Uri.EscapeDataString(Payload)}&lat=45.19&lon=5.72");

        var marker = page.Locator("path.centre-recherche");
        await marker.HoverAsync(new() { Force = true });
        var tooltip = page.Locator(".leaflet-tooltip");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();

        Assert.Equal(Payload, await tooltip.InnerTextAsync());
        Assert.Equal(0, await tooltip.Locator("img").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injecte === true"));
        Assert.Equal(0, dialogs);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_pages_run_no_inline_script_and_the_policy_says_so()
    {
        var (page, errors) = await portal.NewPageAsync();
        var response = await page.GotoAsync(new Uri(portal.BaseUrl, "/").ToString());
        var csp = (await response!.AllHeadersAsync())["content-security-policy"];
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        await page.Locator("#carte[data-map-ready=\"true\"]").WaitForAsync();

        // An inline script added to the page (as an injection would) is refused by the browser.
        var ran = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
              window.__inline = false;
              const s = document.createElement('script');
              s.textContent = 'window.__inline = true';
              document.body.append(s);
              setTimeout(() => resolve(window.__inline), 100);
            })
            """);
        Assert.False(ran);
        Assert.Contains(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
