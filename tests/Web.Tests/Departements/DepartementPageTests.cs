using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OpenFabriques.Web.Tests.Departements;

[Collection(PortalCollection.Name)]
public partial class DepartementPageTests(PortalFixture portal)
{
    [Fact]
    public async Task A_departement_page_gives_its_rank_and_its_figures_beside_its_region_and_france()
    {
        using var client = portal.Factory.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/departements/74", UriKind.Relative)));

        var expectedRank = await portal.Database.ScalarAsync<long>("""
            WITH t AS (SELECT d.code, count(l.id) * 100000.0 / d.population AS v
                       FROM departements d LEFT JOIN lieux l ON l.departement = d.code GROUP BY d.code)
            SELECT 1 + count(*) FROM t WHERE v > (SELECT v FROM t WHERE code = '74')
            """);
        var rank = Rank().Match(html);
        Assert.True(rank.Success, "no rank on the page");
        Assert.Equal(expectedRank, long.Parse(rank.Groups[1].Value, CultureInfo.InvariantCulture));

        var region = await portal.Database.ScalarAsync<double>("""
            SELECT (count(l.id) * 100000.0 / (SELECT sum(population) FROM departements WHERE region = '84'))::float8
            FROM departements d JOIN lieux l ON l.departement = d.code WHERE d.region = '84'
            """);
        Assert.Contains($"<th scope=\"row\">Région Auvergne-Rhône-Alpes</th>", html, StringComparison.Ordinal);
        Assert.Contains(region.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")), html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">France</th>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"id=""rang"">(\d+)(?:er|e) des 101 départements")]
    private static partial Regex Rank();
}
