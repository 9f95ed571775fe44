using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Couverture;

/// <summary>The test default (the Hinaura file) on a database of its own, the background computation out of the way.</summary>
public sealed class DistancesPartiellesFixture : ConfiguredPortalFixture
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:DistancesInterval"] = "01:00:00";
    }
}

/// <summary>
/// After an import that changes a few places, the distances are amended around them only; the result is the one a full
/// computation gives, after insertions, moves, changes of services and withdrawals.
/// </summary>
public class DistancesPartiellesTests(DistancesPartiellesFixture portal) : IClassFixture<DistancesPartiellesFixture>
{
    private CouvertureDistances Distances => portal.Factory.Services.GetRequiredService<CouvertureDistances>();

    private static async IAsyncEnumerable<ReadItem> Items(params (string Id, double Lat, double Lon, string[] Services)[] places)
    {
        var line = 1;
        foreach (var (id, lat, lon, services) in places)
        {
            await Task.Yield();
            yield return ReadItem.Ok(new LieuRecord
            {
                SourceId = id, Nom = $"Lieu d'essai {id}", Latitude = lat, Longitude = lon,
                Services = services.Select(s => new LieuService(s, ServiceCatalog.Find(s)!.Libelle)).ToList(),
            }, ++line);
        }
    }

    private Task<ImportReport> ImportAsync(params (string Id, double Lat, double Lon, string[] Services)[] places) =>
        portal.Loader.LoadAsync(new ImportOrigin("essai-distances", "test", "tests", new string('0', 64)), Items(places), CancellationToken.None,
            new LoadOptions { Prune = true });

    private Task<string> SnapshotAsync() => portal.Database.ScalarAsync<string>("""
        SELECT string_agg(service || ':' || commune || ':' || coalesce(lieu_id, 0) || ':' || coalesce(round(distance_m::numeric, 1), -1), ' '
                          ORDER BY service, commune)
        FROM distances_communes
        """);

    /// <summary>The distances the import left, then those a full computation gives: the same.</summary>
    private async Task AssertAmendedAsFullAsync(ImportReport report)
    {
        Assert.NotNull(report.Distances);
        Assert.True(report.Distances.Partiel, "the import recomputed everything");
        Assert.True(report.Distances.Paires > 0);
        var amended = await SnapshotAsync();
        var full = await Distances.RecalculerAsync(CancellationToken.None, complet: true);
        Assert.False(full!.Partiel);
        var expected = await SnapshotAsync();
        Assert.True(expected == amended, $"{Difference(amended, expected)}");
    }

    private static string Difference(string amended, string expected)
    {
        var a = amended.Split(' ').ToHashSet();
        var e = expected.Split(' ').ToHashSet();
        return $"amended only: {string.Join(' ', a.Except(e).Take(10))} ; full only: {string.Join(' ', e.Except(a).Take(10))}";
    }

    [Fact]
    public async Task Amended_distances_equal_a_full_computation_after_insertions_moves_and_withdrawals()
    {
        var first = await Distances.RecalculerAsync(CancellationToken.None, complet: true);
        Assert.True(first!.Communes > 30_000);
        var answers = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM distances_communes");

        // Three new places: one in Lozère, far from every Hinaura place (it becomes the nearest of hundreds of communes),
        // one in Lyon among many, one in the Cantal offering a service few places offer.
        var report = await ImportAsync(
            ("mende", 44.5181, 3.5006, ["acces-internet-materiel", "fablab"]),
            ("lyon", 45.7640, 4.8357, ["coworking"]),
            ("aurillac", 44.9264, 2.4396, ["aide-demarches-administratives", "fablab"]));
        Assert.Equal(3, report.Inserted);
        await AssertAmendedAsFullAsync(report);
        Assert.True(report.Distances!.Paires < answers / 10, $"{report.Distances.Paires} answers reviewed of {answers}");

        // Mende moves to Millau and stops offering the fab lab; Lyon's place is withdrawn; Aurillac changes nothing.
        report = await ImportAsync(
            ("mende", 44.0975, 3.0777, ["acces-internet-materiel"]),
            ("aurillac", 44.9264, 2.4396, ["aide-demarches-administratives", "fablab"]));
        Assert.Equal((1, 1), (report.Updated, report.Withdrawn));
        await AssertAmendedAsFullAsync(report);

        // The last place of the source is withdrawn: the communes around Millau go back to their former nearest place.
        report = await ImportAsync(("aurillac", 44.9264, 2.4396, ["aide-demarches-administratives", "fablab"]));
        Assert.Equal(1, report.Withdrawn);
        await AssertAmendedAsFullAsync(report);
    }
}
