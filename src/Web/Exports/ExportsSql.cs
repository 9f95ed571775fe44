namespace OpenFabriques.Web.Exports;

/// <summary>The export queries; <c>{filtre}</c> stands for the condition of a <see cref="Lieux.LieuFilter"/> (fixed fragments only).</summary>
internal static class ExportsSql
{
    /// <summary>The query with the filter's condition in place.</summary>
    public static string With(string sql, string condition) => sql.Replace("{filtre}", condition, StringComparison.Ordinal);

    /// <summary>One row per place, its services in taxonomy order as two aligned arrays.</summary>
    public const string Lieux = """
        SELECT l.id, l.source, l.source_id, l.nom, l.adresse, l.code_postal, l.code_insee, l.commune, l.departement,
               l.lon, l.lat, coalesce(sv.slugs, '{}'), coalesce(sv.sources, '{}'), l.labels, l.typologie,
               l.site_web, l.telephone, l.horaires, l.description, l.date_maj
        FROM lieux l
        LEFT JOIN LATERAL (
            SELECT array_agg(ls.service_slug ORDER BY s.ordre) AS slugs, array_agg(ls.libelle_source ORDER BY s.ordre) AS sources
            FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
            WHERE ls.lieu_id = l.id) sv ON true
        WHERE {filtre}
        ORDER BY l.id
        """;

    /// <summary>One row per (place, service).</summary>
    public const string LieuxServices = """
        SELECT l.id, l.source, l.source_id, l.nom, l.commune, l.departement, s.slug, s.libelle, s.groupe, ls.libelle_source
        FROM lieux l
        JOIN lieux_services ls ON ls.lieu_id = l.id
        JOIN services s ON s.slug = ls.service_slug
        WHERE {filtre}
        ORDER BY l.id, s.ordre
        """;

    /// <summary>
    /// One RFC 7946 Feature per place, written by PostgreSQL (lon, lat; null geometry when unlocated). The
    /// point is written from the stored lon/lat, whose text form is the shortest that reads back exactly:
    /// coordinates survive an export and re-import to the last bit.
    /// </summary>
    public const string LieuxGeoJson = """
        SELECT json_build_object(
            'type', 'Feature',
            'id', l.id,
            'geometry', CASE WHEN l.lon IS NULL THEN NULL
                             ELSE json_build_object('type', 'Point', 'coordinates', json_build_array(l.lon, l.lat)) END,
            'properties', json_build_object(
                'id', l.id, 'source', l.source, 'source_id', l.source_id, 'nom', l.nom, 'adresse', l.adresse,
                'code_postal', l.code_postal, 'code_insee', l.code_insee, 'commune', l.commune,
                'departement', l.departement,
                'services', coalesce((
                    SELECT json_agg(json_build_object('slug', s.slug, 'libelle', s.libelle, 'groupe', s.groupe,
                                                      'libelle_source', ls.libelle_source) ORDER BY s.ordre)
                    FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
                    WHERE ls.lieu_id = l.id), '[]'::json),
                'labels', to_json(l.labels), 'typologie', l.typologie, 'site_web', l.site_web,
                'telephone', l.telephone, 'horaires', l.horaires, 'description', l.description,
                'date_maj', l.date_maj))::text
        FROM lieux l
        WHERE {filtre}
        ORDER BY l.id
        """;

    public const string Count = "SELECT count(*) FROM lieux l WHERE {filtre}";

    /// <summary>The dataset version: the last finished import, and when it finished.</summary>
    public const string Version = "SELECT coalesce(max(id), 0), max(finished_at) FROM imports WHERE finished_at IS NOT NULL";

    /// <summary>The sources of the places matching a filter, with their last import.</summary>
    public const string Sources = """
        SELECT l.source, count(*)::int, i.finished_at, i.origin, i.sha256
        FROM lieux l
        LEFT JOIN LATERAL (SELECT finished_at, origin, sha256 FROM imports WHERE source = l.source AND finished_at IS NOT NULL
                           ORDER BY id DESC LIMIT 1) i ON true
        WHERE {filtre}
        GROUP BY l.source, i.finished_at, i.origin, i.sha256
        ORDER BY l.source
        """;
}
