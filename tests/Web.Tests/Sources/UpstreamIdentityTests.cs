using System.Text;
using OpenFabriques.Geo.Formats.FranceServices;
using OpenFabriques.Geo.Formats.Lmn;
using OpenFabriques.Web.Tests.Import;

namespace OpenFabriques.Web.Tests.Sources;

/// <summary>A record's identity is its upstream source and upstream id, whichever file brings it.</summary>
public class UpstreamIdentityTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    /// <summary>An aggregate of lieux de médiation numérique that re-publishes two France services and adds a place of its own source.</summary>
    private static string Aggregate(string najac) => $$"""
        [{"id":"mediation-numerique-france-services-FS-12-001","nom":"{{najac}}","commune":"Najac","code_postal":"12270",
          "adresse":"Place du Faubourg","latitude":44.2197,"longitude":1.9791,"date_maj":"2024-09-01","source":"france-services",
          "labels_nationaux":"France Services","services":"Réaliser des démarches administratives avec un accompagnement"},
         {"id":"france-services-FS-2B-004","nom":"France services de Bastia","commune":"Bastia","code_postal":"20200",
          "adresse":"Rue César Campinchi","latitude":42.6976,"longitude":9.4507,"date_maj":"2024-09-01","source":"france-services",
          "labels_nationaux":"France Services","services":"Réaliser des démarches administratives avec un accompagnement"},
         {"id":"dora-41","nom":"Atelier numérique de Villefranche","commune":"Villefranche-de-Rouergue","code_postal":"12200",
          "adresse":"Place Notre-Dame","latitude":44.3517,"longitude":2.0347,"date_maj":"2024-09-01","source":"dora",
          "labels_nationaux":"","services":"Prendre en main un ordinateur"}]
        """;

    private async Task<OpenFabriques.Web.Import.ImportReport> ImportAggregateAsync(string najac)
    {
        var path = Path.Combine(Path.GetTempPath(), $"agregat-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Aggregate(najac), Encoding.UTF8);
        try
        {
            return await portal.Loader.ImportFileAsync(path, new LmnReader(), "agregat", CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_newer_aggregate_that_republishes_known_places_updates_them_and_adds_only_its_new_ones()
    {
        var first = await portal.Loader.ImportFileAsync(EmptyPortalFixture.FixturePath("france-services.csv"), new FranceServicesReader(), "france-services", CancellationToken.None);
        Assert.Equal(3, first.Inserted);
        var before = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux");

        var aggregate = await ImportAggregateAsync("France services de Najac (Aveyron)");

        // The two France services are the ones already stored, updated in place; only the dora place is new.
        Assert.Equal((1, 2), (aggregate.Inserted, aggregate.Updated));
        Assert.Equal(before + 1, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"));
        Assert.Equal("France services de Najac (Aveyron)", await portal.Database.ScalarAsync<string>(
            "SELECT nom FROM lieux WHERE source = 'france-services' AND source_id = 'FS-12-001'"));
        Assert.Equal("41", await portal.Database.ScalarAsync<string>("SELECT source_id FROM lieux WHERE source = 'dora'"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE source = 'agregat'"));

        // The same aggregate again changes nothing.
        var again = await ImportAggregateAsync("France services de Najac (Aveyron)");
        Assert.Equal((0, 0, 3), (again.Inserted, again.Updated, again.Unchanged));
    }
}
