using OpenFabriques.Geo.Formats;

namespace OpenFabriques.Geo.Tests.Formats;

public class CodecTests
{
    public static TheoryData<string[]> Lists() => new() { Array.Empty<string>(), new[] { "coworking" }, new[] { "a|b", "c\\d", "", "e\\|" } };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Lists_survive_a_round_trip(string[] values) => Assert.Equal(values, ListCodec.Split(ListCodec.Join(values)));

    [Theory]
    [InlineData("=1+1"), InlineData("+33"), InlineData("-2"), InlineData("@SUM(A1)"), InlineData("\tx"), InlineData("\rx")]
    [InlineData("'=1+1"), InlineData("''=1"), InlineData("'plain"), InlineData("plain"), InlineData(""), InlineData("'")]
    public void Neutralised_cells_restore_exactly(string value)
    {
        var cell = SpreadsheetSafety.Neutralise(value);

        Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"« {cell} » would be evaluated");
        Assert.Equal(value, SpreadsheetSafety.Restore(cell));
    }
}
