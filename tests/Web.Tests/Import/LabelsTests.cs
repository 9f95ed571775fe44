using System.Text;
using OpenFabriques.Geo.Formats.Labels;
using OpenFabriques.Geo.Formats.Lmn;
using OpenFabriques.Tests;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Import;

/// <summary>A portal with the test default (the Hinaura file) and its own database, to load lists of labelled places into.</summary>
public sealed class LabelsPortalFixture : ConfiguredPortalFixture
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("labels-").FullName;

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:DistancesInterval"] = "01:00:00";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// A list of labelled places (name, commune, label, year) attaches its label to the known place of the commune with a
/// similar name, and makes the others places at their commune's point, flagged « position approximative ».
/// </summary>
public class LabelsTests(LabelsPortalFixture portal) : IClassFixture<LabelsPortalFixture>
{
    /// <summary>The example list the documentation gives.</summary>
    private static readonly string Exemple = Path.Combine(ExternalProgram.RepositoryRoot(), "data", "exemples", "labels-fabriques.csv");

    private Task<ImportReport> ImportAsync(string path, string source = "fabriques-anct") =>
        portal.Loader.ImportFileAsync(path, new LabelsReader(), source, CancellationToken.None);

    private Task<long> PlaceOfAsync(string source, string id) =>
        portal.Database.ScalarAsync<long>("SELECT lieu_id FROM fiches WHERE source = $1 AND source_id = $2", source, id);

    private Task<string> PlaceAsync(long id, string column) =>
        portal.Database.ScalarAsync<string>($"SELECT coalesce({column}::text, '') FROM lieux WHERE id = $1", id);

