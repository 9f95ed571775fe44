namespace OpenFabriques.Geo.Formats.Csv;

/// <summary>The current row of a <see cref="CsvTable"/> as an <see cref="IFieldSource"/>.</summary>
public sealed class CsvFieldSource(CsvTable table) : IFieldSource
{
    /// <inheritdoc />
    public long Line => table.Line;

    /// <inheritdoc />
    public bool Has(string name) => table.Has(name);

    /// <inheritdoc />
    public string? Text(string name) => FieldRules.Text(table[name]);

    /// <inheritdoc />
    public IReadOnlyList<string> List(string name, char separator) => FieldRules.List(table[name], separator);
}
