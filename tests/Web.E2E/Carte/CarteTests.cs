using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenFabriques.Web.E2E.Carte;

[Collection(BrowserCollection.Name)]
public class CarteTests(BrowserFixture portal)
{
    [Fact]
    public async Task The_map_shows_the_101_departements_and_the_places_in_clusters()
    {
        var (page, errors) = await portal.NewPageAsync();
        await portal.OpenMapAsync(page);

        Assert.Equal(101, await page.Locator("path.departement").CountAsync());
        Assert.True(await page.Locator(".marker-cluster").CountAsync() > 0, "no cluster on the map");
        var (clustered, single) = await CountAsync(page);
        Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE geom IS NOT NULL"), clustered + single);

        // A cluster, pressed with the keyboard, zooms onto its places: smaller clusters, or the places themselves.
        var largest = page.Locator(".marker-cluster").First;
        var before = page.Url;
        await largest.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).Not.ToHaveURLAsync(before); // the view is in the URL (replaceState: no navigation)
        await page.Locator("#carte[data-vue-prete=\"true\"]").WaitForAsync();
        var (clusteredAfter, singleAfter) = await CountAsync(page);
        Assert.True(clusteredAfter < clustered, $"{clusteredAfter} places in clusters after zooming, {clustered} before");
        Assert.True(singleAfter + clusteredAfter > 0);
        Assert.Empty(errors);
    }

    /// <summary>The places the map shows: those its clusters count, and the lone markers.</summary>
    private static async Task<(int Clustered, int Single)> CountAsync(IPage page)
    {
        var clustered = 0;
        foreach (var label in await page.Locator(".marker-cluster span").AllTextContentsAsync())
            clustered += int.Parse(new string(label.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
        return (clustered, await page.Locator(".leaflet-marker-icon:not(.marker-cluster)").CountAsync());
    }

    [Fact]
    public async Task The_list_shows_what_the_map_shows()
    {
        var (page, errors) = await portal.NewPageAsync();
        await portal.OpenMapAsync(page);
        var located = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE geom IS NOT NULL");

        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync($"{located} dans cette zone de la carte");
        Assert.Equal(20, await page.Locator("#liste-lieux li").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Guadeloupe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#liste-compte")).ToContainTextAsync("; 0 dans cette zone de la carte.");
        Assert.Equal(0, await page.Locator("#liste-lieux li").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Choosing_a_place_in_the_list_opens_its_popup_and_its_marker_opens_it_again()
    {
        var (page, errors) = await portal.NewPageAsync();
        await portal.OpenMapAsync(page);
        var first = page.Locator("#liste-lieux li").First;
        var name = (await first.Locator("a.lieu-lien").TextContentAsync())!;

        await first.GetByRole(AriaRole.Button, new() { Name = $"Voir sur la carte : {name}" }).ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await Assertions.Expect(popup.Locator("h3")).ToHaveTextAsync(name);
        await Assertions.Expect(popup).ToContainTextAsync("Services :");

        await page.Locator(".leaflet-popup-close-button").ClickAsync();
        await Assertions.Expect(popup).ToHaveCountAsync(0);
        await page.Locator($".leaflet-marker-icon[title=\"{name}\"]").ClickAsync();
        await Assertions.Expect(popup.Locator("h3")).ToHaveTextAsync(name);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/donnees")]
    [InlineData("/ogc/collections/lieux/items?f=html&limit=20")]
    [InlineData("/lieux/1")]
    [InlineData("/departements/74")]
    [InlineData("/departements")]
    [InlineData("/couverture")]
    [InlineData("/couverture?indicateur=distance&distance=20&classes=egales")]
    [InlineData("/couverture/methode")]
    [InlineData("/integrer/departements/15")]
    [InlineData("/couverture/comparer?departement=74&departement=12")]
    [InlineData("/?ou=Annecy&service=aide-demarches-administratives")]
    [InlineData("/lieux/999999")]
    [InlineData("/donnees?q=%00")]
    public async Task The_pages_have_no_serious_accessibility_violation(string path)
    {
        var (page, _) = await portal.NewPageAsync();
        if (path.StartsWith('/') && (path == "/" || path.StartsWith("/?", StringComparison.Ordinal))) await portal.OpenMapAsync(page, path);
        else await page.GotoAsync(new Uri(portal.BaseUrl, path).ToString());

        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // the audit ran

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})");
        Assert.Empty(serious);
    }
}
