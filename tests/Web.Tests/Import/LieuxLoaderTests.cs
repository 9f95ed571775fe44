using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Geo.Model;
using OpenFabriques.Tests;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Import;

/// <summary>A portal with the reference data and no default dataset, for loading tests.</summary>
public sealed class EmptyPortalFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PortalFactory Factory { get; private set; } = null!;
    public LieuxLoader Loader => Factory.Services.GetRequiredService<LieuxLoader>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.NewAsync();
        Factory = new PortalFactory(Database.ConnectionString);
        Factory.Settings["OpenFabriques:DefaultDataset"] = "";
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public class LieuxLoaderTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    private static LieuRecord Lieu(string id, string nom = "Les Lieux communs", params string[] services) => new()
    {
        SourceId = id,
        Nom = nom,
        Commune = "Najac",
        CodePostal = "12270",
        Departement = "12",
        Latitude = 44.21999,
        Longitude = 1.97875,
        Services = services.Select(s => new LieuService(Geo.Taxonomy.ServiceVocabulary.ToSlug(s)!, s)).ToList(),
    };

    private static ImportOrigin Origin(string source) => new(source, "test", "tests", new string('0', 64));

    private static async IAsyncEnumerable<ReadItem> Items(IEnumerable<ReadItem> items, bool failAtEnd = false)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
        if (failAtEnd) throw new IOException("connexion coupée pendant la lecture");
    }

    private Task<ImportReport> LoadAsync(string source, params ReadItem[] items) =>
        portal.Loader.LoadAsync(Origin(source), Items(items), CancellationToken.None);

    [Fact]
    public async Task Loading_the_same_data_twice_changes_nothing_and_a_change_updates_one_place()
    {
        var first = await LoadAsync("repeat", ReadItem.Ok(Lieu("1", "A", "coworking")), ReadItem.Ok(Lieu("2", "B")));
        var again = await LoadAsync("repeat", ReadItem.Ok(Lieu("1", "A", "coworking")), ReadItem.Ok(Lieu("2", "B")));
        var changed = await LoadAsync("repeat", ReadItem.Ok(Lieu("1", "A", "fablab", "photocopie")), ReadItem.Ok(Lieu("2", "B")));

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Inserted, changed.Updated, changed.Unchanged));
        Assert.Equal("fablab,reprographie", await portal.Database.ScalarAsync<string>("""
            SELECT string_agg(ls.service_slug, ',' ORDER BY ls.service_slug)
            FROM lieux_services ls JOIN lieux l ON l.id = ls.lieu_id WHERE l.source = 'repeat' AND l.source_id = '1'
            """));
        Assert.Equal(3L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM imports WHERE source = 'repeat'"));
    }

    [Fact]
    public async Task A_place_without_a_departement_gets_the_one_its_point_lies_in()
    {
        var rodez = Lieu("rodez") with { CodePostal = null, Departement = null, Latitude = 44.3506, Longitude = 2.5734 };
        var unknown = Lieu("spm") with { Departement = "975", Latitude = null, Longitude = null };

        await LoadAsync("points", ReadItem.Ok(rodez), ReadItem.Ok(unknown));

        Assert.Equal("12", await portal.Database.ScalarAsync<string>("SELECT departement FROM lieux WHERE source = 'points' AND source_id = 'rodez'"));
        Assert.True(await portal.Database.ScalarAsync<bool>("SELECT departement IS NULL FROM lieux WHERE source = 'points' AND source_id = 'spm'"));
    }

    [Fact]
    public async Task Rejected_rows_are_reported_and_the_others_stored()
    {
        var report = await LoadAsync("mixed",
            ReadItem.Ok(Lieu("1")),
            ReadItem.Fail(new RowError(2, "nom", "champ obligatoire vide")),
            ReadItem.Ok(Lieu("1", "doublon")));

        Assert.Equal(1, report.Inserted);
        Assert.Equal([(2L, "nom"), (3L, "id")], report.Rejected.Select(e => (e.Line, e.Field)));
        Assert.Equal(2, await portal.Database.ScalarAsync<int>("SELECT rejected FROM imports WHERE source = 'mixed'"));
    }

    [Fact]
    public async Task An_import_that_fails_midway_leaves_the_previous_data_intact()
    {
        await LoadAsync("fragile", ReadItem.Ok(Lieu("1", "Avant")), ReadItem.Ok(Lieu("2", "Avant")));
        var before = await portal.Database.ScalarAsync<string>(
            "SELECT string_agg(source_id || '=' || nom || '@' || import_id, ',' ORDER BY source_id) FROM lieux WHERE source = 'fragile'");

        await Assert.ThrowsAsync<IOException>(() => portal.Loader.LoadAsync(Origin("fragile"),
            Items([ReadItem.Ok(Lieu("1", "Après")), ReadItem.Ok(Lieu("3", "Nouveau"))], failAtEnd: true), CancellationToken.None));

        Assert.Equal(before, await portal.Database.ScalarAsync<string>(
            "SELECT string_agg(source_id || '=' || nom || '@' || import_id, ',' ORDER BY source_id) FROM lieux WHERE source = 'fragile'"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM imports WHERE source = 'fragile'"));
    }
}
