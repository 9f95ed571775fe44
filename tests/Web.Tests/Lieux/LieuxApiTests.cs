using System.Text.Json;

namespace OpenFabriques.Web.Tests.Lieux;

[Collection(PortalCollection.Name)]
public class LieuxApiTests(PortalFixture portal)
{
    [Fact]
    public async Task The_map_feed_has_every_located_place_with_its_services()
    {
        using var client = portal.Factory.CreateClient();
        var json = await client.GetStringAsync(new Uri("/api/lieux.geojson", UriKind.Relative));
        var features = JsonDocument.Parse(json).RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE geom IS NOT NULL"), features.Count);
        var id = await portal.Database.ScalarAsync<long>("SELECT id FROM lieux WHERE nom = 'AMEJ'");
        var amej = features.Single(f => f.GetProperty("id").GetInt64() == id);
        var p = amej.GetProperty("properties");
        Assert.Equal("La Ravoire", p.GetProperty("commune").GetString());
        Assert.Equal("73", p.GetProperty("departement").GetString());
        Assert.Contains("aide-demarches-administratives", p.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        var coordinates = amej.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(5.9668, coordinates[0].GetDouble(), 4);
        Assert.Equal(45.5572, coordinates[1].GetDouble(), 4);
    }
}
