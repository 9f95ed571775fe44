using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats;

/// <summary>Reads one source format into canonical records and row errors, streaming.</summary>
public interface ILieuReader
{
    /// <summary>Format name used on the command line (e.g. "lmn").</summary>
    string Format { get; }

    /// <summary>Reads every row of <paramref name="stream"/>; a bad row yields an error and reading goes on.</summary>
    IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default);
}
