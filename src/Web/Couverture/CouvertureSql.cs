namespace OpenFabriques.Web.Couverture;

internal static class CouvertureSql
{
    /// <summary>
    /// Per département: population, places, places offering @service (all places when null); the population
    /// of its communes without a point of their own, and the population of the others living farther than
    /// @d1, @d2, @d3 metres from the nearest place (offering @service), from the precomputed distances.
    /// </summary>
    public const string ParDepartement = """
        SELECT d.code, d.nom, d.region, d.region_nom, d.population,
               count(l.id),
               count(l.id) FILTER (WHERE @service::text IS NULL OR EXISTS (
                   SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = @service)),
               coalesce(min(x.sans_point), 0), coalesce(min(x.au_dela_1), 0), coalesce(min(x.au_dela_2), 0), coalesce(min(x.au_dela_3), 0)
        FROM departements d
        LEFT JOIN lieux l ON l.departement = d.code
        LEFT JOIN (
            SELECT c.departement,
                   sum(c.population) FILTER (WHERE c.source_point = 'departement') AS sans_point,
                   sum(c.population) FILTER (WHERE c.source_point IS DISTINCT FROM 'departement' AND (k.distance_m IS NULL OR k.distance_m > @d1)) AS au_dela_1,
                   sum(c.population) FILTER (WHERE c.source_point IS DISTINCT FROM 'departement' AND (k.distance_m IS NULL OR k.distance_m > @d2)) AS au_dela_2,
                   sum(c.population) FILTER (WHERE c.source_point IS DISTINCT FROM 'departement' AND (k.distance_m IS NULL OR k.distance_m > @d3)) AS au_dela_3
            FROM communes c
            LEFT JOIN distances_communes k ON k.commune = c.code AND k.service = coalesce(@service::text, '')
            GROUP BY c.departement) x ON x.departement = d.code
        GROUP BY d.code
        ORDER BY d.code
        """;

    /// <summary>Places offering each service, in the given départements.</summary>
    public const string ServicesParDepartement = """
        SELECT l.departement, ls.service_slug, count(*)
        FROM lieux l JOIN lieux_services ls ON ls.lieu_id = l.id
        WHERE l.departement = ANY(@codes)
        GROUP BY l.departement, ls.service_slug
        """;

    /// <summary>Communes and their population by origin of their point.</summary>
    public const string PointsDesCommunes = """
        SELECT coalesce(source_point, 'departement'), count(*), sum(population) FROM communes GROUP BY 1 ORDER BY 3 DESC
        """;

    /// <summary>
    /// Every commune (of @departement, all when null) with its nearest place (offering @service: '' for any
    /// place) and the distance; a commune without a point of its own has no distance.
    /// </summary>
    public const string Communes = """
        SELECT c.code, c.nom, c.departement, c.population, coalesce(c.source_point, 'departement'),
               CASE WHEN c.source_point IS DISTINCT FROM 'departement' THEN c.lon END,
               CASE WHEN c.source_point IS DISTINCT FROM 'departement' THEN c.lat END,
               k.lieu_id, l.nom, k.distance_m
        FROM communes c
        LEFT JOIN distances_communes k ON k.commune = c.code AND k.service = @service
        LEFT JOIN lieux l ON l.id = k.lieu_id
        WHERE @departement::text IS NULL OR c.departement = @departement
        ORDER BY c.code
        """;
}
