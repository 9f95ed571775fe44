using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenFabriques.Web.Tests.Departements;

/// <summary>The embeddable card of a département, as another site would show it.</summary>
[Collection(PortalCollection.Name)]
public class FicheTests(PortalFixture portal)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static long N(Dictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("15")] // Cantal: places, and communes far from them
    [InlineData("12")] // Aveyron: no place
    public async Task The_card_shows_the_figures_of_the_exports_and_a_map_of_the_same_places_without_any_script(string code)
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri($"/integrer/departements/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Any site may frame it; nothing in it runs.
        Assert.EndsWith("; frame-ancestors *", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var row = (await client.CsvAsync("/exports/couverture.csv")).Single(r => r["code"] == code);
        string Dd(string id) => WebUtility.HtmlDecode(Regex.Replace(
            Regex.Match(html, $@"<dd id=""{id}"">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "")).Trim();
        Assert.Equal(N(row, "lieux").ToString("N0", Fr), Dd("fiche-lieux"));
        Assert.StartsWith((N(row, "lieux") * 100_000.0 / N(row, "population")).ToString("0.0", Fr), Dd("fiche-pour100000"), StringComparison.Ordinal);
        var located = N(row, "population") - N(row, "population_sans_point");
        Assert.StartsWith((N(row, "population_au_dela_10km") * 100.0 / located).ToString("0.0", Fr) + "\u00a0% de la population", Dd("fiche-distance"), StringComparison.Ordinal);

        // The map: one blue dot per located place of the département, one orange dot per commune farther than 10 km.
        var lieux = (await client.CsvAsync($"/exports/lieux.csv?departement={code}")).Count(l => l["longitude"].Length > 0);
        var far = (await client.CsvAsync($"/exports/couverture-communes.csv?departement={code}"))
            .Count(c => c["point"] != "aucun" && (c["distance_km"].Length == 0 || double.Parse(c["distance_km"], CultureInfo.InvariantCulture) > 10));
        Assert.Equal(lieux, Regex.Count(html, @"<circle class=""lieu"""));
        Assert.Equal(far, Regex.Count(html, @"<circle class=""eloignee"""));
        Assert.Matches(@"<svg [^>]*role=""img""", html);
        Assert.Contains($"<a href=\"http://localhost/departements/{code}\" target=\"_blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_as_an_image_is_well_formed_svg_that_says_its_figures_and_is_cached_by_version()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/integrer/departements/15.svg", UriKind.Relative));
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        var row = (await client.CsvAsync("/exports/couverture.csv")).Single(r => r["code"] == "15");
        var desc = svg.Root!.Element(ns + "desc")!.Value;
        Assert.StartsWith($"Cantal (15) : {N(row, "lieux")} lieux, {(N(row, "lieux") * 100_000.0 / N(row, "population")).ToString("0.0", Fr)} pour 100 000 habitants", desc, StringComparison.Ordinal);
        Assert.Equal(N(row, "lieux"), svg.Descendants(ns + "circle").Count(c => (string?)c.Attribute("class") == "lieu"));

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/integrer/departements/15.svg", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_departement_page_gives_both_snippets_and_other_pages_cannot_be_framed_by_other_sites()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/departements/15", UriKind.Relative));
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.EndsWith("; frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<iframe src=\"http://localhost/integrer/departements/15\" title=\"OpenFabriques : Cantal\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"http://localhost/integrer/departements/15.svg\" width=\"400\" height=\"520\" alt=\"Cantal (15) :", html, StringComparison.Ordinal);
        // The snippet reads as it will be pasted: accents as they are, no character references.
        Assert.Matches(@"alt=""Cantal \(15\) : \d+ lieux, [\d,]+ pour 100 000 habitants \(\d+e(?: ex aequo)? des 101 départements\)", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/integrer/departements/99", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/integrer/departements/abc.svg", UriKind.Relative))).StatusCode);
    }
}
