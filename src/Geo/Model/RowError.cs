namespace OpenFabriques.Geo.Model;

/// <summary>A row a reader could not accept, with where and why.</summary>
/// <param name="Line">Line in a text file, or 1-based record number in a JSON array.</param>
/// <param name="Field">Column or property at fault, when one is.</param>
/// <param name="Message">Why the row was rejected, in French.</param>
public sealed record RowError(long Line, string? Field, string Message);
