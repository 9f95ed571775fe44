namespace OpenFabriques.Web.E2E.Carte;

[Collection(BrowserCollection.Name)]
public class CouvertureCarteTests(BrowserFixture portal)
{
    [Theory]
    [InlineData("/couverture")]
    [InlineData("/couverture?indicateur=service&service=aide-demarches-administratives")]
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
            var swatch = await row.Locator(".pastille").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            var shape = page.Locator($"#carte-couverture path.dep-{code}");
            Assert.Contains($"classe-{classe} ", (await shape.GetAttributeAsync("class"))! + " ", StringComparison.Ordinal);
            Assert.Equal(swatch, Rgb((await shape.GetAttributeAsync("fill"))!));
        }
        Assert.True(await page.Locator("tr[data-classe=\"-1\"]").CountAsync() > 0, "no département flagged without places");
        Assert.Empty(errors);
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
