using OpenFabriques.Web.Lieux;

namespace OpenFabriques.Web.Exports;

/// <summary>The export queries; <c>{filtre}</c> stands for the condition of a <see cref="Lieux.LieuFilter"/> (fixed fragments only).</summary>
internal static class ExportsSql
{
    /// <summary>One row per place in its public shape (<see cref="LieuPublic"/>): feeds the CSV and GeoJSON writers.</summary>
    public const string Lieux = $$"""
        SELECT {{LieuPublic.Colonnes}}
        FROM lieux l
        {{LieuPublic.Services}}
        WHERE {filtre}
        ORDER BY l.id
        """;

    /// <summary>One row per source record of the filtered places, with the record it was matched with.</summary>
    public const string Fiches = """
        SELECT f.lieu_id, f.source, f.source_id, f.nom, f.adresse, f.code_postal, f.commune, f.departement, f.lon, f.lat, f.date_maj,
               f.fusion_regle, a.source || ':' || a.source_id, f.fusion_distance_m,
               f.position_approximative
        FROM lieux l
        JOIN fiches f ON f.lieu_id = l.id
        LEFT JOIN fiches a ON a.id = f.fusion_avec
        WHERE {filtre}
        ORDER BY f.lieu_id, f.id
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


    /// <summary>The dataset version: the last finished import, and when it finished.</summary>
    public const string Version = "SELECT coalesce(max(id), 0), max(finished_at) FROM imports WHERE finished_at IS NOT NULL";

    /// <summary>The sources of the places matching a filter, with their last import.</summary>
    public const string Sources = """
        SELECT f.source, count(*)::int, i.finished_at, i.origin, i.sha256
        FROM lieux l
        JOIN fiches f ON f.lieu_id = l.id
        LEFT JOIN LATERAL (SELECT finished_at, origin, sha256 FROM imports WHERE source = f.source AND finished_at IS NOT NULL
                           ORDER BY id DESC LIMIT 1) i ON true
        WHERE {filtre}
        GROUP BY f.source, i.finished_at, i.origin, i.sha256
        ORDER BY f.source
        """;
}
