using OpenFabriques.Tests;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenFabriques.Web.Tests.Carte;

[Collection(PortalCollection.Name)]
public class StaticAssetsTests(PortalFixture portal)
{
    private static string RepositoryRoot() => ExternalProgram.RepositoryRoot();

    public static TheoryData<string, string> VendoredFiles()
    {
        var root = RepositoryRoot();
        using var libman = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "libman.json")));
        var data = new TheoryData<string, string>();
        foreach (var lib in libman.RootElement.GetProperty("libraries").EnumerateArray())
        {
            var destination = lib.GetProperty("destination").GetString()!;
            foreach (var file in lib.GetProperty("files").EnumerateArray())
                data.Add(lib.GetProperty("library").GetString()!, destination + file.GetString());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(VendoredFiles))]
    public void Every_file_listed_in_libman_is_vendored(string library, string path)
    {
        var full = Path.Combine(RepositoryRoot(), path);
        Assert.True(File.Exists(full), $"{library}: {path} is missing (run scripts/vendor.sh)");
        Assert.True(new FileInfo(full).Length > 0, $"{library}: {path} is empty");
    }

    [Theory]
    [InlineData("/lib/leaflet/dist/leaflet.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/carte/index.js", "text/javascript")]
    public async Task Static_files_are_served_whole_to_a_browser_that_accepts_compression(string path, string type)
    {
        using var client = portal.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.True(bytes.Length > 100, $"{path}: {bytes.Length} bytes");
    }

    [Fact]
    public async Task The_map_page_is_french_and_loads_only_local_scripts()
    {
        using var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"carte\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"liste-lieux\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script[^>]+src=\"(https?:)?//", html);
        Assert.DoesNotMatch("<link[^>]+href=\"(https?:)?//", html);
    }
}
