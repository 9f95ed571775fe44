using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OpenFabriques.Geo.Formats.Json;

/// <summary>
/// Streams the elements of a JSON array without loading the document: the root array, or the array
/// under a top-level property (GeoJSON's "features"). Memory is bounded by the largest element.
/// </summary>
public static class JsonArrayReader
{
    /// <summary>Yields each element of the array; <paramref name="property"/> null for a root array.</summary>
    /// <exception cref="SourceFormatException">The document has no such array.</exception>
    /// <exception cref="JsonException">The document is not well-formed JSON.</exception>
    public static async IAsyncEnumerable<JsonElement> ReadAsync(Stream stream, string? property,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = default(JsonReaderState);
            var stage = property is null ? Stage.ExpectArray : Stage.ExpectRootObject;
            var depth = 0;
            var start = true;
            while (true)
            {
                if (!final)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                    if (read == 0) final = true;
                    length += read;
                    // A byte order mark (files saved by Windows editors) is not JSON: skip it.
                    if (start && (length >= 3 || final))
                    {
                        start = false;
                        if (buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                        {
                            buffer.AsSpan(3, length - 3).CopyTo(buffer);
                            length -= 3;
                        }
                    }
                    else if (start) continue;
                }
                var (consumed, elements, next, nextDepth, nextState, done) = Scan(buffer.AsSpan(0, length), final, state, stage, depth, property);
                foreach (var e in elements) yield return e;
                (stage, depth, state) = (next, nextDepth, nextState);
                if (done) yield break;
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (final && consumed == 0)
                    throw new SourceFormatException(property is null
                        ? "le document JSON ne contient pas de tableau à sa racine"
                        : $"le document JSON n'a pas de tableau « {property} »");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Stage { ExpectRootObject, SeekProperty, ExpectArray, InArray }

    private static (int Consumed, List<JsonElement> Elements, Stage Stage, int Depth, JsonReaderState State, bool Done) Scan(
        ReadOnlySpan<byte> data, bool final, JsonReaderState state, Stage stage, int depth, string? property)
    {
        var elements = new List<JsonElement>();
        var reader = new Utf8JsonReader(data, final, state);
        var consumed = 0;
        while (true)
        {
            var before = reader;
            if (!reader.Read()) return (consumed, elements, stage, depth, before.CurrentState, false);
            switch (stage)
            {
                case Stage.ExpectRootObject:
                    if (reader.TokenType != JsonTokenType.StartObject)
                        throw new SourceFormatException("le document JSON n'est pas un objet (attendu : une FeatureCollection GeoJSON)");
                    stage = Stage.SeekProperty;
                    break;
                case Stage.SeekProperty:
                    if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                        throw new SourceFormatException($"le document JSON n'a pas de tableau « {property} »");
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    {
                        if (reader.ValueTextEquals(property)) { stage = Stage.ExpectArray; break; }
                        // Skip the value of another top-level property, whole.
                        if (!reader.TrySkip()) return (consumed, elements, stage, depth, before.CurrentState, false);
                    }
                    break;
                case Stage.ExpectArray:
                    if (reader.TokenType != JsonTokenType.StartArray)
                        throw new SourceFormatException(property is null
                            ? "le document JSON n'est pas un tableau d'enregistrements"
                            : $"« {property} » n'est pas un tableau");
                    depth = reader.CurrentDepth;
                    stage = Stage.InArray;
                    break;
                case Stage.InArray:
                    if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth)
                        return (data.Length, elements, stage, depth, reader.CurrentState, true);
                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip()) return (consumed, elements, stage, depth, before.CurrentState, false);
                    var end = (int)reader.BytesConsumed;
                    using (var doc = JsonDocument.Parse(data[start..end].ToArray()))
                        elements.Add(doc.RootElement.Clone());
                    break;
            }
            consumed = (int)reader.BytesConsumed;
        }
    }
}
