namespace OpenFabriques.Web.Lieux;

internal static class LieuSql
{
    public const string Lieu = """
        SELECT l.id, l.source, l.source_id, l.nom, l.adresse, l.code_postal, l.code_insee, l.commune, l.departement,
               d.nom, l.lon, l.lat, l.site_web, l.telephone, l.horaires, l.typologie, l.labels, l.description, l.date_maj,
               l.imported_at, l.provenance, l.position_approximative
        FROM lieux l LEFT JOIN departements d ON d.code = l.departement
        WHERE l.id = @id
        """;
}
