using System.Net;
using System.Text.Json;

namespace OpenFabriques.Web.Tests.Departements;

[Collection(PortalCollection.Name)]
public class DepartementsApiTests(PortalFixture portal)
{
    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/api/departements.geojson", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, body);
    }

    [Fact]
    public async Task Serves_the_101_departements_as_an_rfc7946_feature_collection()
    {
        var (response, body) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(101, features.Count);
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            var geometry = f.GetProperty("geometry");
            Assert.Equal("MultiPolygon", geometry.GetProperty("type").GetString());
            foreach (var polygon in geometry.GetProperty("coordinates").EnumerateArray())
            {
                var rings = polygon.EnumerateArray().ToList();
                for (var i = 0; i < rings.Count; i++)
                {
                    var ring = rings[i].EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
                    Assert.True(ring.Count >= 4, "a linear ring has at least four positions");
                    Assert.Equal(ring[0], ring[^1]);
                    // Longitude first, latitude second, within the French territories.
                    Assert.All(ring, p => Assert.True(p.X is > -62 and < 56 && p.Y is > -22 and < 52, $"{p} is not lon, lat"));
                    // RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
                    Assert.Equal(i == 0, SignedArea(ring) > 0);
                }
            }
        }
    }

    [Fact]
    public async Task Place_counts_add_up_to_the_places_table()
    {
        var (_, body) = await GetAsync();
        var features = body.GetProperty("features").EnumerateArray().ToList();

        var sum = features.Sum(f => f.GetProperty("properties").GetProperty("lieux").GetInt64());
        Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"), sum);
        var savoie = features.Single(f => f.GetProperty("id").GetString() == "73").GetProperty("properties");
        Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement = '73'"),
            savoie.GetProperty("lieux").GetInt64());
        Assert.Equal("Savoie", savoie.GetProperty("nom").GetString());
        Assert.True(savoie.GetProperty("population").GetInt64() > 400_000);
    }

    private static double SignedArea(List<(double X, double Y)> ring)
    {
        double s = 0;
        for (var i = 0; i < ring.Count - 1; i++) s += ring[i].X * ring[i + 1].Y - ring[i + 1].X * ring[i].Y;
        return s / 2;
    }
}
