namespace OpenFabriques.Geo.Model;

/// <summary>
/// One outcome of a reader: an accepted record (possibly with warnings), a rejected row, or a
/// file-level notice (e.g. an unknown column, reported once).
/// </summary>
public readonly record struct ReadItem
{
    private ReadItem(LieuRecord? record, long line, RowError? error, IReadOnlyList<RowError> warnings) =>
        (Record, Line, Error, Warnings) = (record, line, error, warnings);

    /// <summary>Line (or record number) the record was read from.</summary>
    public long Line { get; }

    /// <summary>The record read, when the row was accepted.</summary>
    public LieuRecord? Record { get; }

    /// <summary>Why the row was rejected, when it was.</summary>
    public RowError? Error { get; }

    /// <summary>What was kept but is worth a look (a value outside the schema's enumeration, …).</summary>
    public IReadOnlyList<RowError> Warnings { get; }

    /// <summary>An accepted row.</summary>
    public static ReadItem Ok(LieuRecord record, long line, IReadOnlyList<RowError>? warnings = null) =>
        new(record ?? throw new ArgumentNullException(nameof(record)), line, null, warnings ?? []);

    /// <summary>A rejected row.</summary>
    public static ReadItem Fail(RowError error) => new(null, error?.Line ?? 0, error ?? throw new ArgumentNullException(nameof(error)), []);

    /// <summary>A notice about the file rather than a row.</summary>
    public static ReadItem Notice(RowError warning) => new(null, warning?.Line ?? 0, null, [warning ?? throw new ArgumentNullException(nameof(warning))]);
}
