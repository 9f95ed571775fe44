using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Writes the long shape analysts want: one row per place and service (<see cref="LieuColumns.LieuxServices"/>),
/// with the same CSV rules as <see cref="LieuCsvWriter"/>.
/// </summary>
public sealed class LieuServiceCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Creates a writer on <paramref name="writer"/>; <paramref name="delimiter"/> "," or ";" (French Excel).</summary>
    public LieuServiceCsvWriter(TextWriter writer, string delimiter = ",")
    {
        ArgumentNullException.ThrowIfNull(writer);
        csv = new CsvWriter(writer, LieuCsvWriter.Configuration(delimiter));
    }

    /// <summary>Writes the header line.</summary>
    public async Task WriteHeaderAsync()
    {
        foreach (var c in LieuColumns.LieuxServices) csv.WriteField(c.Name);
        await csv.NextRecordAsync();
    }

    /// <summary>Writes one (place, service) row.</summary>
    public async Task WriteAsync(long lieuId, string source, string sourceId, string nom, string? commune, string? departement,
        string service, string serviceLibelle, string groupe, string libelleSource)
    {
        csv.WriteField(lieuId.ToString(CultureInfo.InvariantCulture));
        foreach (var v in new[] { source, sourceId, nom, commune, departement, service, serviceLibelle, groupe, libelleSource })
            csv.WriteField(v is null ? "" : SpreadsheetSafety.Neutralise(v));
        await csv.NextRecordAsync();
    }

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
