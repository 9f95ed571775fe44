using System.Text.Json;
using NetTopologySuite.Geometries;
using OpenFabriques.Geo.Generation;
using OpenFabriques.Geo.Geometry;

namespace OpenFabriques.Geo.Tests.Generation;

public class SyntheticPlacesTests
{
    private static string DepartementsPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "data", "departements.geojson"))) dir = dir.Parent;
        return Path.Combine(dir.FullName, "data", "departements.geojson");
    }

    [Fact]
    public void Places_lie_inside_their_departement_and_the_seed_fixes_them()
    {
        SyntheticPlaces generator;
        using (var file = File.OpenRead(DepartementsPath())) generator = new SyntheticPlaces(file);
        var shapes = new Dictionary<string, MultiPolygon>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(DepartementsPath())))
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
                shapes[f.GetProperty("properties").GetProperty("code").GetString()!] = GeoJsonGeometryReader.ReadPolygonal(f.GetProperty("geometry"));

        var places = generator.Generate(2000, seed: 42).ToList();

        Assert.All(places, p => Assert.True(shapes[p.Departement!].Contains(new Point(p.Longitude!.Value, p.Latitude!.Value)), p.SourceId));
        Assert.All(places, p => Assert.NotEmpty(p.Services));
        Assert.Equal(2000, places.Select(p => p.SourceId).Distinct().Count());
        // Départements drawn by population: Nord (2.6 M inhabitants) gets far more than Lozère (77,000).
        Assert.True(places.Count(p => p.Departement == "59") > 5 * Math.Max(1, places.Count(p => p.Departement == "48")));
        Assert.Equal(JsonSerializer.Serialize(places.Take(50)), JsonSerializer.Serialize(generator.Generate(50, seed: 42)));
        Assert.NotEqual(JsonSerializer.Serialize(places.Take(50)), JsonSerializer.Serialize(generator.Generate(50, seed: 43)));
    }
}
