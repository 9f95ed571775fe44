using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;
using OpenFabriques.Tests;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Tests.Store;

public class MigrationsTests
{
    private static PortalDb Context(string connectionString)
    {
        var source = new NpgsqlDataSourceBuilder(connectionString);
        source.UseNetTopologySuite();
        var options = new DbContextOptionsBuilder<PortalDb>();
        StoreExtensions.Configure(options, source.Build());
        return new PortalDb(options.Options);
    }

    [Fact]
    public async Task A_database_at_the_schema_before_the_model_upgrades_in_place_and_keeps_its_places()
    {
        await using var db = await TestDatabase.NewEmptyAsync();
        // Migrated as the portal did before the EF Core model: plain EF Core, default names in its history table.
        await using (var before = new PortalDb(new DbContextOptionsBuilder<PortalDb>().UseNpgsql(db.ConnectionString, o => o.UseNetTopologySuite()).Options))
            await before.GetService<IMigrator>().MigrateAsync("20261122000005_DistancesCommunes");
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT count(\"MigrationId\") FROM \"__EFMigrationsHistory\""));
        await db.ExecuteAsync("""
            INSERT INTO imports (source, format, origin, sha256, started_at) VALUES ('essai', 'lmn', 'essai.json', 'x', now());
            INSERT INTO lieux (source, source_id, nom, lon, lat, row_hash, import_id, imported_at)
            VALUES ('essai', '1', 'Lieux communs', 1.97875, 44.21999, 'h', (SELECT max(id) FROM imports), now());
            """);

        await using (var factory = new PortalFactory(db.ConnectionString))
        {
            factory.Settings["OpenFabriques:DefaultSources"] = "";
            factory.CreateClient().Dispose(); // start-up applies the migrations
        }

        await using var after = Context(db.ConnectionString);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.False(after.Database.HasPendingModelChanges());
        var lieu = await after.Lieux.AsNoTracking().SingleAsync(l => l.Source == "essai");
        Assert.Equal("Lieux communs", lieu.Nom);
        Assert.Equal(new Coordinate(1.97875, 44.21999), lieu.Geom!.Coordinate);
        Assert.Equal(4326, lieu.Geom.SRID);
        Assert.Equal(lieu.Geom.Coordinate, lieu.Geog!.Coordinate); // the geography column, computed for the rows already there
    }

    [Fact]
    public async Task Nearest_places_in_linq_are_a_knn_search_on_the_geography_index()
    {
        await using var db = await TestDatabase.NewAsync();
        await using var context = Context(db.ConnectionString);
        var ici = new Point(1.97875, 44.21999) { SRID = 4326 };
        var query = context.Lieux.Where(o => o.Geog != null).OrderBy(o => EF.Functions.DistanceKnn(o.Geog!, ici)).Take(5).Select(o => o.Id);
        var sql = query.ToQueryString();
        Assert.Contains("l.geog <-> @", sql, StringComparison.Ordinal);

        // The plan of that query (its parameter written in) uses the GiST index of the geography column.
        var plan = string.Join("\n", await PlanAsync(db, """
            SELECT l.id FROM lieux AS l WHERE l.geog IS NOT NULL
            ORDER BY l.geog <-> 'SRID=4326;POINT(1.97875 44.21999)'::geography LIMIT 5
            """));
        Assert.Contains("lieux_geog_idx", plan, StringComparison.Ordinal);
    }

    private static async Task<List<string>> PlanAsync(TestDatabase db, string sql)
    {
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off; SET enable_sort = off", conn)) await off.ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    [Fact]
    public void The_model_and_its_snapshot_agree()
    {
        using var context = Context("Host=127.0.0.1;Database=aucune");
        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_ModeleNetTopologySuite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Departements_are_multipolygons_that_contain_their_prefecture()
    {
        await using var db = await TestDatabase.NewAsync();
        await using var context = Context(db.ConnectionString);
        var rodez = new Point(2.5735, 44.3506) { SRID = 4326 };
        // Containment in LINQ: PostGIS's ST_Contains on the GiST-indexed outlines.
        var code = await context.Departements.Where(d => d.Geom.Contains(rodez)).Select(d => d.Code).SingleAsync();
        Assert.Equal("12", code);
        var aveyron = await context.Departements.AsNoTracking().SingleAsync(d => d.Code == "12");
        Assert.IsType<MultiPolygon>(aveyron.Geom);
        Assert.True(aveyron.Geom.Contains(rodez)); // NetTopologySuite agrees with PostGIS
    }
}
