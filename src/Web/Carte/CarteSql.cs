namespace OpenFabriques.Web.Carte;

internal static class IndexSql
{
    /// <summary>The labels places carry, most frequent first (the label filter's choices).</summary>
    public const string Labels = """
        SELECT min(x.label), count(*) FROM lieux l, unnest(l.labels) AS x(label)
        GROUP BY lower(unaccent(x.label)) ORDER BY count(*) DESC, min(x.label) LIMIT 30
        """;
}
