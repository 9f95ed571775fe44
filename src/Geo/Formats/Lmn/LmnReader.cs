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
    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var peekable = new PeekableStream(stream);
        var json = IsJson((await peekable.PeekAsync(512, cancellationToken)).Span);
        var items = json ? ReadJsonAsync(peekable, cancellationToken) : ReadCsvAsync(peekable, cancellationToken);
        await foreach (var item in items) yield return item;
    }

    /// <summary>Whether the first significant byte (after spaces and a byte order mark) opens JSON.</summary>
    internal static bool IsJson(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            return b is (byte)'[' or (byte)'{';
        }
        return false;
    }

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
