using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OpenFabriques.Tests;

/// <summary>The real portal on a test database, with no map tiles (nothing outside this machine answers).</summary>
public class PortalFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:OpenFabriques", connectionString);
        builder.UseSetting("OpenFabriques:TileUrl", "");
        // The test portals load one source, the Hinaura file: their assertions name its places. The national default
        // (every registered source) is loaded by its own test (DatabaseInitializerTests).
        builder.UseSetting("OpenFabriques:DefaultSources", "hinaura");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Serves the portal on a real socket (127.0.0.1, a free port) for browsers and GIS clients; returns its address.</summary>
    public Uri StartOnSocket()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Extra configuration for this factory.</summary>
    public Dictionary<string, string> Settings { get; } = [];
}
