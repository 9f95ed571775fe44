using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Communes;

public static class CommunesApi
{
    /// <summary><c>/api/communes?q=</c>: communes by the start of their name (accents, case, hyphens ignored) or by postcode.</summary>
    public static IEndpointRouteBuilder MapCommunesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Communes").RequireCors(WebExtensions.OpenDataCors)
            .MapGet("/communes", HandleAsync)
            .WithSummary("Suggestions de communes pour la recherche : nom (début), ou code postal à cinq chiffres.")
            .WithQueryParameters(new QueryParameter("q", "Début du nom de la commune, ou code postal (2 à 100 caractères)."),
                new QueryParameter("limit", "Nombre de suggestions (1 à 20, 8 par défaut).", "integer"));
        return app;
    }

    public sealed record Commune(
        string Code, string Nom, string Departement,
        [property: System.Text.Json.Serialization.JsonPropertyName("codes_postaux")] string[] CodesPostaux,
        double Lon, double Lat,
        [property: System.Text.Json.Serialization.JsonPropertyName("source_point")] string? SourcePoint);

    private static async Task<IResult> HandleAsync(HttpRequest request, NpgsqlDataSource db)
    {
        var q = request.Query["q"].ToString().Trim();
        if (q.Length is < 2 or > 100) return ParameterProblem.For("q", "de 2 à 100 caractères");
        if (!QueryNumbers.TryInt(request, "limit", 8, 1, 20, out var limit, out var problem)) return problem!;
        var results = await SearchAsync(db, q, limit, request.HttpContext.RequestAborted);
        return TypedResults.Ok(results);
    }

    /// <summary>The communes a search text designates, most populated first.</summary>
    public static async Task<List<Commune>> SearchAsync(NpgsqlDataSource db, string q, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(q);
        var postcode = q.Length == 5 && q.All(char.IsAsciiDigit) ? q : null;
        string normalised;
        await using (var norm = db.CreateCommand(CommunesSql.Normalise))
        {
            norm.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = q });
            normalised = (string)(await norm.ExecuteScalarAsync(ct))!;
        }
        await using var cmd = db.CreateCommand(CommunesSql.Search);
        cmd.Parameters.Add(new NpgsqlParameter("postcode", NpgsqlDbType.Text) { Value = (object?)postcode ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = normalised.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%" });
        cmd.Parameters.Add(new NpgsqlParameter("exact", NpgsqlDbType.Text) { Value = normalised });
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        var list = new List<Commune>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Commune(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return list;
    }
}
