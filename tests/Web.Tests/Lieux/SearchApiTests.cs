using System.Net;
using System.Text.Json;

namespace OpenFabriques.Web.Tests.Lieux;

[Collection(PortalCollection.Name)]
public class SearchApiTests(PortalFixture portal)
{
    private async Task<JsonElement> GetAsync(string url)
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("najac", "12167")]
    [InlineData("NAJ", "12167")]
    [InlineData("saint etienne", "42218")]
    [InlineData("Saint-Étienne", "42218")]
    [InlineData("st-etienne", null)]
    [InlineData("12270", "12105")] // La Fouillade shares 12270 with Najac and has more inhabitants
    public async Task Communes_resolve_by_name_or_postcode_whatever_the_accents(string q, string? first)
    {
        var communes = (await GetAsync($"/api/communes?q={Uri.EscapeDataString(q)}")).EnumerateArray().ToList();

        if (first is null) { Assert.Empty(communes); return; }
        Assert.Equal(first, communes[0].GetProperty("code").GetString());
        if (q == "12270") Assert.Contains(communes, c => c.GetProperty("nom").GetString() == "Najac");
    }

    [Fact]
    public async Task Every_commune_has_a_point_and_najac_is_where_geonames_puts_it()
    {
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM communes WHERE geom IS NULL"));
        Assert.InRange(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM communes"), 34_000, 36_000);
        var najac = (await GetAsync("/api/communes?q=najac"))[0];
        Assert.Equal((1.97875, 44.21999), (najac.GetProperty("lon").GetDouble(), najac.GetProperty("lat").GetDouble()));
        Assert.Equal("geonames", najac.GetProperty("source_point").GetString());
    }

    [Fact]
    public async Task The_nearest_places_come_with_distances_that_postgis_confirms()
    {
        var body = await GetAsync("/api/lieux/proches?lat=45.5646&lon=5.9178&limit=5&service=aide-demarches-administratives");
        var items = body.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(5, items.Count);
        var distances = items.Select(i => i.GetProperty("distance_m").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        foreach (var item in items)
        {
            var expected = await portal.Database.ScalarAsync<double>(
                "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(5.9178, 45.5646), 4326)::geography) FROM lieux WHERE id = $1",
                item.GetProperty("id").GetInt64());
            Assert.Equal(Math.Round(expected), item.GetProperty("distance_m").GetDouble());
            Assert.Contains("aide-demarches-administratives", item.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
        }
        // Nothing nearer was left out.
        Assert.Equal(distances[0], Math.Round(await portal.Database.ScalarAsync<double>("""
            SELECT min(ST_Distance(l.geom::geography, ST_SetSRID(ST_MakePoint(5.9178, 45.5646), 4326)::geography)) FROM lieux l
            WHERE EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = 'aide-demarches-administratives')
            """)));
    }

    [Fact]
    public async Task The_list_api_counts_every_match_and_pages()
    {
        var first = await GetAsync("/api/lieux?departement=73&limit=10");
        var second = await GetAsync("/api/lieux?departement=73&limit=10&offset=10");
        var total = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement = '73'");

        Assert.Equal(total, first.GetProperty("total").GetInt64());
        Assert.Equal((10, 0), (first.GetProperty("limit").GetInt32(), first.GetProperty("offset").GetInt32()));
        Assert.Empty(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())));
        Assert.Equal(await portal.Database.ScalarAsync<long>("""
            SELECT count(*) FROM lieux l JOIN lieux_services ls ON ls.lieu_id = l.id WHERE l.departement = '73' AND ls.service_slug = 'coworking'
            """), first.GetProperty("services").TryGetProperty("coworking", out var c) ? c.GetInt64() : 0);
    }

    [Theory]
    [InlineData("/api/lieux?limit=501", "limit")]
    [InlineData("/api/lieux?offset=-1", "offset")]
    [InlineData("/api/lieux/proches?lat=44", "lon")]
    [InlineData("/api/lieux/proches?lon=2", "lat")]
    [InlineData("/api/lieux/proches?lat=44&lon=2&limit=101", "limit")]
    [InlineData("/api/communes?q=a", "q")]
    public async Task Bad_parameters_are_400_naming_them(string url, string parameter)
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }
}
