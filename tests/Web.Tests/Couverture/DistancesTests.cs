using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Tests.Import;

namespace OpenFabriques.Web.Tests.Couverture;

/// <summary>
/// The distance coverage against a brute-force computation: every commune against every place, in C#
/// (haversine) and in SQL (no index, no shortcut), on a handful of places around Aveyron.
/// </summary>
public class DistancesTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    private sealed record Commune(string Code, string Departement, long Population, double? Lon, double? Lat);

    private sealed record Place(double Lon, double Lat, string[] Services);

    // Rodez and Najac offer a fab lab; Albi is nearest to its communes but has none: both ways of finding
    // the nearest place offering a service are used. Mende offers nothing; the last place has no point.
    private static readonly (string Id, string Dep, double? Lat, double? Lon, string[] Services)[] Fixture =
    [
        ("rodez", "12", 44.3506, 2.5734, ["coworking", "fablab"]),
        ("millau", "12", 44.0975, 3.0777, ["aide-demarches-administratives"]),
        ("najac", "12", 44.2200, 1.9788, ["fablab"]),
        ("albi", "81", 43.9289, 2.1464, ["coworking"]),
        ("mende", "48", 44.5181, 3.5006, []),
        ("sans-point", "12", null, null, ["fablab"]),
    ];

    private static async IAsyncEnumerable<ReadItem> Items()
    {
        var line = 1;
        foreach (var (id, dep, lat, lon, services) in Fixture)
        {
            await Task.Yield();
            yield return ReadItem.Ok(new LieuRecord
            {
                SourceId = id, Nom = id, Departement = dep, Latitude = lat, Longitude = lon,
                Services = services.Select(s => new LieuService(s, ServiceCatalog.Find(s)!.Libelle)).ToList(),
            }, ++line);
        }
    }

    private async Task<ImportReport> LoadAsync() =>
        await portal.Loader.LoadAsync(new ImportOrigin("distances", "test", "tests", new string('0', 64)), Items(), CancellationToken.None);

    private async Task<List<Commune>> CommunesAsync()
    {
        var list = new List<Commune>();
        await using var conn = new NpgsqlConnection(portal.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT code, departement, population, CASE WHEN source_point = 'departement' THEN NULL ELSE lon END, lat FROM communes", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            list.Add(new Commune(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetDouble(4)));
        return list;
    }


    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        using var client = portal.Factory.CreateClient();
        return await client.CsvAsync(url);
    }

    [Fact]
    public async Task The_shares_of_population_far_from_a_place_match_a_brute_force_computation()
    {
        var report = await LoadAsync();
        Assert.NotNull(report.Distances);
        var communes = await CommunesAsync();
        var places = Fixture.Where(f => f.Lon is not null).Select(f => new Place(f.Lon!.Value, f.Lat!.Value, f.Services)).ToList();

        // Brute force in SQL: the distance on the sphere from every commune to every place, the smallest kept.
        var sql = new Dictionary<(string Service, string Commune), double>();
        await using (var conn = new NpgsqlConnection(portal.Database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT s.slug, c.code, min(ST_Distance(c.geom::geography, l.geom::geography, false))
                FROM communes c
                CROSS JOIN lieux l
                JOIN (SELECT '' AS slug UNION SELECT DISTINCT service_slug FROM lieux_services) s
                  ON s.slug = '' OR EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = s.slug)
                WHERE l.geom IS NOT NULL AND c.source_point <> 'departement'
                GROUP BY s.slug, c.code
                """, conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) sql[(r.GetString(0), r.GetString(1))] = r.GetDouble(2);
        }

        foreach (var service in new[] { "", "fablab", "coworking", "aide-demarches-administratives" })
        {
            // The precomputed distances: the nearest place for every commune; per service, up to 30 km.
            var stored = new Dictionary<string, double?>();
            await using (var conn = new NpgsqlConnection(portal.Database.ConnectionString))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT commune, distance_m FROM distances_communes WHERE service = $1", conn);
                cmd.Parameters.Add(new NpgsqlParameter { Value = service });
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) stored[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetDouble(1);
            }
            var offering = places.Where(p => service.Length == 0 || p.Services.Contains(service)).ToList();
            var checkedNear = 0;
            foreach (var c in communes.Where(c => c.Lon is not null))
            {
                var brute = sql[(service, c.Code)];
                var haversine = offering.Min(p => Outils.Haversine(c.Lon!.Value, c.Lat!.Value, p.Lon, p.Lat));
                Assert.True(Math.Abs(brute - haversine) <= 0.001 * haversine + 1, $"{c.Code}: {brute} m in SQL, {haversine} m on the sphere");
                if (service.Length == 0 || brute <= 30_000)
                {
                    Assert.True(stored.TryGetValue(c.Code, out var d), $"commune {c.Code} missing for « {service} »");
                    Assert.Equal(brute, d!.Value, 0.01);
                    checkedNear++;
                }
                else
                {
                    Assert.False(stored.ContainsKey(c.Code), $"commune {c.Code} is {brute} m from « {service} », stored anyway");
                }
            }
            Assert.True(checkedNear > 50, $"only {checkedNear} communes near a place offering « {service} »");

            // The shares per département, from the brute-force distances: the CSV of /couverture says the same.
            var csv = await CsvAsync(service.Length == 0 ? "/exports/couverture.csv" : $"/exports/couverture.csv?service={service}");
            Assert.Equal(101, csv.Count);
            foreach (var row in csv)
            {
                var mine = communes.Where(c => c.Departement == row["code"]).ToList();
                Assert.Equal(mine.Where(c => c.Lon is null).Sum(c => c.Population), long.Parse(row["population_sans_point"], CultureInfo.InvariantCulture));
                foreach (var km in CouvertureDistances.SeuilsKm)
                {
                    var far = mine.Where(c => c.Lon is not null && sql[(service, c.Code)] > km * 1000).Sum(c => c.Population);
                    var column = service.Length == 0 ? $"population_au_dela_{km}km" : $"population_au_dela_{km}km_service";
                    Assert.Equal(far, long.Parse(row[column], CultureInfo.InvariantCulture));
                }
            }
            var aveyron = csv.Single(r => r["code"] == "12");
            Assert.True(long.Parse(aveyron[service.Length == 0 ? "population_au_dela_10km" : "population_au_dela_10km_service"], CultureInfo.InvariantCulture)
                < long.Parse(aveyron["population"], CultureInfo.InvariantCulture));
        }

        // Communes without a point of their own exist (their population was checked above): it is reported, not measured.
        Assert.True(communes.Where(c => c.Lon is null).Sum(c => c.Population) > 100_000);
    }

    [Fact]
    public async Task Distances_missing_or_older_than_the_places_are_computed_again_in_the_background()
    {
        await LoadAsync();
        var distances = portal.Factory.Services.GetRequiredService<CouvertureDistances>();
        var before = await distances.EtatAsync(CancellationToken.None);
        Assert.NotNull(before);

        // An import that changed the places and stopped before computing the distances (killed after its commit).
        await portal.Database.ExecuteAsync("""
            INSERT INTO imports (source, format, origin, sha256, started_at, finished_at, inserted)
            VALUES ('distances', 'test', 'tests', '', now(), now(), 1)
            """);
        Assert.True((await distances.EtatAsync(CancellationToken.None))!.Perime);
        var after = before;
        for (var i = 0; i < 100 && after!.ImportId == before!.ImportId; i++)
        {
            await Task.Delay(100);
            after = await distances.EtatAsync(CancellationToken.None);
        }
        Assert.True(after!.ImportId > before!.ImportId, "the distances were not computed again");
        Assert.False(after.Perime);
        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM distances_communes WHERE service = 'fablab'") > 50);
    }
}

/// <summary>An import whose distance computation fails, on a database of its own.</summary>
public class DistancesPanneTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    [Fact]
    public async Task When_the_distances_fail_after_an_import_the_places_stay_and_the_portal_computes_them_later()
    {
        var distances = portal.Factory.Services.GetRequiredService<CouvertureDistances>();
        await portal.Database.ExecuteAsync("ALTER TABLE distances_communes RENAME TO distances_communes_ailleurs");
        ImportReport report;
        try
        {
            var espalion = new LieuRecord { SourceId = "espalion", Nom = "Espalion", Departement = "12", Latitude = 44.5236, Longitude = 2.7628 };
            report = await portal.Loader.LoadAsync(new ImportOrigin("distances-panne", "test", "tests", new string('0', 64)),
                One(espalion), CancellationToken.None);
        }
        finally
        {
            await portal.Database.ExecuteAsync("ALTER TABLE distances_communes_ailleurs RENAME TO distances_communes");
        }

        Assert.Equal(1, report.Inserted);
        Assert.Null(report.Distances);
        Assert.Contains("distances_communes", report.DistancesNonCalculees, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE source = 'distances-panne'"));

        // The background worker sees distances older than the places and computes them.
        for (var i = 0; i < 100 && (await distances.EtatAsync(CancellationToken.None)) is null or { Perime: true }; i++) await Task.Delay(100);
        Assert.False((await distances.EtatAsync(CancellationToken.None))!.Perime);
        Assert.True(await portal.Database.ScalarAsync<double>("""
            SELECT k.distance_m FROM distances_communes k JOIN communes c ON c.code = k.commune
            WHERE k.service = '' AND c.nom = 'Espalion' AND c.departement = '12'
            """) < 3000, "Espalion's nearest place is not the new one");
    }

    private static async IAsyncEnumerable<ReadItem> One(LieuRecord record)
    {
        await Task.Yield();
        yield return ReadItem.Ok(record, 2);
    }
}
