using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests.Health;

public class HealthApiTests
{
    private static readonly Uri Healthz = new("/healthz", UriKind.Relative);

    private static (TcpRelay Relay, string ConnectionString) BehindRelay(TestDatabase db)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var relay = new TcpRelay(cs.Host!, cs.Port);
        relay.Start();
        cs.Host = "127.0.0.1";
        cs.Port = relay.Port;
        cs.Timeout = 3;
        return (relay, cs.ConnectionString);
    }

    private static async Task<HttpStatusCode> WaitForAsync(HttpClient client, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await client.GetAsync(Healthz)).StatusCode) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        return status;
    }

    [Fact]
    public async Task Says_503_during_a_database_outage_and_recovers_when_it_ends()
    {
        await using var db = await TestDatabase.NewAsync();
        var (relay, cs) = BehindRelay(db);
        await using var _ = relay;
        await using var factory = new PortalFactory(cs);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Healthz)).StatusCode);

        await relay.StopAsync();
        var down = await client.GetAsync(Healthz);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/json", down.Content.Headers.ContentType!.MediaType);
        // Pages that need no database still answer.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/css/site.css", UriKind.Relative))).StatusCode);
        // The API says 503 with Retry-After, as problem+json; a browser gets the page with the site's navigation.
        var api = await client.GetAsync(new Uri("/api/lieux?limit=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter!.Delta);
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/departements/12", UriKind.Relative));
        page.Headers.Accept.ParseAdd("text/html");
        var html = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(html.Headers.RetryAfter);
        Assert.Contains("Navigation principale", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        relay.Start();
        Assert.Equal(HttpStatusCode.OK, await WaitForAsync(client, HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/lieux?limit=1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Tells_a_busy_pool_from_a_database_that_is_down()
    {
        await using var db = await TestDatabase.NewAsync();
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 3 }.ConnectionString;
        await using var factory = new PortalFactory(cs);
        factory.Settings["OpenFabriques:DistancesInterval"] = "01:00:00";
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await WaitForAsync(client, HttpStatusCode.OK));
        var pool = factory.Services.GetRequiredService<NpgsqlDataSource>();

        // Every connection of the portal's pool taken, as by slow requests.
        var held = new List<NpgsqlConnection>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (held.Count < 3 && DateTime.UtcNow < deadline)
        {
            try
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                held.Add(await pool.OpenConnectionAsync(wait.Token));
            }
            catch (OperationCanceledException)
            {
                // start-up work still holds one: try again
            }
        }
        Assert.Equal(3, held.Count);
        var busy = await client.GetAsync(Healthz);
        Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        Assert.Contains("\"status\":\"occupé\"", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var c in held) await c.DisposeAsync();
        var ok = await client.GetAsync(Healthz);
        Assert.Contains("\"status\":\"ok\"", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_without_its_database_and_initializes_it_when_it_comes()
    {
        await using var db = await TestDatabase.NewEmptyAsync();
        var (relay, cs) = BehindRelay(db);
        await using var _ = relay;
        await relay.StopAsync();
        await using var factory = new PortalFactory(cs);
        using var client = factory.CreateClient(); // the app starts all the same

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Healthz)).StatusCode);

        relay.Start();
        Assert.Equal(HttpStatusCode.OK, await WaitForAsync(client, HttpStatusCode.OK));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountDepartementsAsync(db) < 101 && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Equal(101L, await CountDepartementsAsync(db));
    }

    private static async Task<long> CountDepartementsAsync(TestDatabase db)
    {
        try
        {
            return await db.ScalarAsync<long>("SELECT count(*) FROM departements");
        }
        catch (PostgresException e) when (e.SqlState == "42P01") // not migrated yet
        {
            return 0;
        }
    }
}
