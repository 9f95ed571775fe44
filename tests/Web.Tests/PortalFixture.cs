namespace OpenFabriques.Web.Tests;

/// <summary>One portal on one fresh database, initialized with the reference data and the default dataset of the tests (Hinaura).</summary>
public sealed class PortalFixture : ConfiguredPortalFixture
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        // the test defaults
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
