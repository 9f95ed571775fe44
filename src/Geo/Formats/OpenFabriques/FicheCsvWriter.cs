using System.Globalization;
using CsvHelper;

namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Writes the source records of the places (<see cref="LieuColumns.Fiches"/>), one per row, with the same CSV rules as
/// <see cref="LieuCsvWriter"/>: what each source says of each place, and why records were merged.
/// </summary>
public sealed class FicheCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Creates a writer on <paramref name="writer"/>; <paramref name="delimiter"/> "," or ";" (French Excel).</summary>
    public FicheCsvWriter(TextWriter writer, string delimiter = ",")
    {
        ArgumentNullException.ThrowIfNull(writer);
        csv = new CsvWriter(writer, LieuCsvWriter.Configuration(delimiter));
    }

    /// <summary>Writes the header line.</summary>
    public async Task WriteHeaderAsync()
    {
        foreach (var c in LieuColumns.Fiches) csv.WriteField(c.Name);
        await csv.NextRecordAsync();
    }

    /// <summary>Writes one record.</summary>
    public async Task WriteAsync(long lieuId, string source, string sourceId, string nom, string? adresse, string? codePostal, string? commune,
        string? departement, double? longitude, double? latitude, DateOnly? dateMaj, string? regle, string? avec, double? distance,
        bool positionApproximative)
    {
        csv.WriteField(lieuId.ToString(CultureInfo.InvariantCulture));
        foreach (var v in new[] { source, sourceId, nom, adresse, codePostal, commune, departement })
            csv.WriteField(v is null ? "" : SpreadsheetSafety.Neutralise(v));
        csv.WriteField(longitude?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(latitude?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(dateMaj?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(regle ?? "");
        csv.WriteField(avec is null ? "" : SpreadsheetSafety.Neutralise(avec));
        csv.WriteField(distance?.ToString("0.#", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(positionApproximative ? "true" : "false");
        await csv.NextRecordAsync();
    }

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
