using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Tests;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests;

/// <summary>
/// One portal (in process) on one fresh database, started with the settings a fixture gives: the base of the fixtures
/// that differ only by what the portal loads at start-up or reads from its configuration.
/// </summary>
public abstract class ConfiguredPortalFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;
    public LieuxLoader Loader => Factory.Services.GetRequiredService<LieuxLoader>();

    /// <summary>Settings of this portal beyond the test defaults (which load the Hinaura file).</summary>
    protected abstract void Configure(Dictionary<string, string> settings);

    /// <summary>Work before the portal starts (files its settings name).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        Configure(Factory.Settings);
        Factory.CreateClient().Dispose(); // starts the app, which migrates and loads what its settings say
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
