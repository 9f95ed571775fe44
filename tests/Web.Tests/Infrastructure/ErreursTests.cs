using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenFabriques.Web.Tests.Infrastructure;

[Collection(PortalCollection.Name)]
public class ErreursTests(PortalFixture portal)
{
    private HttpClient Client(string accept)
    {
        var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        return client;
    }

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Theory]
    [InlineData("/api/lieux?q=a%00b", "q")]
    [InlineData("/api/lieux?label=a%00b", "label")]
    [InlineData("/api/communes?q=a%00b", "q")]
    [InlineData("/api/lieux/proches?lat=45&lon=5&q=%01", "q")]
    [InlineData("/exports/lieux.csv?label=%00", "label")]
    [InlineData("/exports/manifest.json?fichier=lieux.csv%00", "fichier")]
    [InlineData("/ogc/collections/lieux/items?q=a%00b", "q")]
    [InlineData("/api/lieux?departement=12&q=ok&x%00y=1", "xU+0000y")]
    public async Task A_control_character_in_an_api_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        using var client = Client("application/json");
        var response = await client.GetAsync(U(url));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, body.RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/?q=%00", "q")]
    [InlineData("/?ou=%00", "ou")]
    [InlineData("/donnees?q=a%00b", "q")]
    [InlineData("/couverture?indicateur=lieux%0A", "indicateur")]
    [InlineData("/departements/12?distance=10%09", "distance")]
    public async Task A_control_character_in_a_page_parameter_is_a_400_page_with_the_site_navigation(string url, string parameter)
    {
        using var client = Client("text/html");
        var response = await client.GetAsync(U(url));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Paramètre « {parameter} » invalide", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Navigation principale\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_page_with_a_way_back_and_an_unknown_api_path_a_problem()
    {
        using var browser = Client("text/html");
        var page = await browser.GetAsync(U("/lieux/999999"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Page introuvable</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains("/lieux/999999", html, StringComparison.Ordinal);

        using var api = Client("*/*");
        foreach (var url in new[] { "/api/nulle-part", "/exports/rien.csv", "/ogc/collections/rien/items" })
        {
            var response = await api.GetAsync(U(url));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Another_method_than_get_is_a_405_that_says_what_is_allowed()
    {
        using var api = Client("application/json");
        var response = await api.PostAsync(U("/api/lieux"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("HEAD", response.Content.Headers.Allow);

        using var browser = Client("text/html");
        var page = await browser.DeleteAsync(U("/exports/lieux.csv"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_url_too_long_is_a_414_of_the_portal()
    {
        var q = new string('a', 9000);
        using var api = Client("application/json");
        var response = await api.GetAsync(U($"/api/lieux?q={q}"));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        using var browser = Client("text/html");
        var page = await browser.GetAsync(U($"/?q={q}"));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        Assert.Contains("Adresse trop longue", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bbox_across_the_antimeridian_covers_both_sides()
    {
        using var client = Client("application/json");
        async Task<long> TotalAsync(string bbox)
        {
            var response = await client.GetAsync(U($"/api/lieux?limit=1&bbox={bbox}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("total").GetInt64();
        }
        // From 5° E eastward across 180° to 170° W: the places east of 5° E, nothing on the other side.
        var across = await TotalAsync("5,40,-170,50");
        Assert.True(across > 0);
        Assert.Equal(await TotalAsync("5,40,180,50") + await TotalAsync("-180,40,-170,50"), across);
        Assert.Equal(0, await TotalAsync("170,-10,-170,10"));

        var ogc = await client.GetAsync(U("/ogc/collections/lieux/items?bbox=5,40,-170,50&limit=1"));
        using var items = JsonDocument.Parse(await ogc.Content.ReadAsStringAsync());
        Assert.Equal(across, items.RootElement.GetProperty("numberMatched").GetInt64());
        var deps = await client.GetAsync(U("/ogc/collections/departements/items?bbox=170,-25,-170,-10"));
        Assert.Equal(HttpStatusCode.OK, deps.StatusCode);

        var bad = await client.GetAsync(U("/api/lieux?bbox=5,50,6,40"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_no_inline_style_nor_inline_script_but_the_import_map()
    {
        using var client = Client("text/html");
        var id = await portal.Database.ScalarAsync<long>("SELECT min(id) FROM lieux");
        foreach (var url in new[] { "/", $"/lieux/{id}", "/departements/74", "/couverture", "/couverture?indicateur=distance", "/donnees", "/integrer/departements/74", "/erreur/404" })
        {
            var response = await client.GetAsync(U(url));
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)([^>]*)>");
            Assert.All(scripts, s => Assert.Matches("type=\"(importmap|application/ld\\+json)\"", WebUtility.HtmlDecode(s.Groups[1].Value)));
        }
    }

    [Fact]
    public async Task A_stored_link_that_is_not_http_never_becomes_a_link_on_the_place_page()
    {
        var id = await portal.Database.ScalarAsync<long>("SELECT max(id) FROM lieux");
        var before = await portal.Database.ScalarAsync<string>("SELECT coalesce(site_web, '') FROM lieux WHERE id = $1", id);
        await portal.Database.ExecuteAsync("UPDATE lieux SET site_web = 'javascript:alert(1)' WHERE id = $1", id);
        try
        {
            using var client = Client("text/html");
            var html = await client.GetStringAsync(U($"/lieux/{id}"));
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await portal.Database.ExecuteAsync("UPDATE lieux SET site_web = nullif($2, '') WHERE id = $1", id, before);
        }
    }
}
