using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using OpenFabriques.Geo.Geometry;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Generation;

/// <summary>
/// Synthetic places for benchmarks and load tests: points inside the real département polygons,
/// départements drawn in proportion to their population, realistic service mixes of three kinds of
/// place (tiers-lieu, espace numérique, France services). The same seed gives the same places.
/// </summary>
public sealed class SyntheticPlaces
{
    /// <summary>Source key of generated places.</summary>
    public const string Source = "synthetique";

    private readonly List<(string Code, IPreparedGeometry Shape, Envelope Box, long CumulativePopulation)> departements = [];
    private readonly long totalPopulation;

    private static readonly (string Kind, double Weight, (string Slug, double P)[] Services)[] Profiles =
    [
        ("Tiers-lieu", 0.35,
        [
            ("coworking", 0.8), ("salle-reunion", 0.6), ("reprographie", 0.5), ("ateliers-formations", 0.5),
            ("programmation-culturelle", 0.4), ("acces-internet-materiel", 0.4), ("fablab", 0.3),
            ("accompagnement-projets", 0.3), ("vente-produits", 0.15), ("mobilite", 0.15), ("services-a-la-personne", 0.1),
        ]),
        ("Espace numérique", 0.45,
        [
            ("acces-internet-materiel", 0.9), ("maitrise-outils-numeriques", 0.8), ("aide-demarches-administratives", 0.6),
            ("comprehension-monde-numerique", 0.4), ("utilisation-securisee", 0.3), ("insertion-professionnelle", 0.25),
            ("loisirs-creations-numeriques", 0.2), ("parentalite-education", 0.15), ("materiel-prix-solidaire", 0.05),
        ]),
        ("France services", 0.2, [("aide-demarches-administratives", 1.0), ("acces-internet-materiel", 1.0)]),
    ];

    /// <summary>Reads the départements (data/departements.geojson: code, population, geometry).</summary>
    public SyntheticPlaces(Stream departementsGeoJson)
    {
        using var doc = JsonDocument.Parse(departementsGeoJson);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var shape = GeoJsonGeometryReader.ReadPolygonal(f.GetProperty("geometry"));
            totalPopulation += p.GetProperty("population").GetInt64();
            departements.Add((p.GetProperty("code").GetString()!, PreparedGeometryFactory.Prepare(shape), shape.EnvelopeInternal, totalPopulation));
        }
        if (departements.Count == 0) throw new ArgumentException("aucun département", nameof(departementsGeoJson));
    }

    /// <summary>Generates <paramref name="count"/> places from <paramref name="seed"/>.</summary>
    public IEnumerable<LieuRecord> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            var draw = (long)(random.NextDouble() * totalPopulation);
            var d = departements.First(x => x.CumulativePopulation > draw);
            Point point;
            do
            {
                point = new Point(d.Box.MinX + random.NextDouble() * d.Box.Width, d.Box.MinY + random.NextDouble() * d.Box.Height);
            }
            while (!d.Shape.Contains(point));

            var profile = Pick(random);
            var services = profile.Services.Where(s => random.NextDouble() < s.P)
                .Select(s => new LieuService(s.Slug, ServiceCatalog.Find(s.Slug)!.Libelle)).ToList();
            if (services.Count == 0) services.Add(new LieuService(profile.Services[0].Slug, ServiceCatalog.Find(profile.Services[0].Slug)!.Libelle));
            var labels = profile.Kind == "France services" ? ["France services"]
                : profile.Kind == "Tiers-lieu" && random.NextDouble() < 0.15 ? new[] { "Fabrique de territoire" } : [];

            yield return new LieuRecord
            {
                Source = Source,
                SourceId = $"syn-{i}",
                Nom = $"{profile.Kind} synthétique n° {i}",
                Departement = d.Code,
                Longitude = Math.Round(point.X, 6),
                Latitude = Math.Round(point.Y, 6),
                Typologie = profile.Kind,
                Labels = labels,
                Services = services,
                DateMaj = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 6 * 365)),
            };
        }
    }

    private static (string Kind, double Weight, (string Slug, double P)[] Services) Pick(Random random)
    {
        var x = random.NextDouble();
        foreach (var p in Profiles)
        {
            if ((x -= p.Weight) < 0) return p;
        }
        return Profiles[^1];
    }
}
