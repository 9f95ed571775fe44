using System.Runtime.CompilerServices;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats.Csv;

/// <summary>
/// The loop every CSV reader shares: open the table (header checks, one notice for unknown columns),
/// then each row either rejected for its shape or handed to the format's mapping.
/// </summary>
public static class CsvRows
{
    /// <summary>Reads <paramref name="stream"/>, mapping each well-formed row with <paramref name="map"/>.</summary>
    public static async IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, IReadOnlyCollection<string> required,
        IReadOnlyCollection<string> known, Func<CsvTable, Func<CsvFieldSource, ReadItem>> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var (table, notice) = await CsvTable.OpenAsync(stream, required, known, cancellationToken);
        using (table)
        {
            if (notice is not null) yield return ReadItem.Notice(notice);
            var mapRow = map(table);
            var fields = new CsvFieldSource(table);
            while (await table.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return table.ShapeError() is { } shape ? ReadItem.Fail(shape) : mapRow(fields);
            }
        }
    }
}
