using Npgsql;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// A response that streams a GeoJSON FeatureCollection (RFC 7946) whose features PostGIS writes,
/// one per row, as they are read (<see cref="GeoJsonFeatureWriter"/>).
/// </summary>
public sealed class GeoJsonFeatureCollectionResult(
    NpgsqlDataSource dataSource,
    string sql,
    Action<NpgsqlParameterCollection>? parameters = null) : IResult
{
    public const string ContentType = "application/geo+json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var ct = httpContext.RequestAborted;
        await using var cmd = dataSource.CreateCommand(sql);
        parameters?.Invoke(cmd.Parameters);
        // Open the reader before the first byte: a database error still becomes a proper error response.
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        httpContext.Response.ContentType = ContentType;
        await GeoJsonFeatureWriter.WriteAsync(httpContext.Response.Body, reader, ct);
    }
}
