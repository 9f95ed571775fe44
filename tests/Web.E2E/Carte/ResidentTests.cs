using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenFabriques.Web.E2E.Carte;

[Collection(BrowserCollection.Name)]
public partial class ResidentTests(BrowserFixture portal)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static string Distance(double m) =>
        m < 1000 ? $"{m.ToString("0", Fr)} m" : $"{(m / 1000).ToString(m < 10_000 ? "0.#" : "0", Fr)} km";

    private async Task<IPage> SearchNajacAsync()
    {
        var (page, errors) = await portal.NewPageAsync();
        await portal.OpenMapAsync(page);
        var input = page.GetByRole(AriaRole.Combobox, new() { Name = "Commune, code postal ou adresse" });
        await input.FillAsync("Naja");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Najac \\(12\\)") })).ToBeVisibleAsync();
        await input.PressAsync("ArrowDown");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync("plus proches de Najac (12)");
        await page.Locator("#carte[data-map-ready=\"true\"]").WaitForAsync();
        Assert.Empty(errors);
        return page;
    }

    [Fact]
    public async Task A_resident_types_najac_and_reads_the_nearest_places_with_true_distances()
    {
        var page = await SearchNajacAsync();

        var items = page.Locator("#liste-lieux li");
        Assert.Equal(20, await items.CountAsync());
        var distances = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var href = await items.Nth(i).Locator("a.lieu-lien").GetAttributeAsync("href");
            var id = long.Parse(href!.Split('/')[2], CultureInfo.InvariantCulture);
            var expected = await portal.Database.ScalarAsync<double>(
                "SELECT round(ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(1.97875, 44.21999), 4326)::geography)) FROM lieux WHERE id = $1", id);
            Assert.Contains($"à {Distance(expected)}", await items.Nth(i).InnerTextAsync(), StringComparison.Ordinal);
            distances.Add(expected);
        }
        Assert.Equal(distances.Order(), distances);
        Assert.Contains("ou=Najac", page.Url, StringComparison.Ordinal);
        Assert.Contains("lat=44.21999", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_on_a_service_keeps_map_list_and_url_in_step_and_the_url_restores_it()
    {
        var page = await SearchNajacAsync();
        await page.Locator("details.filtres > summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("Compréhension du monde numérique") }).CheckAsync();
        await page.WaitForURLAsync(new Regex("service=comprehension-monde-numerique"));
        await page.Locator("#carte[data-map-ready=\"true\"]").WaitForAsync();

        var total = await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM lieux l WHERE EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = 'comprehension-monde-numerique')");
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync($"{total.ToString("N0", Fr)} lieux");
        var first = await page.Locator("#liste-lieux a.lieu-lien").First.GetAttributeAsync("href");
        var firstId = long.Parse(first!.Split('/')[2], CultureInfo.InvariantCulture);
        Assert.True(await portal.Database.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM lieux_services WHERE lieu_id = $1 AND service_slug = 'comprehension-monde-numerique')", firstId));

        // Shared: another browser opening the URL sees the same state.
        var (shared, errors) = await portal.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await shared.Locator("#carte[data-map-ready=\"true\"]").WaitForAsync();
        Assert.Equal(first, await shared.Locator("#liste-lieux a.lieu-lien").First.GetAttributeAsync("href"));
        Assert.True(await shared.Locator("input[name=service][value=comprehension-monde-numerique]").IsCheckedAsync());
        Assert.Contains("(1 actif)", await shared.Locator("details.filtres > summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Najac (12)", await shared.Locator("#ou").InputValueAsync());
        Assert.Empty(errors);

        // Back: the state before the filter.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("input[name=service][value=comprehension-monde-numerique]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync("plus proches de Najac (12)");
    }

    [Fact]
    public async Task A_postcode_finds_its_communes_and_a_place_page_opens_from_the_list()
    {
        var (page, errors) = await portal.NewPageAsync();
        await portal.OpenMapAsync(page);
        await page.Locator("#ou").FillAsync("12270");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Najac") })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Najac") }).ClickAsync();
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync("plus proches de Najac (12)");

        var link = page.Locator("#liste-lieux a.lieu-lien").First;
        var name = await link.TextContentAsync();
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name!);
        await Assertions.Expect(page.Locator("script[type=\"application/ld+json\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Signaler une erreur sur cette fiche" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_list_place_and_departement_pages_work_without_javascript()
    {
        var context = await portal.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(portal.BaseUrl, "/?ou=Najac&service=aide-demarches-administratives").ToString());
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync("plus proches de Najac (12)");
        var first = page.Locator("#liste-lieux li").First;
        await Assertions.Expect(first).ToContainTextAsync(new Regex(@"à \d"));
        await first.Locator("a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(portal.BaseUrl, "/departements/73").ToString());
        var count = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement = '73'");
        Assert.Equal(count, await page.Locator(".liste-departement li").CountAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Savoie (73)");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_local_authority_pastes_the_card_into_its_site_and_it_renders_without_javascript()
    {
        var context = await portal.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseUrl, "/departements/15").ToString());
        var iframe = await page.Locator("#code-iframe").InputValueAsync();
        var image = await page.Locator("#code-image").InputValueAsync();
        var page15 = new Uri(portal.BaseUrl, "/departements/15").ToString();

        // The authority's own site, on another origin, with both snippets and a frame of a page not made for it.
        using var site = new SiteTiers($"<!DOCTYPE html><html lang=\"fr\"><title>Mairie</title><h1>Notre territoire</h1>{iframe}{image}"
            + $"<iframe id=\"interdit\" src=\"{page15}\" title=\"page\"></iframe>");
        await page.GotoAsync(site.Url.ToString());

        var card = page.FrameLocator("iframe[title^=\"OpenFabriques\"]");
        await Assertions.Expect(card.Locator("h1")).ToHaveTextAsync(new Regex(@"^Cantal \(15\)"));
        var count = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement = '15' AND geom IS NOT NULL");
        Assert.Equal(count, await card.Locator("svg circle.lieu").CountAsync());
        var map = await card.Locator("svg.mini-carte").BoundingBoxAsync();
        Assert.True(map is { Width: > 200, Height: > 150 }, "the map is not drawn");

        // The image version is drawn too (it has a size once decoded), with its text alternative.
        var img = page.Locator("img[src$=\"/integrer/departements/15.svg\"]");
        await Assertions.Expect(img).ToHaveAttributeAsync("alt", new Regex(@"^Cantal \(15\) : \d+ lieux"));
        await Assertions.Expect(img).ToHaveJSPropertyAsync("naturalWidth", 400);

        // Other pages of the portal refuse to be framed by another site: Chromium shows its error page instead.
        for (var i = 0; i < 50 && !page.Frames.Any(f => f.Url.StartsWith("chrome-error:", StringComparison.Ordinal)); i++) await Task.Delay(100);
        Assert.Contains(page.Frames, f => f.Url.StartsWith("chrome-error:", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Frames, f => f.Url == page15);
        await context.DisposeAsync();
    }
}
