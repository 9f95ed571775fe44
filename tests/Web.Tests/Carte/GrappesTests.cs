using System.Net;
using System.Text.Json;

namespace OpenFabriques.Web.Tests.Carte;

/// <summary>The map's clusters: a view's counts add up to its places, whatever the zoom and the filters.</summary>
[Collection(PortalCollection.Name)]
public class GrappesTests(PortalFixture portal)
{
    private const string France = "bbox=-5.2,41.3,9.6,51.1";

    private async Task<JsonElement> GrappesAsync(string query)
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/carte/grappes?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/geo+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static (long Places, int Clusters, int Singles) Count(JsonElement collection)
    {
        long places = 0;
        int clusters = 0, singles = 0;
        foreach (var f in collection.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            if (p.TryGetProperty("grappe", out _))
            {
                clusters++;
                places += p.GetProperty("nombre").GetInt64();
                var b = p.GetProperty("bbox").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var c = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                Assert.InRange(c[0], b[0], b[2]); // a cluster stands within the box of its places
                Assert.InRange(c[1], b[1], b[3]);
            }
            else
            {
                singles++;
                places++;
                Assert.True(f.GetProperty("id").GetInt64() > 0);
                Assert.False(string.IsNullOrEmpty(p.GetProperty("nom").GetString()));
            }
        }
        return (places, clusters, singles);
    }

    [Theory]
    [InlineData(5, "")]
    [InlineData(8, "")]
    [InlineData(11, "")]
    [InlineData(6, "&service=aide-demarches-administratives")]
    [InlineData(7, "&departement=74&q=mediatheque")]
    public async Task A_views_clusters_add_up_to_the_places_in_it(int zoom, string filters)
    {
        var (places, clusters, singles) = Count(await GrappesAsync($"zoom={zoom}&{France}{filters}"));
        using var client = portal.Factory.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/lieux?limit=1&{France}{filters}", UriKind.Relative)));
        Assert.Equal(list.RootElement.GetProperty("total").GetInt64(), places);
        Assert.True(places > 0);
        // Zoomed out, far fewer features than places: the map's data follows the screen, not the places.
        if (zoom <= 6 && filters.Length == 0) Assert.True(clusters + singles < places / 5, $"{clusters + singles} features for {places} places");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task The_stored_clusters_are_those_computed_from_the_places(int zoom)
    {
        // Without filters the cells are read from the table each import rebuilds; with a filter every place passes (the
        // départements of the test data), they are computed from the places: the same features.
        var departements = await portal.Database.ScalarAsync<string>(
            "SELECT string_agg(DISTINCT 'departement=' || departement, '&') FROM lieux WHERE geom IS NOT NULL");
        var stored = await GrappesAsync($"zoom={zoom}&{France}");
        var computed = await GrappesAsync($"zoom={zoom}&{France}&{departements}");
        Assert.True(stored.GetProperty("features").GetArrayLength() > 0);
        Assert.Equal(computed.GetProperty("features").ToString(), stored.GetProperty("features").ToString());
    }

    [Fact]
    public async Task Zoomed_in_every_place_is_on_its_own_and_a_view_without_places_is_empty()
    {
        var (places, clusters, _) = Count(await GrappesAsync("zoom=14&bbox=4.80,45.72,4.90,45.79"));
        Assert.Equal(0, clusters);
        Assert.True(places > 0);
        var (guadeloupe, _, _) = Count(await GrappesAsync("zoom=9&bbox=-61.9,15.8,-61.0,16.6"));
        Assert.Equal(0, guadeloupe);
    }

    [Theory]
    [InlineData("bbox=-5.2,41.3,9.6,51.1", "zoom")]
    [InlineData("zoom=quatre&bbox=-5.2,41.3,9.6,51.1", "zoom")]
    [InlineData("zoom=30&bbox=-5.2,41.3,9.6,51.1", "zoom")]
    [InlineData("zoom=5", "bbox")]
    [InlineData("zoom=5&bbox=1,2,3", "bbox")]
    [InlineData("zoom=5&bbox=-5.2,41.3,9.6,51.1&service=inconnu", "service")]
    public async Task A_bad_view_is_a_400_naming_the_parameter(string query, string parameter)
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/carte/grappes?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_unchanged_dataset_answers_304()
    {
        using var client = portal.Factory.CreateClient();
        using var first = await client.GetAsync(new Uri($"/api/carte/grappes?zoom=6&{France}", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/carte/grappes?zoom=6&{France}", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
