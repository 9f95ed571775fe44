using System.Runtime.CompilerServices;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats;

/// <summary>For formats published both ways: reads JSON when the file starts with "[" or "{", CSV otherwise.</summary>
public static class JsonOrCsv
{
    /// <summary>Peeks at the first bytes of <paramref name="stream"/> and hands it to the matching reader.</summary>
    public static async IAsyncEnumerable<ReadItem> ReadAsync(Stream stream,
        Func<Stream, CancellationToken, IAsyncEnumerable<ReadItem>> json,
        Func<Stream, CancellationToken, IAsyncEnumerable<ReadItem>> csv,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(csv);
        await using var peekable = new PeekableStream(stream);
        var items = IsJson((await peekable.PeekAsync(512, cancellationToken)).Span) ? json(peekable, cancellationToken) : csv(peekable, cancellationToken);
        await foreach (var item in items) yield return item;
    }

    /// <summary>Whether the first significant byte (after spaces and a byte order mark) opens JSON.</summary>
    public static bool IsJson(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            return b is (byte)'[' or (byte)'{';
        }
        return false;
    }
}
