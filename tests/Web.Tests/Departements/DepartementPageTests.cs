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

        // Départements with the same figure share a rank: Aveyron has no place, like most.
        var aveyron = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/departements/12", UriKind.Relative)));
        var tied = await portal.Database.ScalarAsync<long>("""
            SELECT 1 + count(*) FROM departements d WHERE EXISTS (SELECT 1 FROM lieux l WHERE l.departement = d.code)
            """);
        Assert.Contains($"id=\"rang\">{tied}e ex aequo des 101 départements", aveyron, StringComparison.Ordinal);
    }

    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        using var client = portal.Factory.CreateClient();
        return await client.CsvAsync(url);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();

    [Theory]
    [InlineData("15", 10)] // Cantal: places of its own, and communes far from them
    [InlineData("12", 20)] // Aveyron: no place; its nearest places are in the neighbouring départements
    public async Task The_page_lists_the_communes_far_from_any_place_and_the_places_nearest_to_them(string code, int km)
    {
        var communes = await CsvAsync($"/exports/couverture-communes.csv?departement={code}");
        var lieux = (await CsvAsync("/exports/lieux.csv")).ToDictionary(l => l["id"]);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        double Km(Dictionary<string, string> c) => double.Parse(c["distance_km"], CultureInfo.InvariantCulture);

        // Every distance of the export is the one a reader computes from the two points (sphere, 0.1 %).
        foreach (var c in communes.Where(c => c["distance_km"].Length > 0))
        {
            var l = lieux[c["lieu_id"]];
            var d = Outils.Haversine(double.Parse(c["longitude"], CultureInfo.InvariantCulture), double.Parse(c["latitude"], CultureInfo.InvariantCulture),
                double.Parse(l["longitude"], CultureInfo.InvariantCulture), double.Parse(l["latitude"], CultureInfo.InvariantCulture)) / 1000;
            Assert.True(Math.Abs(d - Km(c)) <= 0.001 * d + 0.001, $"{c["nom"]}: {Km(c)} km in the export, {d} km between the points");
            Assert.Equal(l["nom"], c["lieu_nom"]);
        }

        var far = communes.Where(c => c["point"] != "aucun" && (c["distance_km"].Length == 0 || Km(c) > km)).ToList();
        Assert.NotEmpty(far);
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/departements/{code}?distance={km}", UriKind.Relative));

        var resume = Text(Regex.Match(html, @"<p id=""eloignees-resume"">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        Assert.StartsWith($"{far.Count.ToString("N0", fr)} commune", resume, StringComparison.Ordinal);
        Assert.Contains($"({far.Sum(c => long.Parse(c["population"], CultureInfo.InvariantCulture)).ToString("N0", fr)} habitants)", resume, StringComparison.Ordinal);
        Assert.Contains($"à plus de {km} km", resume, StringComparison.Ordinal);

        // The places nearest to those communes, by the population they are nearest to.
        var groups = far.GroupBy(c => c["lieu_id"])
            .Select(g => (Nom: g.First()["lieu_nom"], Communes: g.Count(), Population: g.Sum(c => long.Parse(c["population"], CultureInfo.InvariantCulture))))
            .OrderByDescending(g => g.Population).ToList();
        var table = Regex.Match(html, @"<table id=""lieux-plus-proches"">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var first = Regex.Match(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith(groups[0].Nom, Text(Regex.Match(first, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline).Groups[1].Value), StringComparison.Ordinal);
        var cells = Regex.Matches(first, "<td>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToList();
        Assert.Equal(groups[0].Communes.ToString("N0", fr), cells[0]);
        Assert.Equal(groups[0].Population.ToString("N0", fr), cells[1]);

        // The most populated of them comes first in the list of communes, with its nearest place.
        var top = far.OrderByDescending(c => long.Parse(c["population"], CultureInfo.InvariantCulture)).First();
        var row = Regex.Match(html, @"<tr data-commune=""(\w+)"">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(top["code"], row.Groups[1].Value);
        Assert.Contains(top["lieu_nom"], Text(row.Groups[2].Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_distance_is_a_400_that_names_it()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/departements/12?distance=15", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("distance", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csv = await client.GetAsync(new Uri("/exports/couverture-communes.csv?departement=1000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("departement", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }


    [GeneratedRegex(@"id=""rang"">(\d+)(?:er|e)(?: ex aequo)? des 101 départements")]
    private static partial Regex Rank();
}
