using Npgsql;

namespace OpenFabriques.Web.Sources;

/// <summary>
/// The sources whose places are stored, for the footer of every page: asked of the database at most every 30 s,
/// and, when the database does not answer (the error pages), the registry's sources instead.
/// </summary>
public sealed class SourcesChargees(NpgsqlDataSource db, SourceRegistry registry, TimeProvider clock)
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);
    private volatile Tuple<DateTimeOffset, IReadOnlyList<string>>? cache;

    /// <summary>The citations of the sources of the stored places: registered ones in the registry's order, then the others.</summary>
    public async Task<IReadOnlyList<string>> CitationsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache is { } c && now - c.Item1 < Duree) return c.Item2;
        IReadOnlyList<string> citations;
        try
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            await using var cmd = db.CreateCommand(SourcesSql.Chargees);
            cmd.CommandTimeout = 5;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
            citations = registry.All.Where(s => keys.Remove(s.Cle)).Select(s => s.Citation)
                .Concat(keys.Order(StringComparer.Ordinal).Select(registry.Citation)).ToList();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return registry.All.Select(s => s.Citation).ToList();
        }
        cache = Tuple.Create(now, citations);
        return citations;
    }
}

internal static class SourcesSql
{
    /// <summary>The distinct sources of the stored records (a loose index scan on the (source, source_id) key).</summary>
    public const string Chargees = """
        WITH RECURSIVE s AS (
            (SELECT source FROM fiches ORDER BY source LIMIT 1)
            UNION ALL
            SELECT (SELECT l.source FROM fiches l WHERE l.source > s.source ORDER BY l.source LIMIT 1) FROM s WHERE s.source IS NOT NULL)
        SELECT source FROM s WHERE source IS NOT NULL
        """;
}
