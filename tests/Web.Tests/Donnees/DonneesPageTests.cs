using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenFabriques.Web.Tests.Donnees;

[Collection(PortalCollection.Name)]
public partial class DonneesPageTests(PortalFixture portal)
{
    [Fact]
    public async Task The_counts_on_the_page_are_the_rows_of_the_files_it_links_to()
    {
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/donnees?departement=73&service=aide-demarches-administratives", UriKind.Relative));

        var status = Status().Match(html);
        Assert.True(status.Success, "no count on the page");
        var (lieux, services) = (Number(status.Groups[1].Value), Number(status.Groups[2].Value));
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri(Link(html, "/exports/lieux.csv"), UriKind.Relative)));
        var longCsv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri(Link(html, "/exports/lieux-services.csv"), UriKind.Relative)));
        var receipt = JsonDocument.Parse(await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(Receipt().Match(html).Groups[1].Value), UriKind.Relative))).RootElement;

        Assert.True(lieux > 0);
        Assert.Equal(lieux, receipt.GetProperty("lignes").GetInt64());
        Assert.Equal(lieux, await portal.Database.ScalarAsync<long>("""
            SELECT count(*) FROM lieux l WHERE departement = '73'
              AND EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = 'aide-demarches-administratives')
            """));
        Assert.Equal(services, longCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Contains("departement=73", Link(html, "/exports/lieux.csv"), StringComparison.Ordinal);
        Assert.StartsWith("id,source,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_the_licence_and_documents_every_column()
    {
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/donnees", UriKind.Relative));

        Assert.Contains("Licence Ouverte 2.0", html, StringComparison.Ordinal);
        // The sources by title, producer and date of their data, with their places: this portal loaded only the Hinaura file.
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Matches("Lieux de médiation numérique d'Auvergne-Rhône-Alpes</a>\\s*</th>\\s*<td>réseau Hinaura, via la cartographie nationale de l'ANCT</td>\\s*<td>du 30 septembre 2022</td>\\s*<td>687</td>", text);
        Assert.Matches("Liste des structures France services</a>\\s*</th>\\s*<td>ANCT, programme France services</td>\\s*<td>du 1 août 2024</td>\\s*<td>0</td>", text);
        foreach (var column in Geo.Formats.OpenFabriques.LieuColumns.All)
            Assert.Contains($"<code>{column}</code>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api-docs\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ogc?f=html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_gets_a_400_page_that_says_which()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/donnees?departement=20", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Le filtre « departement » est invalide", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_description_documents_every_parameter_and_has_a_browsable_page()
    {
        using var client = portal.Factory.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var paths = doc.GetProperty("paths");

        foreach (var path in new[] { "/exports/lieux.csv", "/exports/lieux.geojson", "/api/lieux.geojson", "/ogc/collections/{collectionId}/items" })
        {
            var names = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("departement", names);
            Assert.Contains("bbox", names);
        }
        foreach (var operation in paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()))
        {
            if (!operation.Value.TryGetProperty("parameters", out var parameters)) continue;
            Assert.All(parameters.EnumerateArray(), p => Assert.True(
                p.GetProperty("in").GetString() == "path" || !string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()),
                $"{p.GetProperty("name")} has no description"));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api-docs/index.html", UriKind.Relative))).StatusCode);
    }

    private static long Number(string text) =>
        long.Parse(new string(WebUtility.HtmlDecode(text).Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private static string Link(string html, string path) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"href=\"({Regex.Escape(path)}[^\"]*)\"").Groups[1].Value);

    [GeneratedRegex(@"role=""status"">\s*([\d&#x;A-F\u202F\s]+?) lieux? et ([\d&#x;A-F\u202F\s]+?) lignes? lieu-service")]
    private static partial Regex Status();

    [GeneratedRegex(@"href=""(/exports/manifest\.json\?fichier=lieux\.csv[^""]*)""")]
    private static partial Regex Receipt();
}
