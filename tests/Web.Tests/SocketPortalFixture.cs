using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests;

/// <summary>
/// The portal on a real socket (Kestrel) with the default dataset, for GDAL, raw sockets and HEAD; ready once
/// its places and distances are loaded, so that no start-up work runs during the tests.
/// </summary>
public class SocketPortalFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Settings of this portal beyond the defaults.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        Factory.Settings["OpenFabriques:DistancesInterval"] = "01:00:00";
        Configure(Factory.Settings);
        BaseUrl = Factory.StartOnSocket();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (await CountAsync("lieux") == 0 || await CountAsync("distances_communes") == 0))
            await Task.Delay(250);
    }

    private async Task<long> CountAsync(string table)
    {
        try
        {
            return await Database.ScalarAsync<long>(table == "lieux" ? "SELECT count(*) FROM lieux" : "SELECT count(*) FROM distances_communes");
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // not migrated yet
        }
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
