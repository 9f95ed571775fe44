using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OpenFabriques.Web.Tests.Couverture;

[Collection(PortalCollection.Name)]
public class ComparerTests(PortalFixture portal)
{
    [Fact]
    public async Task The_comparison_url_restores_its_selection_and_shows_the_same_figures()
    {
        using var client = portal.Factory.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/couverture/comparer?departement=74&departement=12&departement=73", UriKind.Relative)));

        // The columns in the order of the URL, and the same départements chosen in the form.
        var i74 = html.IndexOf("data-code=\"74\"", StringComparison.Ordinal);
        var i12 = html.IndexOf("data-code=\"12\"", StringComparison.Ordinal);
        var i73 = html.IndexOf("data-code=\"73\"", StringComparison.Ordinal);
        Assert.True(i74 > 0 && i74 < i12 && i12 < i73, "columns not in the order of the URL");
        Assert.Contains("<option value=\"74\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"12\" selected=\"selected\">", html, StringComparison.Ordinal);
        var lieux74 = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE departement = '74'");
        Assert.Contains($"<td>{lieux74.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}</td>", html, StringComparison.Ordinal);
        Assert.Contains("aucun", html, StringComparison.Ordinal); // Aveyron has none of the default places

        // The share of the population farther than 10 km, as /exports/couverture.csv gives it, in the URL's order.
        var csv = (await client.CsvAsync("/exports/couverture.csv")).ToDictionary(r => r["code"]);
        string Part(string code)
        {
            var r = csv[code];
            var located = long.Parse(r["population"], CultureInfo.InvariantCulture) - long.Parse(r["population_sans_point"], CultureInfo.InvariantCulture);
            return (long.Parse(r["population_au_dela_10km"], CultureInfo.InvariantCulture) * 100.0 / located).ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")) + "\u00a0%";
        }
        var row = Regex.Match(html, @"<th scope=""row"">Population à plus de 10 km d'un lieu</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "no distance row");
        Assert.Equal(new[] { Part("74"), Part("12"), Part("73") },
            Regex.Matches(row.Groups[1].Value, "<td>(.*?)</td>").Select(m => m.Groups[1].Value.Trim()).ToArray());
    }

    [Theory]
    [InlineData("/couverture/comparer?departement=74")]
    [InlineData("/couverture/comparer?departement=74&departement=74")]
    [InlineData("/couverture/comparer?departement=1&departement=2&departement=3&departement=4&departement=5")]
    [InlineData("/couverture/comparer?departement=74&departement=99")]
    public async Task A_selection_it_cannot_compare_is_a_400_that_says_why(string url)
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
