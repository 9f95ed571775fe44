namespace OpenFabriques.Web.Pages.Departements;

internal static class DepartementsPagesSql
{
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
