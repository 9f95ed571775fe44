namespace OpenFabriques.Web.E2E.Couverture;

[Collection(BrowserCollection.Name)]
public class CouvertureCarteTests(BrowserFixture portal)
{
    [Theory]
    [InlineData("/couverture")]
    [InlineData("/couverture?indicateur=service&service=aide-demarches-administratives")]
    [InlineData("/couverture?indicateur=distance&distance=10&service=aide-demarches-administratives")]
    [InlineData("/couverture?indicateur=distance&distance=30&classes=egales")]
    public async Task The_choropleth_colours_match_the_table_classes(string path)
    {
        var (page, errors) = await portal.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseUrl, path).ToString());
        await page.Locator("#carte-couverture[data-map-ready=\"true\"]").WaitForAsync();

        Assert.Equal(101, await page.Locator("#carte-couverture path.departement").CountAsync());
        var rows = await page.Locator("tr[data-code]").AllAsync();
        Assert.Equal(101, rows.Count);
        foreach (var row in rows)
        {
            var code = (await row.GetAttributeAsync("data-code"))!;
            var classe = (await row.GetAttributeAsync("data-classe"))!;
            var swatch = await row.Locator(".pastille rect").EvaluateAsync<string>("e => getComputedStyle(e).fill");
            var shape = page.Locator($"#carte-couverture path.dep-{code}");
            Assert.Contains($"classe-{classe} ", (await shape.GetAttributeAsync("class"))! + " ", StringComparison.Ordinal);
            Assert.Equal(swatch, Rgb((await shape.GetAttributeAsync("fill"))!));
            // Without any place of its own, a département has a dashed outline, whatever the indicator.
            var aucun = await row.GetAttributeAsync("data-aucun-lieu") == "true";
            Assert.Equal(aucun, await shape.GetAttributeAsync("stroke-dasharray") is { Length: > 0 });
        }
        Assert.True(await page.Locator("tr[data-aucun-lieu=\"true\"]").CountAsync() > 0, "no département flagged without places");
        Assert.Empty(errors);
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
