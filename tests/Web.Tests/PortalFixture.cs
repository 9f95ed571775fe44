using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests;

/// <summary>One portal on one fresh database, initialized with the reference data and the default dataset.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        Factory.CreateClient().Dispose(); // starts the app, which migrates and loads the data
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
