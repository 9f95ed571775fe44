using OpenFabriques.Geo.Model;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Import;

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

    private static async IAsyncEnumerable<ReadItem> Items(IEnumerable<LieuRecord?> records, bool failAtEnd = false)
    {
        var line = 1;
        foreach (var r in records)
        {
            await Task.Yield();
            line++;
            yield return r is null ? ReadItem.Fail(new RowError(line, "nom", "champ obligatoire vide")) : ReadItem.Ok(r, line);
        }
        if (failAtEnd) throw new IOException("connexion coupée pendant la lecture");
    }

    private Task<ImportReport> LoadAsync(string source, LoadOptions? options, params LieuRecord?[] records) =>
        portal.Loader.LoadAsync(Origin(source), Items(records), CancellationToken.None, options);

    private Task<string> SnapshotAsync(string source) => portal.Database.ScalarAsync<string>(
        "SELECT coalesce(string_agg(source_id || '=' || nom || '@' || import_id, ',' ORDER BY source_id), '') FROM fiches WHERE source = $1", source);

    [Fact]
    public async Task Loading_the_same_data_twice_changes_nothing_and_a_change_updates_one_place()
    {
        var first = await LoadAsync("repeat", null, Lieu("1", "A", "coworking"), Lieu("2", "B"));
        var again = await LoadAsync("repeat", null, Lieu("1", "A", "coworking"), Lieu("2", "B"));
        var changed = await LoadAsync("repeat", null, Lieu("1", "A", "fablab", "photocopie"), Lieu("2", "B"));

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Inserted, changed.Updated, changed.Unchanged));
        Assert.Equal("fablab,reprographie", await portal.Database.ScalarAsync<string>("""
            SELECT string_agg(ls.service_slug, ',' ORDER BY ls.service_slug)
            FROM fiches_services ls JOIN fiches l ON l.id = ls.fiche_id WHERE l.source = 'repeat' AND l.source_id = '1'
            """));
        Assert.Equal(3L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM imports WHERE source = 'repeat'"));
    }

    [Fact]
    public async Task A_place_without_a_departement_gets_the_one_its_point_lies_in()
    {
        var rodez = Lieu("rodez") with { CodePostal = null, Departement = null, Latitude = 44.3506, Longitude = 2.5734 };
        var unknown = Lieu("spm") with { Departement = "975", Latitude = null, Longitude = null };

        var report = await LoadAsync("points", null, rodez, unknown);

        Assert.Equal("12", await portal.Database.ScalarAsync<string>("SELECT departement FROM fiches WHERE source = 'points' AND source_id = 'rodez'"));
        Assert.True(await portal.Database.ScalarAsync<bool>("SELECT departement IS NULL FROM fiches WHERE source = 'points' AND source_id = 'spm'"));
        Assert.Equal([(3L, "departement")], report.Warnings.Select(w => (w.Line, w.Field)));
    }

    [Fact]
    public async Task A_point_far_outside_its_coded_departement_is_reported_and_not_moved()
    {
        // Coded in Aveyron (12270) but placed in Lille: 700 km away.
        var lost = Lieu("lille") with { Latitude = 50.6292, Longitude = 3.0573 };
        // Najac is 1 km from the Tarn-et-Garonne border: close enough, nothing to report.
        var border = Lieu("najac");

        var report = await LoadAsync("far", null, lost, border);

        var warning = Assert.Single(report.Warnings);
        Assert.Equal((2L, "latitude/longitude"), (warning.Line, warning.Field));
        Assert.Contains("dans le 59", warning.Message, StringComparison.Ordinal);
        Assert.Equal("12", await portal.Database.ScalarAsync<string>("SELECT departement FROM fiches WHERE source = 'far' AND source_id = 'lille'"));
    }

    [Fact]
    public async Task Rejected_rows_and_duplicates_are_reported_by_line_and_the_others_stored()
    {
        var report = await LoadAsync("mixed", null, Lieu("1"), null, Lieu("1", "doublon"));

        Assert.Equal(1, report.Inserted);
        Assert.Equal([(3L, "nom"), (4L, "source_id")], report.Rejected.Select(e => (e.Line, e.Field)));
        Assert.Equal("1=Les Lieux communs", (await SnapshotAsync("mixed")).Split('@')[0]);
        Assert.Equal(2, await portal.Database.ScalarAsync<int>("SELECT rejected FROM imports WHERE source = 'mixed'"));
    }

    [Fact]
    public async Task Strict_refuses_the_whole_file_on_one_bad_row()
    {
        await LoadAsync("strict", null, Lieu("1", "Avant"));
        var before = await SnapshotAsync("strict");

        var report = await LoadAsync("strict", new LoadOptions { Strict = true }, Lieu("1", "Après"), null, Lieu("2"));

        Assert.NotNull(report.RefusedBecause);
        Assert.Null(report.ImportId);
        Assert.Equal(before, await SnapshotAsync("strict"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM imports WHERE source = 'strict'"));
    }

    [Fact]
    public async Task Prune_withdraws_the_places_the_file_no_longer_has_and_only_from_a_clean_file()
    {
        await LoadAsync("prune", null, Lieu("1"), Lieu("2"), Lieu("3"));
        await LoadAsync("autre-source", null, Lieu("1"));

        var dirty = await LoadAsync("prune", new LoadOptions { Prune = true }, Lieu("1"), null);
        Assert.Equal(0, dirty.Withdrawn);
        Assert.NotNull(dirty.PruneSkippedBecause);

        var clean = await LoadAsync("prune", new LoadOptions { Prune = true }, Lieu("1"), Lieu("3"));
        Assert.Equal(1, clean.Withdrawn);
        Assert.Equal("1,3", string.Join(",", (await SnapshotAsync("prune")).Split(',').Select(x => x.Split('=')[0])));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM fiches WHERE source = 'autre-source'"));
        Assert.Equal(1, await portal.Database.ScalarAsync<int>("SELECT withdrawn FROM imports WHERE source = 'prune' ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task An_import_that_fails_midway_leaves_the_previous_data_intact()
    {
        await LoadAsync("fragile", null, Lieu("1", "Avant"), Lieu("2", "Avant"));
        var before = await SnapshotAsync("fragile");

        await Assert.ThrowsAsync<IOException>(() => portal.Loader.LoadAsync(Origin("fragile"),
            Items([Lieu("1", "Après"), Lieu("3", "Nouveau")], failAtEnd: true), CancellationToken.None));

        Assert.Equal(before, await SnapshotAsync("fragile"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM imports WHERE source = 'fragile'"));
    }
}
