namespace OpenFabriques.Web.Carte;

internal static class IndexSql
{
    /// <summary>The labels places carry, most frequent first (the label filter's choices).</summary>
    public const string Labels = """
        SELECT min(x.label), count(*) FROM lieux l, unnest(l.labels) AS x(label)
        GROUP BY lower(unaccent(x.label)) ORDER BY count(*) DESC, min(x.label) LIMIT 30
        """;
}

/// <summary>
/// The map's data for one view: places grouped by square cells of <see cref="Import.Grappes.CellulePx"/> pixels at the
/// map's zoom, in Web Mercator (the map's own projection: @monde is the width of the world in pixels, 256 × 2^zoom),
/// so that it does not grow with the places. A cell of one place is that place, with the map feed's properties; a
/// cell of several is a cluster: its count, the mean of its points and the box that holds them (to zoom onto). The
/// view asks for the cells @cx0…@cx1 × @cy0…@cy1, whole.
/// </summary>
internal static class GrappesSql
{
    private const string Cx = Import.Grappes.Cx;

    private const string Cy = Import.Grappes.Cy;

    /// <summary>One GeoJSON Feature per cell of <c>g</c> (n, id, lon, lat, ouest, sud, est, nord), largest first.</summary>
    private const string Features = $$"""
        SELECT CASE WHEN g.n = 1 THEN {{Lieux.LieuxSql.MapFeature}}
               ELSE json_build_object(
                   'type', 'Feature',
                   'properties', json_build_object(
                       'grappe', true,
                       'nombre', g.n,
                       'bbox', json_build_array(round(g.ouest::numeric, 5), round(g.sud::numeric, 5), round(g.est::numeric, 5), round(g.nord::numeric, 5))),
                   'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(round(g.lon::numeric, 5), round(g.lat::numeric, 5))))
               END::text
        FROM g LEFT JOIN lieux l ON g.n = 1 AND l.id = g.id
        ORDER BY g.n DESC, g.id
        """;

    /// <summary>The cells of the view computed from the filtered places ({filtre}, which holds the cells' box).</summary>
    public static readonly string Calculees = $$"""
        WITH p AS (
            SELECT l.id, l.lon, l.lat, {{Cx}} AS cx, {{Cy}} AS cy
            FROM lieux l
            WHERE l.geom IS NOT NULL AND {filtre}),
        g (n, id, lon, lat, ouest, sud, est, nord) AS (
            SELECT {{Import.Grappes.Agregats}}
            FROM p WHERE cx BETWEEN @cx0 AND @cx1 AND cy BETWEEN @cy0 AND @cy1
            GROUP BY cx, cy)
        {{Features}}
        """;

    /// <summary>The cells of the view read from <c>grappes</c> (no filter: every located place).</summary>
    public static readonly string Stockees = $$"""
        WITH g AS (
            SELECT nombre AS n, lieu_id AS id, lon, lat, ouest, sud, est, nord FROM grappes
            WHERE zoom = @zoom AND cx BETWEEN @cx0 AND @cx1 AND cy BETWEEN @cy0 AND @cy1)
        {{Features}}
        """;
}
