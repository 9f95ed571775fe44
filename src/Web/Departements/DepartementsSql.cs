namespace OpenFabriques.Web.Departements;

internal static class DepartementsSql
{
    public const string Count = "SELECT count(*) FROM departements";

    public const string Insert = """
        INSERT INTO departements (code, nom, region, region_nom, population, geom)
        VALUES ($1, $2, $3, $4, $5, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)))
        """;

    /// <summary>
    /// One GeoJSON Feature per row: the département, its population and its place count. With @carte, the
    /// outline is the simplified one (geom_carte, tolerance 0.005°) rounded to 3 decimals: a light overview map.
    /// </summary>
    public const string FeaturesWithCounts = """
        SELECT json_build_object(
            'type', 'Feature',
            'id', d.code,
            'properties', json_build_object(
                'code', d.code,
                'nom', d.nom,
                'region', d.region,
                'region_nom', d.region_nom,
                'population', d.population,
                'lieux', coalesce(c.n, 0),
                'lieux_pour_100000', round(coalesce(c.n, 0) * 100000.0 / d.population, 2)),
            'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(CASE WHEN @carte THEN d.geom_carte ELSE d.geom END),
                                     CASE WHEN @carte THEN 3 ELSE 5 END)::json)::text
        FROM departements d
        LEFT JOIN (SELECT departement, count(*) AS n FROM lieux GROUP BY departement) c ON c.departement = d.code
        ORDER BY d.code
        """;
}
