namespace OpenFabriques.Web.Donnees;

internal static class DonneesSql
{
    /// <summary>Places and (place, service) rows matching a filter: the row counts of the two CSV files.</summary>
    public const string Counts = """
        SELECT count(*), coalesce(sum((SELECT count(*) FROM lieux_services ls WHERE ls.lieu_id = l.id)), 0)::bigint
        FROM lieux l WHERE {filtre}
        """;

    /// <summary>Every label with its number of places, most frequent first.</summary>
    public const string Labels = """
        SELECT x.label, count(*) FROM lieux l CROSS JOIN LATERAL unnest(l.labels) AS x(label)
        GROUP BY x.label ORDER BY count(*) DESC, x.label
        """;

    /// <summary>Every source with the number of places it lists (its records) and its last import.</summary>
    public const string Sources = """
        SELECT s.source, s.n, i.finished_at, i.format
        FROM (SELECT source, count(*) AS n FROM fiches GROUP BY source) s
        LEFT JOIN LATERAL (SELECT finished_at, format FROM imports WHERE source = s.source AND finished_at IS NOT NULL
                           ORDER BY id DESC LIMIT 1) i ON true
        ORDER BY s.n DESC, s.source
        """;

}
