namespace OpenFabriques.Web.Tests.Import;

/// <summary>A portal with the reference data and no default dataset, for loading tests.</summary>
public sealed class EmptyPortalFixture : ConfiguredPortalFixture
{
    /// <summary>Settings that point the command line at this database.</summary>
    public Dictionary<string, string?> CommandLineSettings => new()
    {
        ["ConnectionStrings:OpenFabriques"] = Database.ConnectionString,
    };

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:DefaultSources"] = "";
        settings["OpenFabriques:DistancesInterval"] = "00:00:01";
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
