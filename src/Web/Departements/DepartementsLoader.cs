using System.Text.Json;
using NetTopologySuite.Geometries.Utilities;
using Npgsql;
using OpenFabriques.Geo.Geometry;

using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Departements;

/// <summary>
/// Loads data/departements.geojson into the départements table, once: each outline read with NetTopologySuite
/// (GeoJSON4STJ), made valid if it is not (<see cref="GeometryFixer"/>), and written as a MultiPolygon parameter.
/// </summary>
public static class DepartementsLoader
{
    /// <summary>Loads the file when the table is empty; returns how many départements were loaded.</summary>
    public static async Task<int> LoadIfEmptyAsync(NpgsqlDataSource dataSource, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var count = tx.Command(DepartementsSql.Count))
        {
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0) return 0;
        }

        await using var file = File.OpenRead(path);
        using var doc = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        var loaded = 0;
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            var outline = GeoJsonGeometryReader.ReadPolygonal(feature.GetProperty("geometry"));
            if (!outline.IsValid) outline = GeoJsonGeometryReader.Polygonal(GeometryFixer.Fix(outline));
            loaded += await tx.ExecuteAsync(DepartementsSql.Insert, cancellationToken,
                p.GetProperty("code").GetString()!, p.GetProperty("nom").GetString()!, p.GetProperty("region").GetString()!,
                p.GetProperty("region_nom").GetString()!, p.GetProperty("population").GetInt32(), outline);
        }
        await tx.CommitAsync(cancellationToken);
        return loaded;
    }
}
