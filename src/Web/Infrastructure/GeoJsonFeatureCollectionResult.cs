using System.Text;
using Npgsql;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// Streams a GeoJSON FeatureCollection (RFC 7946) whose features PostGIS writes, one per row,
/// as they are read: memory stays flat whatever the number of features.
/// </summary>
public sealed class GeoJsonFeatureCollectionResult(
    NpgsqlDataSource dataSource,
    string sql,
    Action<NpgsqlParameterCollection>? parameters = null) : IResult
{
    public const string ContentType = "application/geo+json; charset=utf-8";

    private static readonly byte[] Head = "{\"type\":\"FeatureCollection\",\"features\":[\n"u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] Tail = "\n]}\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var ct = httpContext.RequestAborted;
        await using var cmd = dataSource.CreateCommand(sql);
        parameters?.Invoke(cmd.Parameters);
        // Open the reader before the first byte: a database error still becomes a proper error response.
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        var response = httpContext.Response;
        response.ContentType = ContentType;
        var body = response.BodyWriter;
        await body.WriteAsync(Head, ct);
        var first = true;
        while (await reader.ReadAsync(ct))
        {
            if (!first) await body.WriteAsync(Separator, ct);
            first = false;
            var feature = reader.GetString(0);
            var span = body.GetSpan(Encoding.UTF8.GetMaxByteCount(feature.Length));
            body.Advance(Encoding.UTF8.GetBytes(feature, span));
            if (body.UnflushedBytes > 32 * 1024) await body.FlushAsync(ct);
        }
        await body.WriteAsync(Tail, ct);
    }
}
