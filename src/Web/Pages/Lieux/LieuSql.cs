namespace OpenFabriques.Web.Pages.Lieux;

internal static class LieuSql
{
    public const string Lieu = """
        SELECT l.id, l.source, l.source_id, l.nom, l.adresse, l.code_postal, l.code_insee, l.commune, l.departement,
               d.nom, l.lon, l.lat, l.site_web, l.telephone, l.horaires, l.typologie, l.labels, l.description, l.date_maj,
               l.imported_at
        FROM lieux l LEFT JOIN departements d ON d.code = l.departement
        WHERE l.id = @id
        """;

    /// <summary>The nearest other places, KNN on the geography index, with their distance in metres.</summary>
    public const string Voisins = """
        SELECT o.id, o.nom, o.commune, round(ST_Distance(o.geom::geography, l.geom::geography))
        FROM lieux l, lieux o
        WHERE l.id = @id AND o.id <> l.id AND o.geom IS NOT NULL AND l.geom IS NOT NULL
        ORDER BY o.geom::geography <-> l.geom::geography
        LIMIT 5
        """;
}
