using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenFabriques.Web.Couverture;

namespace OpenFabriques.Web.Tests.Couverture;

[Collection(PortalCollection.Name)]
public partial class CouvertureTests(PortalFixture portal)
{
    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        using var client = portal.Factory.CreateClient();
        return await client.CsvAsync(url);
    }

    [Fact]
    public async Task Every_figure_is_reproducible_from_the_exports()
    {
        const string service = "aide-demarches-administratives";
        var couverture = await CsvAsync($"/exports/couverture.csv?service={service}");
        var lieux = await CsvAsync("/exports/lieux.csv");
        var lieuxServices = await CsvAsync("/exports/lieux-services.csv");
        using var client = portal.Factory.CreateClient();
        var geojson = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/departements.geojson", UriKind.Relative))).RootElement
            .GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties").GetProperty("lieux").GetInt64());

        Assert.Equal(101, couverture.Count);
        foreach (var row in couverture)
        {
            var code = row["code"];
            var population = long.Parse(row["population"], CultureInfo.InvariantCulture);
            var count = long.Parse(row["lieux"], CultureInfo.InvariantCulture);
            var withService = long.Parse(row["lieux_service"], CultureInfo.InvariantCulture);
            Assert.Equal(lieux.Count(l => l["departement"] == code), count);
            Assert.Equal(lieuxServices.Count(l => l["departement"] == code && l["service"] == service), withService);
            Assert.Equal(geojson[code], count);
            Assert.Equal(Math.Round(count * 100_000.0 / population, 2), double.Parse(row["lieux_pour_100000"], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(withService * 100_000.0 / population, 2), double.Parse(row["lieux_service_pour_100000"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Departements_without_places_are_flagged_and_the_totals_add_up()
    {
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/couverture", UriKind.Relative));

        // The default places are all in Auvergne-Rhône-Alpes: Finistère has none.
        Assert.Matches(@"<tr data-code=""29"" data-classe=""-1"" data-aucun-lieu=""true"">", html);
        Assert.Contains("aucun lieu", html, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-code=""74"" data-classe=""[0-4]"" data-aucun-lieu=""false"">", html);
        var total = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement IS NOT NULL");
        var france = FranceRow().Match(WebUtility.HtmlDecode(html));
        Assert.True(france.Success);
        Assert.Equal(total, long.Parse(new string(france.Groups[1].Value.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_indicator_or_service_is_a_400_page_that_says_which()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/couverture?indicateur=service", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choisissez un service", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/exports/couverture.csv?service=piscine", UriKind.Relative))).StatusCode);
    }

    /// <summary>The text of each cell of a département's row in a /couverture page.</summary>
    private static List<string> Cells(string html, string code)
    {
        var row = Regex.Match(html, $@"<tr data-code=""{code}""[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {code}");
        return Regex.Matches(row.Groups[1].Value, "<td>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();
    }

    [Fact]
    public async Task The_distance_indicator_is_the_share_of_the_located_population_with_the_rest_reported_beside_it()
    {
        var csv = (await CsvAsync("/exports/couverture.csv")).ToDictionary(r => r["code"]);
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/couverture?indicateur=distance&distance=20", UriKind.Relative));
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        long N(Dictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

        // Haute-Savoie has places; Aveyron none (its population is far, not missing); Paris has every commune placed.
        foreach (var code in new[] { "74", "12", "75" })
        {
            var row = csv[code];
            var located = N(row, "population") - N(row, "population_sans_point");
            var cells = Cells(html, code);
            Assert.Equal(N(row, "population_au_dela_20km").ToString("N0", fr), cells[5]);
            Assert.Equal((N(row, "population_au_dela_20km") * 100.0 / located).ToString("0.0", fr), cells[6]);
            Assert.Equal((N(row, "population_sans_point") * 100.0 / N(row, "population")).ToString("0.0", fr) + "\u00a0%", cells[7]);
        }
        Assert.True(double.Parse(Cells(html, "12")[6], fr) > 90, "Aveyron has no place: nearly all its people are farther than 20 km");
        Assert.True(double.Parse(Cells(html, "74")[6], fr) < 10, "Haute-Savoie has places: most of its people are within 20 km");
        Assert.Contains("n'est pas mesurée", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Distances calculées le", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var bad = await client.GetAsync(new Uri("/couverture?indicateur=distance&distance=15", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Distance inconnue « 15 »", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_interval_classes_split_zero_to_the_maximum()
    {
        Assert.Equal(new[] { 20.0, 40.0, 60.0, 80.0, 100.0 }, Indicateurs.SeuilsEgaux([3, 97], maximum: 100));
        Assert.Equal(new[] { 2.0, 4.0, 6.0, 8.0, 10.0 }, Indicateurs.SeuilsEgaux([0, 10, 5]));
        Assert.Equal(0, Indicateurs.Classe(0, Indicateurs.SeuilsEgaux([0, 10]), zeroApart: false));
        Assert.Equal(4, Indicateurs.Classe(10, Indicateurs.SeuilsEgaux([0, 10]), zeroApart: false));
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0 }, new[] { 2.0, 4.0, 6.0, 8.0, 10.0 })]
    [InlineData(new[] { 0.0, 5.0, 5.0, 5.0 }, new[] { 5.0 })]
    [InlineData(new[] { 0.0, 0.0 }, new double[0])]
    public void Classes_are_quantiles_of_the_departements_with_places(double[] values, double[] breaks)
    {
        var seuils = Indicateurs.Seuils(values);

        Assert.Equal(breaks, seuils);
        Assert.All(values.Where(v => v == 0), v => Assert.Equal(-1, Indicateurs.Classe(v, seuils)));
        Assert.All(values.Where(v => v > 0), v => Assert.True(v <= seuils[Indicateurs.Classe(v, seuils)]));
    }

    [GeneratedRegex(@"<th scope=""row"">France entière</th>\s*<td></td>\s*<td>[^<]*</td>\s*<td>([^<]*)</td>")]
    private static partial Regex FranceRow();
}
