using OpenFabriques.Geo.Formats;

namespace OpenFabriques.Geo.Tests.Formats;

public class FieldRulesTests
{
    [Theory]
    [InlineData("www.example.fr", "https://www.example.fr/")]
    [InlineData("http://example.fr/page", "http://example.fr/page")]
    [InlineData(" https://a.example.org | https://b.example.org ", "https://a.example.org/")]
    [InlineData("facebook", null)]
    [InlineData("ftp://example.fr", null)]
    [InlineData("", null)]
    public void Makes_absolute_web_urls(string input, string? expected) => Assert.Equal(expected, FieldRules.Url(input));

    [Theory]
    [InlineData("44.5", 44.5), InlineData("44,5", 44.5), InlineData("-0.25", -0.25)]
    public void Reads_coordinates_with_a_dot_or_a_comma(string input, double expected)
    {
        Assert.True(FieldRules.TryCoordinate(input, 90, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("91"), InlineData("abc"), InlineData("NaN")]
    public void Rejects_coordinates_out_of_range_or_not_numbers(string input) =>
        Assert.False(FieldRules.TryCoordinate(input, 90, out _));
}
