using System.Text;
using Npgsql;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// Writes a GeoJSON FeatureCollection (RFC 7946) whose features PostGIS wrote, one per row of the
/// reader's first column, as they arrive: memory stays flat whatever the number of features.
/// </summary>
public static class GeoJsonFeatureWriter
{
    private static readonly byte[] Head = "{\"type\":\"FeatureCollection\",\"features\":[\n"u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] Tail = "\n]}\n"u8.ToArray();

    public static async Task<long> WriteAsync(Stream output, NpgsqlDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reader);
        // Not disposed: that would close the caller's stream.
        var buffered = new BufferedStream(output, 1 << 16);
        await buffered.WriteAsync(Head, ct);
        long rows = 0;
        var bytes = new byte[4096];
        while (await reader.ReadAsync(ct))
        {
            if (rows++ > 0) await buffered.WriteAsync(Separator, ct);
            var feature = reader.GetString(0);
            var max = Encoding.UTF8.GetMaxByteCount(feature.Length);
            if (bytes.Length < max) bytes = new byte[Math.Max(max, bytes.Length * 2)];
            var n = Encoding.UTF8.GetBytes(feature, bytes);
            await buffered.WriteAsync(bytes.AsMemory(0, n), ct);
        }
        await buffered.WriteAsync(Tail, ct);
        await buffered.FlushAsync(ct);
        return rows;
    }
}