    [Fact]
    public async Task A_list_of_labelled_places_labels_known_places_and_places_the_others_at_their_commune()
    {
        var places = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux");
        var report = await ImportAsync(Exemple);
        Assert.Equal((3, 3, 0), (report.Read, report.Inserted, report.Rejected.Count));
        Assert.Equal(1, report.Fusionnes);
        Assert.Equal(places + 2, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"));

        // « La Licorne » is the Hinaura place of Saint-Germain-Lembron (its record has a postcode, no INSEE code): it gains
        // the label, and keeps its name, address and point.
        var licorne = await PlaceOfAsync("hinaura", "356");
        Assert.Equal(licorne, await PlaceOfAsync("fabriques-anct", "63352-la-licorne"));
        Assert.Equal("commune", await portal.Database.ScalarAsync<string>("SELECT fusion_regle FROM fiches WHERE source_id = '63352-la-licorne'"));
        Assert.DoesNotContain("fabrique-de-territoire", await portal.Database.ScalarAsync<string>(
            "SELECT labels::text FROM fiches WHERE source = 'hinaura' AND source_id = '356'"), StringComparison.Ordinal);
        Assert.Contains("fabrique-de-territoire", await PlaceAsync(licorne, "labels"), StringComparison.Ordinal);
        Assert.StartsWith("Tiers-Lieu-Médiathèque-Fabrique de Territoire", await PlaceAsync(licorne, "nom"), StringComparison.Ordinal);
        Assert.Equal("false", await PlaceAsync(licorne, "position_approximative"));

        // « Les Lieux communs » at Najac, unknown until now: a place at the commune's point, flagged, with its label and year.
        var najac = await PlaceOfAsync("fabriques-anct", "12167-les-lieux-communs");
        Assert.Equal("true", await PlaceAsync(najac, "position_approximative"));
        Assert.Equal(("Najac", "12", "1.97875", "44.21999"),
            (await PlaceAsync(najac, "commune"), await PlaceAsync(najac, "departement"), await PlaceAsync(najac, "lon"), await PlaceAsync(najac, "lat")));
        Assert.Equal("{fabrique-de-territoire}", await PlaceAsync(najac, "labels"));

        using var client = portal.Factory.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/lieux/{najac}", UriKind.Relative)));
        Assert.Contains("Position approximative :</strong> aucune source ne donne l'adresse de ce lieu ; il est placé au centre de sa commune, Najac.", page, StringComparison.Ordinal);
        Assert.Contains("Fabrique de territoire : label obtenu en 2023.", page, StringComparison.Ordinal);
        // The flag in every public shape: the nearest places around Najac, the GeoJSON export, the CSV export.
        var proches = await client.GetStringAsync(new Uri("/api/lieux/proches?lat=44.22&lon=1.98&limit=1", UriKind.Relative));
        Assert.Contains("\"nom\":\"Les Lieux communs\"", proches, StringComparison.Ordinal);
        Assert.Contains("\"position_approximative\":true", proches, StringComparison.Ordinal);
        var csv = await client.GetStringAsync(new Uri("/exports/lieux.csv?departement=12", UriKind.Relative));
        Assert.EndsWith(",date_maj,position_approximative", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains(csv.Split("\r\n"), r => r.Contains("Les Lieux communs", StringComparison.Ordinal) && r.EndsWith(",true", StringComparison.Ordinal));

        // The same list again changes nothing.
        var again = await ImportAsync(Exemple);
        Assert.Equal((0, 0, 3), (again.Inserted, again.Updated, again.Unchanged));

        // A located record of Graulhet that the list names joins the approximate place: the place takes its point,
        // name and address, and is no longer approximate.
        var graulhet = await PlaceOfAsync("fabriques-anct", "81105-tiers-lieu-m");
        Assert.Equal("true", await PlaceAsync(graulhet, "position_approximative"));
        var cnfs = Path.Combine(portal.Folder, "cnfs.json");
        await File.WriteAllTextAsync(cnfs, """
            [{"id":"62a9919c8255a806e299b668","nom":"Léo Lagrange Graulhet - Tiers lieu M - Fabrique de territoire","commune":"GRAULHET",
              "code_postal":"81300","adresse":"2 RUE DE LA REPUBLIQUE","latitude":43.7622,"longitude":1.9901,"date_maj":"2022-06-15",
              "source":"conseiller-numerique","labels_nationaux":"CNFS;France Services","services":"Prendre en main un ordinateur"}]
            """, Encoding.UTF8);
        var cn = await portal.Loader.ImportFileAsync(cnfs, new LmnReader(), "lmn", CancellationToken.None);
        Assert.Equal((1, 1), (cn.Inserted, cn.Fusionnes));
        Assert.Equal(graulhet, await PlaceOfAsync("conseiller-numerique", "62a9919c8255a806e299b668"));
        Assert.Equal(("Léo Lagrange Graulhet - Tiers lieu M - Fabrique de territoire", "43.7622", "false"),
            (await PlaceAsync(graulhet, "nom"), await PlaceAsync(graulhet, "lat"), await PlaceAsync(graulhet, "position_approximative")));
        Assert.Equal("{conseiller-numerique,france-services,fabrique-de-territoire}", await PlaceAsync(graulhet, "labels"));
    }

    [Fact]
    public async Task A_row_without_a_known_commune_or_with_a_bad_year_is_rejected_naming_its_line_and_column()
    {
        var path = Path.Combine(portal.Folder, "mauvais.csv");
        await File.WriteAllTextAsync(path, """
            nom;code_insee;label;annee
            Lieu sans commune;99999;Fabrique de territoire;2021
            Lieu mal daté;12167;Fabrique de territoire;vingt
            Lieu sans code;;Fabrique de territoire;2021
            """, Encoding.UTF8);
        var report = await ImportAsync(path, "liste-mauvaise");
        Assert.Equal(0, report.Inserted);
        Assert.Equal(
            ["2 code_insee commune « 99999 » inconnue du référentiel des communes : le lieu ne peut pas être placé",
             "3 annee année invalide « vingt » (attendu AAAA)",
             "4 code_insee champ obligatoire vide : la liste place chaque lieu dans sa commune"],
            report.Rejected.Select(e => $"{e.Line} {e.Field} {e.Message}"));
    }
}
