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
    [InlineData("44.35", "2.04", 44.35, 2.04, null)] // Najac
    [InlineData("41.92", "8.74", 41.92, 8.74, null)] // Ajaccio
    [InlineData("4.94", "-52.33", 4.94, -52.33, null)] // Cayenne
    [InlineData("-12.78", "45.23", -12.78, 45.23, null)] // Mamoudzou
    [InlineData("-17.54", "-149.57", -17.54, -149.57, null)] // Papeete
    [InlineData("2.35", "48.85", 48.85, 2.35, "inversées")] // Paris, latitude and longitude swapped
    [InlineData("0", "0", null, null, "(0, 0)")]
    [InlineData("0,0", "0.0", null, null, "(0, 0)")]
    [InlineData("40.71", "-74.0", null, null, "hors de France")] // New York
    [InlineData("", "", null, null, null)]
    public void Checks_where_a_point_lies_and_keeps_the_place(string lat, string lon, double? expectedLat, double? expectedLon, string? warning)
    {
        var warnings = new List<Model.RowError>();
        Assert.True(FieldRules.TryPoint(7, lat, lon, "latitude", "longitude", warnings, out var y, out var x, out var error));
        Assert.Null(error);
        Assert.Equal(expectedLat, y);
        Assert.Equal(expectedLon, x);
        if (warning is null) Assert.Empty(warnings);
        else Assert.Contains(warning, Assert.Single(warnings).Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.Equal((7L, "latitude"), (w.Line, w.Field)));
    }

    [Theory]
    [InlineData("91"), InlineData("abc"), InlineData("NaN")]
    public void Rejects_coordinates_out_of_range_or_not_numbers(string input) =>
        Assert.False(FieldRules.TryCoordinate(input, 90, out _));

    [Theory]
    [InlineData("12167", "12167", false)]
    [InlineData("1053", "01053", false)]
    [InlineData("2a004", "2A004", false)]
    [InlineData("97411", "97411", false)]
    [InlineData("20123", null, true)]
    [InlineData("abc", null, true)]
    [InlineData("", null, false)]
    public void One_rule_for_commune_codes_normalises_or_warns_and_drops(string input, string? expected, bool warned)
    {
        var warnings = new List<Model.RowError>();
        Assert.Equal(expected, FieldRules.CommuneCode(7, input, "code_insee", warnings));
        Assert.Equal(warned, warnings.Count == 1);
        if (warned) Assert.Equal((7L, "code_insee"), (warnings[0].Line, warnings[0].Field));
    }

    [Theory]
    [InlineData("https://example.fr/a%20b", true)]
    [InlineData("http://example.fr", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("www.example.fr", false)]
    public void Only_http_links_are_links(string input, bool expected) => Assert.Equal(expected, FieldRules.IsWebLink(input));
}
