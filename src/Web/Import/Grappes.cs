using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Import;

/// <summary>
/// The map's clusters of all the located places (table <c>grappes</c>): for each zoom up to <see cref="ZoomMax"/>, the
/// places grouped by square cells of <see cref="CellulePx"/> pixels in Web Mercator — how many, the first one's id
/// (the place itself when alone), their mean point and the box that holds them. Rebuilt by each import that touches a
/// place, in its transaction, so that the map reads them with the places they count.
/// </summary>
public static class Grappes
{
    /// <summary>The side of a cell, in pixels of the map.</summary>
    public const int CellulePx = 60;

    /// <summary>
    /// The deepest zoom stored (cells of about 9 km). Deeper views cover few enough places to be grouped on the fly; each
    /// level stored costs the import a pass (zoom 13 alone took a second for 150,000 places: one cell per place).
    /// </summary>
    public const int ZoomMax = 10;

    /// <summary>The cell column of a point of <c>l</c> at the zoom where the world is @monde pixels wide.</summary>
    public const string Cx = "floor((l.lon + 180) / 360 * @monde / @cellule)::int";

    /// <summary>The cell row of a point of <c>l</c> (Web Mercator's y, from the north).</summary>
    public const string Cy = "floor((1 - ln(tan(radians(l.lat)) + 1 / cos(radians(l.lat))) / pi()) / 2 * @monde / @cellule)::int";

    /// <summary>What a cell says of the points <c>p</c> it holds: count, first id, mean point, box.</summary>
    public const string Agregats = "count(*), min(id), avg(lon), avg(lat), min(lon), min(lat), max(lon), max(lat)";

    private const string Vider = "DELETE FROM grappes";

    /// <summary>The cells of the deepest stored zoom, from the places.</summary>
    private const string Base = $"""
        INSERT INTO grappes (zoom, cx, cy, nombre, lieu_id, lon, lat, ouest, sud, est, nord)
        SELECT @zoom, cx, cy, {Agregats}
        FROM (SELECT l.id, l.lon, l.lat, {Cx} AS cx, {Cy} AS cy FROM lieux l WHERE l.geom IS NOT NULL) p
        GROUP BY cx, cy
        """;

    /// <summary>
    /// The cells of zoom @zoom from those of the next: a cell holds the four below it (the same pixel is twice as far
    /// at the next zoom), its mean point weighted by their counts.
    /// </summary>
    private const string Niveau = """
        INSERT INTO grappes (zoom, cx, cy, nombre, lieu_id, lon, lat, ouest, sud, est, nord)
        SELECT @zoom, floor(cx / 2.0)::int, floor(cy / 2.0)::int, sum(nombre), min(lieu_id),
               sum(lon * nombre) / sum(nombre), sum(lat * nombre) / sum(nombre), min(ouest), min(sud), max(est), max(nord)
        FROM grappes WHERE zoom = @zoom + 1
        GROUP BY 2, 3
        """;

    private const string Absentes = "SELECT NOT EXISTS (SELECT 1 FROM grappes) AND EXISTS (SELECT 1 FROM lieux WHERE geom IS NOT NULL)";

    /// <summary>Rebuilds the clusters of every stored zoom from the places.</summary>
    public static async Task ReconstruireAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await tx.ExecuteAsync(Vider, ct);
        await tx.ExecuteAsync(Base, ct,
            new NpgsqlParameter("zoom", NpgsqlDbType.Smallint) { Value = (short)ZoomMax },
            new NpgsqlParameter("monde", NpgsqlDbType.Double) { Value = 256 * Math.Pow(2, ZoomMax) },
            new NpgsqlParameter("cellule", NpgsqlDbType.Double) { Value = (double)CellulePx });
        for (var zoom = ZoomMax - 1; zoom >= 0; zoom--)
            await tx.ExecuteAsync(Niveau, ct, new NpgsqlParameter("zoom", NpgsqlDbType.Smallint) { Value = (short)zoom });
    }

    /// <summary>Builds the clusters when places are stored and none is (a database from before they existed).</summary>
    public static async Task ConstruireSiAbsentesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if ((bool)(await tx.ScalarAsync(Absentes, ct))!) await ReconstruireAsync(tx, ct);
        await tx.CommitAsync(ct);
    }
}
