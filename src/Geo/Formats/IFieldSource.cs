namespace OpenFabriques.Geo.Formats;

/// <summary>The fields of one source row, whatever the file format (a CSV row, a JSON object).</summary>
public interface IFieldSource
{
    /// <summary>Line in a text file, or 1-based record number in a JSON array.</summary>
    long Line { get; }

    /// <summary>Whether the row has this field at all.</summary>
    bool Has(string name);

    /// <summary>The field as trimmed text; null when absent or blank.</summary>
    string? Text(string name);

    /// <summary>The field as a list: a JSON array, or text split on <paramref name="separator"/>.</summary>
    IReadOnlyList<string> List(string name, char separator);
}
