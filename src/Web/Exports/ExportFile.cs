using System.Text;
using Npgsql;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Model;
using OpenFabriques.Web.Lieux;

namespace OpenFabriques.Web.Exports;

/// <summary>
/// The three downloadable files. Each writes to any stream from one query read row by row, so the
/// response and the receipt (<c>/exports/manifest.json</c>) are the same bytes, with flat memory.
/// </summary>
public sealed record ExportFile(string Name, string MediaType, string Extension)
{
    public static readonly ExportFile Lieux = new("lieux", "text/csv", "csv");
    public static readonly ExportFile LieuxServices = new("lieux-services", "text/csv", "csv");
    public static readonly ExportFile LieuxGeoJson = new("lieux", "application/geo+json", "geojson");
    public static readonly ExportFile Sources = new("sources", "text/csv", "csv");

    public static readonly IReadOnlyList<ExportFile> All = [Lieux, LieuxServices, LieuxGeoJson, Sources];

    public string Path => $"/exports/{Name}.{Extension}";

    /// <summary>Writes the file for <paramref name="filter"/>; returns the number of rows (features).</summary>
    public async Task<long> WriteAsync(Stream output, NpgsqlDataSource db, LieuFilter filter, bool excel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = filter.ToSql();
        var sql = LieuFilter.Into(this == LieuxServices ? ExportsSql.LieuxServices : this == Sources ? ExportsSql.Fiches : ExportsSql.Lieux, where);
        await using var cmd = db.CreateCommand(sql);
        // Npgsql's time-out bounds each wait for rows, not the whole stream: a stuck query ends, a long export does not.
        cmd.CommandTimeout = 60;
        parameters(cmd.Parameters);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (this == LieuxGeoJson)
        {
            await using var geojson = new LieuGeoJsonWriter(output);
            geojson.WriteStart();
            long features = 0;
            while (await reader.ReadAsync(ct))
            {
                var (id, lieu) = LieuPublic.Read(reader); // columns in order: the reader is sequential
                await geojson.WriteAsync(lieu, id, ct);
                features++;
            }
            await geojson.WriteEndAsync(ct);
            return features;
        }

        // French Excel opens UTF-8 only with a byte order mark, and expects ";".
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: excel), 1 << 16, leaveOpen: true);
        var delimiter = excel ? ";" : ",";
        long rows = 0;
        if (this == Sources)
        {
            await using var csv = new FicheCsvWriter(text, delimiter);
            await csv.WriteHeaderAsync();
            while (await reader.ReadAsync(ct))
            {
                double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                await csv.WriteAsync(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                    Text(reader, 6), Text(reader, 7), D(8), D(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10), Text(reader, 11),
                    Text(reader, 12), D(13), reader.GetBoolean(14));
                rows++;
            }
        }
        else if (this == LieuxServices)
        {
            await using var csv = new LieuServiceCsvWriter(text, delimiter);
            await csv.WriteHeaderAsync();
            while (await reader.ReadAsync(ct))
            {
                await csv.WriteAsync(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    Text(reader, 4), Text(reader, 5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9));
                rows++;
            }
        }
        else
        {
            await using var csv = new LieuCsvWriter(text, delimiter);
            await csv.WriteHeaderAsync();
            while (await reader.ReadAsync(ct))
            {
                var (id, lieu) = LieuPublic.Read(reader);
                await csv.WriteAsync(lieu, id, lieu.Source!);
                rows++;
            }
        }
        await text.FlushAsync(ct);
        return rows;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
