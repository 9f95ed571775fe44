using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenFabriques.Web.Cli;
using OpenFabriques.Web.Tests.Import;

namespace OpenFabriques.Web.Tests.Cli;

/// <summary><c>openfabriques sync</c> on a registry of its own: one France services source, served by a local web server or not at all.</summary>
public sealed class SyncTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sync-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task<(int Code, string Out, string Err)> SyncAsync(string url)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "sources.json"), $$"""
            [{"cle": "fs-essai", "titre": "Liste des structures France services (essai)", "producteur": "ANCT", "licence": "Licence Ouverte 2.0",
              "date": "2024-08", "telechargement": "{{url}}", "format": "france-services", "fichier": "copie/liste.csv"}]
            """);
        var settings = portal.CommandLineSettings;
        settings["OpenFabriques:SourcesFile"] = Path.Combine(folder, "sources.json");
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CommandLine.RunAsync(["sync"], output, errors, settings);
        return (code, output.ToString(), errors.ToString());
    }

    private Task<string> PlacesAsync() => portal.Database.ScalarAsync<string>(
        "SELECT coalesce(string_agg(source_id, ' ' ORDER BY source_id), '') FROM lieux WHERE source = 'fs-essai'");

    [Fact]
    public async Task Refreshes_from_the_producer_then_falls_back_to_the_bundled_copy_and_withdraws_what_it_no_longer_lists()
    {
        var fixture = await File.ReadAllLinesAsync(EmptyPortalFixture.FixturePath("france-services.csv"), Encoding.UTF8);
        Directory.CreateDirectory(Path.Combine(folder, "copie"));
        // The bundled copy no longer has the Mamoudzou bus, nor the fixture's row without an id (a rejected row would
        // keep the withdrawal from happening, as with import --prune).
        var copy = string.Join('\n', fixture.Where(l => !l.Contains("FS-976-001", StringComparison.Ordinal) && !l.StartsWith("\"\",", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(Path.Combine(folder, "copie", "liste.csv"), copy + "\n", Encoding.UTF8);

        // 1. The producer's server answers: its file is loaded.
        var port = FreePort();
        using (var server = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } })
        {
            server.Start();
            var serving = Task.Run(async () =>
            {
                var context = await server.GetContextAsync();
                var body = await File.ReadAllBytesAsync(EmptyPortalFixture.FixturePath("france-services.csv"));
                context.Response.ContentType = "text/csv";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            });
            var (code, output, errors) = await SyncAsync($"http://127.0.0.1:{port}/liste.csv");
            await serving;
            Assert.True(code == 0, output + errors);
            Assert.Contains($"téléchargé : http://127.0.0.1:{port}/liste.csv", errors, StringComparison.Ordinal);
            Assert.Equal("FS-12-001 FS-2B-004 FS-976-001", await PlacesAsync());
        }

        // 2. Nothing answers any more: one plain sentence, the bundled copy, and the place it no longer lists withdrawn.
        var (code2, output2, _) = await SyncAsync($"http://127.0.0.1:{port}/liste.csv");
        Assert.Equal(0, code2);
        Assert.Contains("impossible de joindre 127.0.0.1", output2, StringComparison.Ordinal);
        Assert.Contains("la copie livrée avec le portail (données d'août 2024) est chargée à la place", output2, StringComparison.Ordinal);
        Assert.Matches(@"retirés\s+1\b", output2);
        Assert.Equal("FS-12-001 FS-2B-004", await PlacesAsync());
    }
}
