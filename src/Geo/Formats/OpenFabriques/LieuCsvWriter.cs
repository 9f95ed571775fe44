using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Writes places in the portal's CSV format (<see cref="LieuColumns"/>): RFC 4180, lists in one cell
/// separated by "|" (<see cref="ListCodec"/>), text cells neutralised against spreadsheet formulas
/// (<see cref="SpreadsheetSafety"/>), numbers and dates in invariant notation.
/// </summary>
public sealed class LieuCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Creates a writer on <paramref name="writer"/>; <paramref name="delimiter"/> "," or ";" (French Excel).</summary>
    public LieuCsvWriter(TextWriter writer, string delimiter = ",")
    {
        ArgumentNullException.ThrowIfNull(writer);
        csv = new CsvWriter(writer, Configuration(delimiter));
    }

    /// <summary>The CSV settings of the portal's exports: RFC 4180 with CRLF, quotes only where needed.</summary>
    internal static CsvConfiguration Configuration(string delimiter) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = delimiter,
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.None, // done per text cell, reversibly (SpreadsheetSafety)
        ShouldQuote = a => NeedsQuotes(a.Field, delimiter),
    };

    /// <summary>Writes the header line.</summary>
    public async Task WriteHeaderAsync()
    {
        foreach (var c in LieuColumns.All) csv.WriteField(c);
        await csv.NextRecordAsync();
    }

    /// <summary>Writes one place; <paramref name="id"/> is the portal's identifier, when it has one.</summary>
    public async Task WriteAsync(LieuRecord lieu, long? id, string source)
    {
        ArgumentNullException.ThrowIfNull(lieu);
        csv.WriteField(id?.ToString(CultureInfo.InvariantCulture) ?? "");
        Text(lieu.Source ?? source);
        Text(lieu.SourceId);
        Text(lieu.Nom);
        Text(lieu.Adresse);
        Text(lieu.CodePostal);
        Text(lieu.CodeInsee);
        Text(lieu.Commune);
        Text(lieu.Departement);
        csv.WriteField(lieu.Longitude?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(lieu.Latitude?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        Text(ListCodec.Join(lieu.Services.Select(s => s.Slug)));
        Text(ListCodec.Join(lieu.Services.Select(s => ServiceCatalog.Find(s.Slug)?.Libelle ?? s.Slug)));
        Text(ListCodec.Join(lieu.Services.Select(s => s.LibelleSource)));
        Text(ListCodec.Join(lieu.Labels));
        Text(lieu.Typologie);
        Text(lieu.SiteWeb);
        Text(lieu.Telephone);
        Text(lieu.Horaires);
        Text(lieu.Description);
        csv.WriteField(lieu.DateMaj?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(lieu.PositionApproximative ? "true" : "false");
        await csv.NextRecordAsync();
    }

    /// <summary>RFC 4180: quote a field holding a quote, the delimiter or any line break (CR alone too).</summary>
    private static bool NeedsQuotes(string? field, string delimiter) =>
        field is { Length: > 0 } f && (f.AsSpan().IndexOfAny("\"\r\n") >= 0 || f.Contains(delimiter, StringComparison.Ordinal)
            || f[0] == ' ' || f[^1] == ' ');

    private void Text(string? value) => csv.WriteField(value is null ? "" : SpreadsheetSafety.Neutralise(value));

    /// <summary>Flushes what is buffered to the underlying writer.</summary>
    public Task FlushAsync() => csv.FlushAsync();

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
