namespace OpenFabriques.Web.Lieux;

internal static class LieuxSql
{
    /// <summary>The query with the filter's condition in place.</summary>
    public static string With(string sql, string condition) => sql.Replace("{filtre}", condition, StringComparison.Ordinal);

    /// <summary>
    /// The map's feed: one light GeoJSON Feature per located place (name, commune, département,
    /// service labels), coordinates rounded to 6 decimals (about 10 cm).
    /// </summary>
    public const string MapFeatures = """
        SELECT json_build_object(
            'type', 'Feature',
            'id', l.id,
            'properties', json_build_object(
                'id', l.id,
                'nom', l.nom,
                'commune', l.commune,
                'departement', l.departement,
                'services', coalesce((
                    SELECT json_agg(s.libelle ORDER BY s.ordre)
                    FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
                    WHERE ls.lieu_id = l.id), '[]'::json)),
            'geometry', ST_AsGeoJSON(l.geom, 6)::json)::text
        FROM lieux l
        WHERE l.geom IS NOT NULL AND {filtre}
        ORDER BY l.id
        """;
}
