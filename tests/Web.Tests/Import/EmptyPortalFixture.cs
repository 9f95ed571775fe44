using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Tests;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Import;

/// <summary>A portal with the reference data and no default dataset, for loading tests.</summary>
public sealed class EmptyPortalFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;
    public LieuxLoader Loader => Factory.Services.GetRequiredService<LieuxLoader>();

    /// <summary>Settings that point the command line at this database.</summary>
    public Dictionary<string, string?> CommandLineSettings => new()
    {
        ["ConnectionStrings:OpenFabriques"] = Database.ConnectionString,
    };

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        Factory.Settings["OpenFabriques:DefaultSources"] = "";
        Factory.Settings["OpenFabriques:DistancesInterval"] = "00:00:01";
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
