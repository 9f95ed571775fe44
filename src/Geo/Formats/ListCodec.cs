using System.Text;

namespace OpenFabriques.Geo.Formats;

/// <summary>
/// Lists inside one CSV cell, separated by "|". A "|" or "\" inside a value is escaped with "\",
/// so that any list survives a round trip.
/// </summary>
public static class ListCodec
{
    /// <summary>The separator between values.</summary>
    public const char Separator = '|';

    /// <summary>Joins values into one cell.</summary>
    public static string Join(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder();
        var first = true;
        foreach (var v in values)
        {
            if (!first) sb.Append(Separator);
            first = false;
            foreach (var ch in v)
            {
                if (ch is Separator or '\\') sb.Append('\\');
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    /// <summary>Splits a cell written by <see cref="Join"/>; an empty cell is an empty list.</summary>
    public static IReadOnlyList<string> Split(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return [];
        var values = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var ch = cell[i];
            if (ch == '\\' && i + 1 < cell.Length) sb.Append(cell[++i]);
            else if (ch == Separator) { values.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        values.Add(sb.ToString());
        return values;
    }
}
