using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Lieux;

/// <summary><c>/api/lieux</c> (filtered, paged, with service counts) and <c>/api/lieux/proches</c> (nearest first).</summary>
public static class LieuxQueryApi
{
    public const int MaxPage = 500;
    public const int MaxNearest = 100;

    public static IEndpointRouteBuilder MapLieuxQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Lieux").RequireCors(WebExtensions.OpenDataCors);
        api.MapGet("/lieux", HandlePageAsync)
            .WithSummary("Les lieux filtrés, par pages : {total, limit, offset, items, services}. Avec lat et lon, du plus proche au plus lointain, distance en mètres.")
            .WithQueryParameters([.. QueryParameter.Filters,
                new QueryParameter("limit", $"Taille de la page (1 à {MaxPage}, 50 par défaut).", "integer"),
                new QueryParameter("offset", "Rang du premier lieu (0 par défaut).", "integer")]);
        api.MapGet("/lieux/proches", NearestAsync)
            .WithSummary("Les lieux les plus proches d'un point, avec leur distance en mètres.")
            .WithQueryParameters([.. QueryParameter.Filters,
                new QueryParameter("limit", $"Nombre de lieux (1 à {MaxNearest}, 10 par défaut).", "integer")]);
        return app;
    }

    private static async Task<IResult> HandlePageAsync(HttpRequest request, NpgsqlDataSource db)
    {
        var parsed = LieuFilter.Parse(request.Query);
        if (parsed.Filter is not { } filter) return parsed.Problem();
        if (!QueryNumbers.TryInt(request, "limit", 50, 1, MaxPage, out var limit, out var problem)) return problem!;
        if (!QueryNumbers.TryInt(request, "offset", 0, 0, int.MaxValue, out var offset, out problem)) return problem!;
        var page = await PageAsync(db, filter, LieuFilter.Point(request.Query), limit, offset, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new { total = page.Total, limit, offset, items = page.Items, services = page.Services });
    }

    /// <summary>A page of filtered places (nearest first from <paramref name="point"/>), their total and the count per service.</summary>
    public sealed record Page(long Total, IReadOnlyList<JsonElement> Items, IReadOnlyDictionary<string, long> Services);

    public static async Task<Page> PageAsync(NpgsqlDataSource db, LieuFilter filter, (double Lat, double Lon)? point, int limit, int offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = filter.ToSql();
        void Point(NpgsqlParameterCollection p)
        {
            p.Add(new NpgsqlParameter("lon", NpgsqlDbType.Double) { Value = point is { } x ? x.Lon : DBNull.Value });
            p.Add(new NpgsqlParameter("lat", NpgsqlDbType.Double) { Value = point is { } y ? y.Lat : DBNull.Value });
        }

        long total;
        await using (var count = db.CreateCommand(LieuFilter.Into(LieuxSql.Count, where)))
        {
            parameters(count.Parameters);
            Point(count.Parameters);
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var items = new List<JsonElement>();
        await using (var page = db.CreateCommand(LieuFilter.Into(LieuxSql.Page, where)))
        {
            parameters(page.Parameters);
            Point(page.Parameters);
            page.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
            page.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
            await using var reader = await page.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) items.Add(LieuPublic.Item(reader, distance: true));
        }
        var services = new Dictionary<string, long>();
        var (facetWhere, facetParameters) = (filter with { Services = [] }).ToSql();
        await using (var facets = db.CreateCommand(LieuFilter.Into(LieuxSql.ServiceCounts, facetWhere)))
        {
            facetParameters(facets.Parameters);
            await using var reader = await facets.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) services[reader.GetString(0)] = reader.GetInt64(1);
        }
        return new Page(total, items, services);
    }

    private static async Task<IResult> NearestAsync(HttpRequest request, NpgsqlDataSource db)
    {
        var parsed = LieuFilter.Parse(request.Query);
        if (parsed.Filter is not { } filter) return parsed.Problem();
        if (LieuFilter.Point(request.Query) is not { } point)
            return ParameterProblem.For(request.Query.ContainsKey("lat") ? "lon" : "lat", "lat et lon sont obligatoires (WGS 84, point décimal)");
        if (!QueryNumbers.TryInt(request, "limit", 10, 1, MaxNearest, out var limit, out var problem)) return problem!;
        var (where, parameters) = filter.ToSql();
        await using var cmd = db.CreateCommand(LieuFilter.Into(LieuxSql.Nearest, where));
        parameters(cmd.Parameters);
        cmd.Parameters.Add(new NpgsqlParameter("lon", NpgsqlDbType.Double) { Value = point.Lon });
        cmd.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Double) { Value = point.Lat });
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        var items = new List<JsonElement>();
        await using var reader = await cmd.ExecuteReaderAsync(request.HttpContext.RequestAborted);
        while (await reader.ReadAsync()) items.Add(LieuPublic.Item(reader, distance: true));
        return TypedResults.Ok(new { lat = point.Lat, lon = point.Lon, items });
    }

}
