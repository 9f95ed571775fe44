using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenFabriques.Geo.Formats.Csv;
using OpenFabriques.Geo.Formats.Json;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats.Lmn;

/// <summary>
/// Reads lieux de médiation numérique: schema v1.x (CSV with lists separated by "|", or JSON) and v0.1
/// (JSON or CSV, lists separated by ";"). The file kind (JSON or CSV) and the schema version are
/// detected: JSON starts with "[", and the fields only one version has tell the version.
/// </summary>
public sealed class LmnReader : ILieuReader
{
    /// <inheritdoc />
    public string Format => "lmn";

    /// <inheritdoc />
    public IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        JsonOrCsv.ReadAsync(stream, ReadJsonAsync, ReadCsvAsync, cancellationToken);

    private static async IAsyncEnumerable<ReadItem> ReadJsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var known = new HashSet<string>(LmnSchema.V1Fields.Concat(LmnSchema.V01Fields), StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        long n = 0;
        bool? v1 = null; // decided by the first record whose fields tell the version
        await foreach (var element in JsonArrayReader.ReadAsync(stream, property: null, ct))
        {
            n++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                yield return ReadItem.Fail(new RowError(n, null, "l'enregistrement n'est pas un objet JSON"));
                continue;
            }
            var fields = new JsonFieldSource(element, n);
            foreach (var name in fields.Names) if (!known.Contains(name)) unknown.Add(name);
            v1 ??= LmnSchema.IsV1(fields.Names);
            yield return LmnRecordMapper.Map(fields, v1 ?? !(fields.Text("services")?.Contains(';', StringComparison.Ordinal) ?? false));
        }
        if (unknown.Count > 0)
            yield return ReadItem.Notice(new RowError(1, string.Join(", ", unknown), "propriété(s) inconnue(s), ignorée(s)"));
    }

    private static IAsyncEnumerable<ReadItem> ReadCsvAsync(Stream stream, CancellationToken ct) =>
        CsvRows.ReadAsync(stream, LmnSchema.Required, LmnSchema.V1Fields.Concat(LmnSchema.V01Fields).ToList(), table =>
        {
            var v1 = LmnSchema.IsV1(table.Header) ?? true;
            return fields => LmnRecordMapper.Map(fields, v1);
        }, ct);
}
