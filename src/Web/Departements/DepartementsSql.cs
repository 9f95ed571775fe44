namespace OpenFabriques.Web.Departements;

internal static class DepartementsSql
{
    public const string Count = "SELECT count(*) FROM departements";

    public const string Insert = """
        INSERT INTO departements (code, nom, region, region_nom, population, geom)
        VALUES ($1, $2, $3, $4, $5, $6)
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

    /// <summary>
    /// A département drawn for a small static map: its simplified outline as an SVG path, in a local
    /// equirectangular projection (longitudes scaled by the cosine of the middle latitude, y pointing down,
    /// origin at the north-west corner), the size of that frame, its located places, and its communes
    /// farther than @distance metres from any place, in the same frame.
    /// </summary>
    public const string MiniCarte = """
        WITH d AS (
            SELECT geom_carte AS g, ST_XMin(geom_carte) AS x0, ST_XMax(geom_carte) AS x1,
                   ST_YMin(geom_carte) AS y0, ST_YMax(geom_carte) AS y1,
                   cos(radians((ST_YMin(geom_carte) + ST_YMax(geom_carte)) / 2)) AS k
            FROM departements WHERE code = @code)
        SELECT (d.x1 - d.x0) * d.k, d.y1 - d.y0,
               ST_AsSVG(ST_Affine(d.g, d.k, 0, 0, 1, -d.x0 * d.k, -d.y1), 0, 4),
               coalesce(l.xs, '{}'), coalesce(l.ys, '{}'), coalesce(e.xs, '{}'), coalesce(e.ys, '{}')
        FROM d
        CROSS JOIN LATERAL (
            SELECT array_agg((l.lon - d.x0) * d.k ORDER BY l.id) AS xs, array_agg(d.y1 - l.lat ORDER BY l.id) AS ys
            FROM lieux l WHERE l.departement = @code AND l.geom IS NOT NULL) l
        CROSS JOIN LATERAL (
            SELECT array_agg((c.lon - d.x0) * d.k ORDER BY c.code) AS xs, array_agg(d.y1 - c.lat ORDER BY c.code) AS ys
            FROM communes c JOIN distances_communes k ON k.commune = c.code AND k.service = ''
            WHERE c.departement = @code AND (k.distance_m IS NULL OR k.distance_m > @distance)) e
        """;

    // The département pages

    public const string Liste = """
        SELECT d.code, d.nom, d.region_nom, d.population, count(l.id)
        FROM departements d LEFT JOIN lieux l ON l.departement = d.code
        GROUP BY d.code ORDER BY d.code
        """;

    public const string Departement = """
        SELECT d.code, d.nom, d.region_nom, d.population, (SELECT count(*) FROM lieux l WHERE l.departement = d.code)
        FROM departements d WHERE d.code = @code
        """;

    public const string Services = """
        SELECT s.slug, s.libelle, count(ls.lieu_id)
        FROM services s
        LEFT JOIN (lieux_services ls JOIN lieux l ON l.id = ls.lieu_id AND l.departement = @code) ON ls.service_slug = s.slug
        GROUP BY s.slug, s.libelle, s.ordre ORDER BY s.ordre
        """;

    public const string Lieux = """
        SELECT l.id, l.nom, l.commune, l.code_postal,
               coalesce((SELECT string_agg(s.libelle, ', ' ORDER BY s.ordre) FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
                         WHERE ls.lieu_id = l.id), '')
        FROM lieux l WHERE l.departement = @code ORDER BY l.commune NULLS LAST, l.nom, l.id
        """;

    /// <summary>
    /// The communes of the département farther than @distance metres from the nearest place (or with no place
    /// at all), from the precomputed distances, with that nearest place: the most populated first.
    /// </summary>
    public const string CommunesEloignees = """
        SELECT c.code, c.nom, c.population, c.lon, c.lat, k.distance_m, l.id, l.nom, l.commune, l.departement
        FROM communes c
        JOIN distances_communes k ON k.commune = c.code AND k.service = ''
        LEFT JOIN lieux l ON l.id = k.lieu_id
        WHERE c.departement = @code AND (k.distance_m IS NULL OR k.distance_m > @distance)
        ORDER BY c.population DESC, c.nom, c.code
        """;
}
