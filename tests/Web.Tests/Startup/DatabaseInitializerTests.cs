using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Web.Startup;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Tests.Startup;

[Collection(PortalCollection.Name)]
public class DatabaseInitializerTests(PortalFixture portal)
{
    [Fact]
    public async Task Initializing_again_changes_nothing()
    {
        var db = portal.Database;
        var before = await db.ScalarAsync<string>(Snapshot);

        await portal.Factory.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Equal(before, await db.ScalarAsync<string>(Snapshot));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var migrations = scope.ServiceProvider.GetRequiredService<PortalDb>().Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations.Count, await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }

    private const string Snapshot = """
        SELECT concat_ws(' ', (SELECT count(*) FROM departements), (SELECT count(*) FROM lieux),
            (SELECT count(*) FROM lieux_services), (SELECT count(*) FROM imports), (SELECT count(*) FROM services),
            (SELECT max(id) FROM lieux))
        """;

    [Fact]
    public async Task Loads_the_101_departements_with_corsica_and_overseas()
    {
        var db = portal.Database;

        Assert.Equal(101L, await db.ScalarAsync<long>("SELECT count(*) FROM departements"));
        Assert.Equal(7L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM departements WHERE code IN ('2A', '2B', '971', '972', '973', '974', '976')"));
        Assert.Equal("Aveyron", await db.ScalarAsync<string>("SELECT nom FROM departements WHERE code = '12'"));
        Assert.True(await db.ScalarAsync<bool>("SELECT bool_and(ST_IsValid(geom)) FROM departements"));
        // France counts about 68 million inhabitants: the populations are those of the communes summed.
        var population = await db.ScalarAsync<long>("SELECT sum(population) FROM departements");
        Assert.InRange(population, 66_000_000, 70_000_000);
    }

    [Fact]
    public async Task Loads_the_default_dataset_with_its_services_and_provenance()
    {
        var db = portal.Database;

        Assert.Equal(687L, await db.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE source = 'hinaura'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement IS NULL"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(DISTINCT lieu_id) FROM lieux_services") > 600);
        Assert.Equal(687, await db.ScalarAsync<int>("SELECT inserted FROM imports WHERE source = 'hinaura' ORDER BY id LIMIT 1"));
        Assert.Matches("^[0-9a-f]{64}$", await db.ScalarAsync<string>("SELECT sha256 FROM imports ORDER BY id LIMIT 1"));
    }

    [Fact]
    public async Task A_point_in_aveyron_falls_in_departement_12()
    {
        // Rodez, préfecture of Aveyron.
        var code = await portal.Database.ScalarAsync<string>(
            "SELECT code FROM departements WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))", 2.5734, 44.3506);

        Assert.Equal("12", code);
    }

    [Fact]
    public async Task The_geometry_and_the_geography_are_generated_from_lon_lat_with_spatial_indexes()
    {
        var db = portal.Database;

        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM lieux WHERE lon IS NOT NULL AND NOT ST_Equals(geom, ST_SetSRID(ST_MakePoint(lon, lat), 4326))"));
        var indexes = await db.ScalarAsync<string>(
            "SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'lieux' AND indexdef LIKE '%gist%'");
        Assert.Contains("(geom)", indexes, StringComparison.Ordinal);
        Assert.Contains("lieux_geog_idx ON public.lieux USING gist (geog)", indexes, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM lieux WHERE lon IS NOT NULL AND NOT ST_Equals(geog::geometry, geom)"));
    }
}
