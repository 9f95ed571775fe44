using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats.Csv;

/// <summary>
/// A CSV file read row by row with its header: RFC 4180 quoting (fields may span lines), the delimiter
/// detected among "," ";" and tab, a UTF-8 byte order mark ignored, columns found by name whatever
/// their case. Each row knows the physical line it starts on.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamReader text;
    private readonly CsvParser parser;
    private readonly Dictionary<string, int> columns;
    private long lastRawRow;

    private CsvTable(StreamReader text, CsvParser parser, Dictionary<string, int> columns, long headerRawRow)
    {
        this.text = text;
        this.parser = parser;
        this.columns = columns;
        lastRawRow = headerRawRow;
    }

    /// <summary>The header as written.</summary>
    public IReadOnlyCollection<string> Header => columns.Keys;

    /// <summary>Physical line (1-based) on which the current row starts.</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields of the current row.</summary>
    public int FieldCount => parser.Count;

    /// <summary>Number of columns of the header.</summary>
    public int ColumnCount => columns.Count;

    /// <summary>
    /// Opens a table: reads the header, fails with <see cref="SourceFormatException"/> when a required
    /// column is missing, and returns one notice listing the columns it does not know (ignored).
    /// </summary>
    public static async Task<(CsvTable Table, RowError? UnknownColumns)> OpenAsync(
        Stream stream, IReadOnlyCollection<string> required, IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(known);
        var peekable = new PeekableStream(stream);
        var delimiter = Delimiter((await peekable.PeekAsync(64 * 1024, cancellationToken)).Span);
        var text = new StreamReader(peekable, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
        };
        var parser = new CsvParser(text, config);
        if (!await parser.ReadAsync())
        {
            parser.Dispose();
            text.Dispose();
            throw new SourceFormatException("le fichier est vide : aucune ligne d'en-tête");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parser.Count; i++)
        {
            var name = parser[i].Trim().TrimStart('\uFEFF');
            columns.TryAdd(name, i);
        }
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            parser.Dispose();
            text.Dispose();
            throw new SourceFormatException(
                $"colonne{(missing.Count > 1 ? "s" : "")} obligatoire{(missing.Count > 1 ? "s" : "")} absente{(missing.Count > 1 ? "s" : "")} de l'en-tête : {string.Join(", ", missing)}");
        }
        var knownSet = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        var unknown = columns.Keys.Where(c => !knownSet.Contains(c) && c.Length > 0).ToList();
        var notice = unknown.Count == 0 ? null
            : new RowError(1, string.Join(", ", unknown), $"colonne{(unknown.Count > 1 ? "s" : "")} inconnue{(unknown.Count > 1 ? "s" : "")}, ignorée{(unknown.Count > 1 ? "s" : "")}");
        return (new CsvTable(text, parser, columns, parser.RawRow), notice);
    }

    /// <summary>The delimiter of the header line: the most frequent of "," ";" and tab outside quotes.</summary>
    private static string Delimiter(ReadOnlySpan<byte> head)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var b in head)
        {
            if (b == (byte)'"') quoted = !quoted;
            else if (quoted) continue;
            else if (b is (byte)'\n' or (byte)'\r') break;
            else if (b == (byte)',') comma++;
            else if (b == (byte)';') semicolon++;
            else if (b == (byte)'\t') tab++;
        }
        return semicolon > comma && semicolon >= tab ? ";" : tab > comma && tab > semicolon ? "\t" : ",";
    }

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    public async Task<bool> ReadAsync()
    {
        while (await parser.ReadAsync())
        {
            Line = lastRawRow + 1;
            lastRawRow = parser.RawRow;
            if (parser.Count == 1 && parser[0].Length == 0) continue; // a blank line
            return true;
        }
        return false;
    }

    /// <summary>Whether the header has this column.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The raw value of a column in the current row; null when the column or the field is absent.</summary>
    public string? this[string column] =>
        columns.TryGetValue(column, out var i) && i < parser.Count ? parser[i] : null;

    /// <summary>An error for the current row when its number of fields differs from the header's.</summary>
    public RowError? ShapeError() => FieldCount == ColumnCount ? null
        : new RowError(Line, null, $"la ligne a {FieldCount} champ(s), l'en-tête en a {ColumnCount}");

    /// <inheritdoc />
    public void Dispose()
    {
        parser.Dispose();
        text.Dispose();
    }
}
