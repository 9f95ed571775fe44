using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenFabriques.Tests;

/// <summary>The real portal on a test database, with no map tiles (nothing outside this machine answers).</summary>
public class PortalFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:OpenFabriques", connectionString);
        builder.UseSetting("OpenFabriques:TileUrl", "");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Extra configuration for this factory.</summary>
    public Dictionary<string, string> Settings { get; } = [];
}
