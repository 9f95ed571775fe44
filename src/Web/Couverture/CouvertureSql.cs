namespace OpenFabriques.Web.Couverture;

internal static class CouvertureSql
{
    /// <summary>Per département: population, places, and places offering @service (all places when null).</summary>
    public const string ParDepartement = """
        SELECT d.code, d.nom, d.region, d.region_nom, d.population,
               count(l.id),
               count(l.id) FILTER (WHERE @service::text IS NULL OR EXISTS (
                   SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = @service))
        FROM departements d LEFT JOIN lieux l ON l.departement = d.code
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
}
