namespace OpenFabriques.Geo.Model;

/// <summary>One outcome of a reader: a record, or the error that rejected a row.</summary>
public readonly record struct ReadItem
{
    private ReadItem(LieuRecord? record, RowError? error) => (Record, Error) = (record, error);

    /// <summary>The record read, when the row was accepted.</summary>
    public LieuRecord? Record { get; }

    /// <summary>Why the row was rejected, when it was.</summary>
    public RowError? Error { get; }

    /// <summary>An accepted row.</summary>
    public static ReadItem Ok(LieuRecord record) => new(record ?? throw new ArgumentNullException(nameof(record)), null);

    /// <summary>A rejected row.</summary>
    public static ReadItem Fail(RowError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
