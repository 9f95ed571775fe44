using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests.Infrastructure;

/// <summary>The portal on a real socket, with a public address configured and tight export limits.</summary>
public sealed class HardenedPortalFixture : SocketPortalFixture
{
    public const string PublicUrl = "https://openfabriques.example.fr";

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:PublicUrl"] = PublicUrl;
        settings["OpenFabriques:ExportWriteTimeout"] = "00:00:01";
        settings["OpenFabriques:MaxConcurrentExports"] = "1";
        settings["OpenFabriques:ExportQueue"] = "0";
    }
}

public class HardenedPortalTests(HardenedPortalFixture portal) : IClassFixture<HardenedPortalFixture>
{
    private HttpClient Client() => new() { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private static Uri U(string path) => new(path, UriKind.Relative);

    /// <summary>Every GET endpoint of the OpenAPI description, its path parameters filled in.</summary>
    private async Task<List<string>> EndpointsAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(U("/openapi/v1.json")));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var id = await portal.Database.ScalarAsync<long>("SELECT min(id) FROM lieux");
        return paths.SelectMany(p => p.Contains("{collectionId}", StringComparison.Ordinal)
                ? new[] { p.Replace("{collectionId}", "lieux", StringComparison.Ordinal).Replace("{featureId}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                          p.Replace("{collectionId}", "departements", StringComparison.Ordinal).Replace("{featureId}", "12", StringComparison.Ordinal) }
                : [p.Replace("{code}", "12", StringComparison.Ordinal)])
            .Select(p => p == "/api/lieux/proches" ? p + "?lat=45.76&lon=4.84" : p == "/api/communes" ? p + "?q=lyon" : p)
            .Concat(["/", "/donnees", $"/lieux/{id}", "/couverture", "/departements/12", "/api/lieux?q=%00", "/lieux/999999"])
            .ToList();
    }

    [Fact]
    public async Task Head_answers_every_get_endpoint_with_its_status_and_headers_and_no_body()
    {
        using var client = Client();
        var endpoints = await EndpointsAsync(client);
        Assert.True(endpoints.Count >= 27, string.Join(", ", endpoints));
        foreach (var url in endpoints)
        {
            using var get = await client.GetAsync(U(url));
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, U(url)));
            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.True(head.StatusCode != HttpStatusCode.NotFound || url.EndsWith("999999", StringComparison.Ordinal), url);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentDisposition?.FileName, head.Content.Headers.ContentDisposition?.FileName);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Head_on_an_export_runs_no_export_query()
    {
        // A transaction that locks the places: an export query would wait for it; a HEAD does not.
        await using var conn = new Npgsql.NpgsqlConnection(portal.Database.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var lockCmd = new Npgsql.NpgsqlCommand("LOCK TABLE lieux, lieux_services IN ACCESS EXCLUSIVE MODE", conn, tx))
            await lockCmd.ExecuteNonQueryAsync();

        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        foreach (var url in new[] { "/exports/lieux.csv", "/exports/lieux-services.csv?departement=74", "/exports/lieux.geojson", "/exports/manifest.json" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, U(url)));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
        using var blocked = new HttpClient { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(1) };
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => blocked.GetByteArrayAsync(U("/exports/lieux.csv")));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Absolute_links_name_the_public_address_whatever_host_the_client_sends()
    {
        using var client = Client();
        foreach (var url in new[] { "/ogc/collections/lieux/items?limit=1", "/exports/manifest.json?departement=74", "/integrer/departements/74" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, U(url));
            request.Headers.Host = "pirate.example";
            var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("pirate.example", body, StringComparison.Ordinal);
            Assert.Contains(HardenedPortalFixture.PublicUrl, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_that_stops_reading_an_export_is_cut_off_and_its_database_connection_released()
    {
        using var slow = await StalledExportAsync();
        // The full file is 3.4 MB; the client reads nothing (its small window keeps the kernel from buffering it all),
        // so the server's writes wait: after 1 s the portal cuts the connection and ends the export.
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(0L, await ActiveQueriesAsync());
        // One export at a time in this portal, none queued: the next one is served, so the stalled one has ended.
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U("/exports/lieux.csv?departement=74"))).StatusCode);

        // What the slow client can still read ends well short of the file: the server gave up on it.
        var total = 0L;
        var buffer = new byte[65536];
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            int n;
            while ((n = await slow.ReceiveAsync(buffer, SocketFlags.None, budget.Token)) > 0) total += n;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // reset by the server, or nothing more comes
        }
        Assert.True(total < 3_000_000, $"{total} bytes received");
        await ReleaseAsync(slow);
    }

    [Fact]
    public async Task Exports_beyond_their_bound_get_a_503_with_retry_after_while_pages_answer()
    {
        using var slow = await StalledExportAsync();
        await Task.Delay(300);

        using var client = Client();
        var refused = await client.GetAsync(U("/exports/lieux.csv"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        // A HEAD holds no connection while it streams: a link checker is not turned away by a download in progress.
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, U("/exports/lieux.csv")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var page = await client.GetAsync(U("/api/lieux?limit=5"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await ReleaseAsync(slow);
    }

    [Fact]
    public async Task Hostile_values_in_every_parameter_and_path_get_no_5xx_and_api_errors_are_problems()
    {
        // The committed fuzz script (scripts/bench/fuzz.mjs), on a sample; one request at a time, as this portal
        // serves one export at a time.
        var script = Path.Combine(ExternalProgram.RepositoryRoot(), "scripts", "bench", "fuzz.mjs");
        var output = await ExternalProgram.RunAsync("node", script, portal.BaseUrl.ToString().TrimEnd('/'), "1500", "2026", "1");
        using var report = JsonDocument.Parse(output);
        Assert.Equal(1500, report.RootElement.GetProperty("requests").GetInt32());
        Assert.Equal(0, report.RootElement.GetProperty("failed").GetInt32());
        var statuses = report.RootElement.GetProperty("statuses");
        Assert.True(statuses.TryGetProperty("400", out _) && statuses.TryGetProperty("200", out _), output);
    }

    /// <summary>A client that asks for the 3.4 MB per-commune export and reads nothing (a 4 KB receive window).</summary>
    private async Task<Socket> StalledExportAsync()
    {
        var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await slow.ConnectAsync(IPAddress.Loopback, portal.BaseUrl.Port);
        await slow.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /exports/couverture-communes.csv HTTP/1.1\r\nHost: {portal.BaseUrl.Authority}\r\nAccept-Encoding: identity\r\n\r\n"));
        return slow;
    }

    /// <summary>
    /// Hangs up a stalled client and waits until the portal has ended its export, so that the next test (they share
    /// this portal and its single export turn) does not meet a turn still taken.
    /// </summary>
    private async Task ReleaseAsync(Socket slow)
    {
        slow.Close();
        using var client = Client();
        for (var i = 0; i < 100; i++)
        {
            using var answer = await client.GetAsync(U("/exports/manifest.json?departement=74"));
            if (answer.StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(100);
        }
        Assert.Fail("the stalled export still holds its turn after 10 s");
    }

    private Task<long> ActiveQueriesAsync() => portal.Database.ScalarAsync<long>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'");
}
