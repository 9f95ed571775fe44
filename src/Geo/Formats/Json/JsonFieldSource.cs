using System.Text.Json;

namespace OpenFabriques.Geo.Formats.Json;

/// <summary>A JSON object as an <see cref="IFieldSource"/>: strings, numbers and booleans read as text.</summary>
public sealed class JsonFieldSource(JsonElement element, long line) : IFieldSource
{
    /// <inheritdoc />
    public long Line => line;

    /// <inheritdoc />
    public bool Has(string name) => element.TryGetProperty(name, out _);

    /// <inheritdoc />
    public string? Text(string name) =>
        element.TryGetProperty(name, out var p) ? Scalar(p) : null;

    /// <inheritdoc />
    public IReadOnlyList<string> List(string name, char separator)
    {
        if (!element.TryGetProperty(name, out var p)) return [];
        if (p.ValueKind == JsonValueKind.Array)
            return p.EnumerateArray().Select(Scalar).OfType<string>().ToList();
        return FieldRules.List(Scalar(p), separator);
    }

    /// <summary>The names of the object's properties.</summary>
    public IEnumerable<string> Names => element.EnumerateObject().Select(p => p.Name);

    private static string? Scalar(JsonElement p) => p.ValueKind switch
    {
        JsonValueKind.String => FieldRules.Text(p.GetString()),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.GetRawText(),
        _ => null,
    };
}
