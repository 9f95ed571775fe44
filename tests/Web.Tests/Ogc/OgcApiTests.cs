using System.Net;
using System.Text.Json;
using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests.Ogc;

public class OgcApiTests(SocketPortalFixture portal) : IClassFixture<SocketPortalFixture>
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseUrl };
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement.Clone();
    }

    [Fact]
    public async Task A_place_reads_the_same_in_the_ogc_item_the_geojson_export_and_the_api_lists()
    {
        // The place of the Savoie with the most services and its opening hours: most properties have something to compare.
        var id = await portal.Database.ScalarAsync<long>("""
            SELECT l.id FROM lieux l JOIN lieux_services ls ON ls.lieu_id = l.id
            WHERE l.departement = '73' AND l.horaires IS NOT NULL
            GROUP BY l.id ORDER BY count(*) DESC, l.id LIMIT 1
            """);
        var export = (await GetJsonAsync("/exports/lieux.geojson?departement=73")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetInt64() == id);
        var item = await GetJsonAsync($"/ogc/collections/lieux/items/{id}");
        var inPage = (await GetJsonAsync("/ogc/collections/lieux/items?departement=73&limit=1000")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetInt64() == id);

        var properties = export.GetProperty("properties");
        Assert.True(properties.GetProperty("services").GetArrayLength() > 1);
        Assert.True(properties.TryGetProperty("description", out _)); // the OGC items dropped it before
        foreach (var ogc in new[] { item, inPage })
        {
            Assert.True(JsonElement.DeepEquals(properties, ogc.GetProperty("properties")), ogc.GetProperty("properties").ToString());
            Assert.True(JsonElement.DeepEquals(export.GetProperty("geometry"), ogc.GetProperty("geometry")));
        }

        // The API lists give the same properties, with the point and the distance beside them.
        var nom = properties.GetProperty("nom").GetString()!;
        var list = (await GetJsonAsync($"/api/lieux?departement=73&limit=500")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetInt64() == id);
        var coordinates = export.GetProperty("geometry").GetProperty("coordinates");
        var proches = (await GetJsonAsync($"/api/lieux/proches?lon={coordinates[0]}&lat={coordinates[1]}&limit=1")).GetProperty("items")[0];
        foreach (var api in new[] { list, proches })
        {
            foreach (var p in properties.EnumerateObject())
                Assert.True(JsonElement.DeepEquals(p.Value, api.GetProperty(p.Name)), $"{nom}: {p.Name} {p.Value} ≠ {api.GetProperty(p.Name)}");
            Assert.Equal(coordinates[0].GetDouble(), api.GetProperty("lon").GetDouble());
        }
        Assert.Equal(0, proches.GetProperty("distance_m").GetDouble());
    }

    [Fact]
    public async Task Gdal_reads_every_feature_through_the_next_links()
    {
        var matched = (await GetJsonAsync("/ogc/collections/lieux/items?limit=1")).GetProperty("numberMatched").GetInt64();
        var output = Path.Combine(Path.GetTempPath(), $"oapif-{Guid.NewGuid():N}.geojson");
        try
        {
            // Pages of 100: GDAL follows « next » seven times for the 687 places.
            await ExternalProgram.RunAsync("ogr2ogr", "-f", "GeoJSON", output, $"OAPIF:{portal.BaseUrl}ogc", "lieux", "-oo", "PAGE_SIZE=100");
            var features = JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement.GetProperty("features");

            Assert.Equal(matched, features.GetArrayLength());
            Assert.Equal(matched, features.EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("nom").GetString()).Count());
            Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE geom IS NOT NULL"), matched);
        }
        finally
        {
            File.Delete(output);
        }
        var info = await ExternalProgram.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{portal.BaseUrl}ogc", "departements");
        Assert.Contains("Feature Count: 101", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_link_to_each_other_and_the_limit_is_capped()
    {
        var first = await GetJsonAsync("/ogc/collections/lieux/items?limit=300&departement=74");
        var matched = first.GetProperty("numberMatched").GetInt64();
        var rels = first.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal(151, matched); // the default dataset has 151 places in Haute-Savoie
        Assert.Equal(151, first.GetProperty("numberReturned").GetInt32());
        Assert.False(rels.ContainsKey("next"));

        var page = await GetJsonAsync("/ogc/collections/lieux/items?limit=100&offset=100&departement=74");
        var pageRels = page.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Equal(51, page.GetProperty("numberReturned").GetInt32());
        Assert.Contains("prev", pageRels);
        Assert.DoesNotContain("next", pageRels);

        var capped = await GetJsonAsync("/ogc/collections/departements/items?limit=20000");
        Assert.Equal(101, capped.GetProperty("numberReturned").GetInt32());
    }

    [Theory]
    [InlineData("/ogc/collections/lieux/items?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/lieux/items?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/lieux/items?couleur=bleu", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/lieux/items?bbox=1,2", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/lieux/items?f=xml", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/piscines/items", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/lieux/items/999999999", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/lieux/items/abc", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_the_status_the_standard_asks(string path, HttpStatusCode status)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseUrl };
        Assert.Equal(status, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Landing_conformance_collections_and_one_item_answer_in_json_and_html()
    {
        var landing = await GetJsonAsync("/ogc");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);
        Assert.Contains("service-desc", rels);
        var conformance = (await GetJsonAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", conformance);
        var collections = (await GetJsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString());
        Assert.Equal(["lieux", "departements"], collections);

        var id = await portal.Database.ScalarAsync<long>("SELECT id FROM lieux WHERE nom = 'AMEJ'");
        var item = await GetJsonAsync($"/ogc/collections/lieux/items/{id}");
        Assert.Equal("AMEJ", item.GetProperty("properties").GetProperty("nom").GetString());
        Assert.Equal(5.966797015914423, item.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());

        using var client = new HttpClient { BaseAddress = portal.BaseUrl };
        var html = await client.GetStringAsync(new Uri($"/ogc/collections/lieux/items?f=html&departement=73", UriKind.Relative));
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("AMEJ", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Lieux</caption>", html, StringComparison.Ordinal);
    }
}
