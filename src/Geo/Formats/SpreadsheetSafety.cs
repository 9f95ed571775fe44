namespace OpenFabriques.Geo.Formats;

/// <summary>
/// Neutralises text cells that a spreadsheet would evaluate as a formula (CSV injection): a cell
/// starting with = + - @, a tab or a carriage return gets a leading apostrophe. A cell that already
/// starts with an apostrophe followed by one of those also gets one, so <see cref="Restore"/> is exact.
/// </summary>
public static class SpreadsheetSafety
{
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The cell as written to a CSV file.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return StartsWithTrigger(value, 0) ? "'" + value : value;
    }

    /// <summary>The original value of a cell written by <see cref="Neutralise"/>.</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && StartsWithTrigger(cell, 1) ? cell[1..] : cell;
    }

    /// <summary>Whether the text from <paramref name="start"/> is apostrophes (maybe none) then a trigger.</summary>
    private static bool StartsWithTrigger(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == '\'') i++;
        return i < text.Length && IsTrigger(text[i]);
    }
}
