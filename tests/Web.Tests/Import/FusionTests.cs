using System.Text;
using OpenFabriques.Geo.Formats.FranceServices;
using OpenFabriques.Geo.Formats.Lmn;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Tests.Import;

/// <summary>A portal with no places and overrides of its own: one pair to merge, one to keep apart.</summary>
public sealed class FusionPortalFixture : ConfiguredPortalFixture
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("fusions-").FullName;

    protected override Task PrepareAsync() => File.WriteAllTextAsync(Path.Combine(Folder, "fusions.csv"), """
        action,source_a,id_a,source_b,id_b,motif
        fusionner,france-services,FS-976-001,conseiller-numerique,cn-mamoudzou,le bus s'arrête devant l'association
        separer,france-services,FS-2B-004,conseiller-numerique,cn-bastia,deux guichets distincts à la même adresse
        """);

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:DefaultSources"] = "";
        settings["OpenFabriques:DistancesInterval"] = "01:00:00";
        settings["OpenFabriques:FusionsFile"] = Path.Combine(Folder, "fusions.csv");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Records of two sources that describe the same real place become one place; the others stay apart.</summary>
public class FusionTests(FusionPortalFixture portal) : IClassFixture<FusionPortalFixture>
{
    /// <summary>Host structures of conseillers numériques, as their national file writes them (LMN v0.1, 2022).</summary>
    private const string Cnfs = """
        [{"id":"cn-najac","nom":"France Services Najac","commune":"NAJAC","code_postal":"12270","adresse":"PL DU FAUBOURG",
          "latitude":44.2198,"longitude":1.9792,"telephone":"+33565000000","date_maj":"2022-05-09","source":"conseiller-numerique",
          "labels_nationaux":"CNFS;France Services","services":"Prendre en main un ordinateur"},
         {"id":"cn-bastia","nom":"Mairie de Bastia","commune":"BASTIA","code_postal":"20200","adresse":"RUE CESAR CAMPINCHI",
          "latitude":42.6977,"longitude":9.4510,"date_maj":"2022-05-09","source":"conseiller-numerique",
          "labels_nationaux":"CNFS","services":"Prendre en main un ordinateur"},
         {"id":"cn-mamoudzou","nom":"Association Mamoudzou numérique","commune":"MAMOUDZOU","code_postal":"97600","adresse":"RUE DU COMMERCE",
          "latitude":-12.7808,"longitude":45.2279,"date_maj":"2022-05-09","source":"conseiller-numerique",
          "labels_nationaux":"CNFS","services":"Prendre en main un ordinateur"},
         {"id":"cn-rodez","nom":"Cyber-base de Rodez","commune":"RODEZ","code_postal":"12000","adresse":"1 AV VICTOR HUGO",
          "latitude":44.3506,"longitude":2.5734,"date_maj":"2022-05-09","source":"conseiller-numerique",
          "labels_nationaux":"CNFS","services":"Prendre en main un ordinateur"}]
        """;

    private async Task<(ImportReport FranceServices, ImportReport Cnfs)> ImportBothAsync(string? franceServices = null)
    {
        var fs = await portal.Loader.ImportFileAsync(franceServices ?? EmptyPortalFixture.FixturePath("france-services.csv"), new FranceServicesReader(),
            "france-services", CancellationToken.None, new LoadOptions { DateDonnees = new DateOnly(2024, 8, 1), Prune = franceServices is not null });
        var path = Path.Combine(portal.Folder, "cnfs.json");
        await File.WriteAllTextAsync(path, Cnfs, Encoding.UTF8);
        var cn = await portal.Loader.ImportFileAsync(path, new LmnReader(), "conseiller-numerique", CancellationToken.None,
            new LoadOptions { DateDonnees = new DateOnly(2022, 12, 1) });
        return (fs, cn);
    }

    private Task<long> PlaceOfAsync(string source, string id) =>
        portal.Database.ScalarAsync<long>("SELECT lieu_id FROM fiches WHERE source = $1 AND source_id = $2", source, id);

    private Task<string> PlaceAsync(long id, string column) =>
        portal.Database.ScalarAsync<string>($"SELECT coalesce({column}::text, '') FROM lieux WHERE id = $1", id);

    private Task<string> ServicesAsync(long id) => portal.Database.ScalarAsync<string>(
        "SELECT string_agg(service_slug, ',' ORDER BY service_slug) FROM lieux_services WHERE lieu_id = $1", id);

    [Fact]
    public async Task Merges_what_describes_one_place_keeps_the_rest_apart_and_a_withdrawn_record_leaves_the_place_standing()
    {
        var (fs, cn) = await ImportBothAsync();
        Assert.Equal((3, 4), (fs.Inserted, cn.Inserted));
        // Najac by name (13 m), Mamoudzou by the overrides; Bastia kept apart by them despite the same address; Rodez alone.
        Assert.Equal(2, cn.Fusionnes);
        Assert.Equal(5L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"));
        var najac = await PlaceOfAsync("france-services", "FS-12-001");
        Assert.Equal(najac, await PlaceOfAsync("conseiller-numerique", "cn-najac"));
        Assert.Equal("nom", await portal.Database.ScalarAsync<string>("SELECT fusion_regle FROM fiches WHERE source_id = 'cn-najac'"));
        Assert.Equal(await PlaceOfAsync("france-services", "FS-976-001"), await PlaceOfAsync("conseiller-numerique", "cn-mamoudzou"));
        Assert.NotEqual(await PlaceOfAsync("france-services", "FS-2B-004"), await PlaceOfAsync("conseiller-numerique", "cn-bastia"));

        // The most recent data gives the name and the address (the list of 2024 over the 2022 file); the services and
        // labels are those of both; a field only one gives comes from it, and the place says from which source.
        Assert.Equal("France services de Najac", await PlaceAsync(najac, "nom"));
        Assert.Equal("Place du Faubourg, Mairie", await PlaceAsync(najac, "adresse"));
        Assert.Equal("acces-internet-materiel,aide-demarches-administratives,maitrise-outils-numeriques", await ServicesAsync(najac));
        Assert.Equal("{france-services,conseiller-numerique}", await PlaceAsync(najac, "labels"));
        Assert.Contains("\"nom\": \"france-services\"", await PlaceAsync(najac, "provenance"), StringComparison.Ordinal);

        // Both sources on the place page.
        using var client = portal.Factory.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/lieux/{najac}", UriKind.Relative)));
        Assert.Contains("Ce lieu d'après 2 sources", page, StringComparison.Ordinal);
        Assert.Contains("« France services de Najac » (identifiant FS-12-001", page, StringComparison.Ordinal);
        Assert.Matches(@"« France Services Najac » \(identifiant cn-najac, mise à jour le 9 mai 2022\)\s*— même nom, à 1\d m", page);
        // Where each field comes from: the list of 2024 gives name, address, position and telephone.
        Assert.Contains("Sur cette fiche, le nom et l'adresse d'après Liste des structures France services", page, StringComparison.Ordinal);
        Assert.Contains("le téléphone d'après Liste des structures France services", page, StringComparison.Ordinal);

        // The records, with the place each describes and the rule that joined it, for anyone to audit the merges.
        var sources = await client.GetStringAsync(new Uri("/exports/sources.csv", UriKind.Relative));
        var rows = sources.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("lieu_id,source,source_id,nom,", rows[0], StringComparison.Ordinal);
        Assert.Equal(7, rows.Length - 1);
        Assert.Contains(rows, r => r.StartsWith($"{najac},conseiller-numerique,cn-najac,", StringComparison.Ordinal)
            && r.Contains(",nom,france-services:FS-12-001,1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("cn-mamoudzou", StringComparison.Ordinal) && r.Contains(",liste,france-services:FS-976-001,", StringComparison.Ordinal));

        // The same files again: nothing added, nothing changed.
        var (fs2, cn2) = await ImportBothAsync();
        Assert.Equal((0, 0, 0, 0), (fs2.Inserted, fs2.Updated, cn2.Inserted, cn2.Updated));
        Assert.Equal(5L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"));

        // The France services list no longer has Najac: the place stands, as the conseillers numériques' file says it.
        var withoutNajac = Path.Combine(portal.Folder, "fs-sans-najac.csv");
        var lines = await File.ReadAllLinesAsync(EmptyPortalFixture.FixturePath("france-services.csv"), Encoding.UTF8);
        // The header and the two one-line rows of Bastia and Mamoudzou (Najac's row spans lines).
        await File.WriteAllLinesAsync(withoutNajac, lines.Where((l, i) => i == 0 || l.StartsWith("\"FS-2B-004\"", StringComparison.Ordinal) || l.StartsWith("\"FS-976-001\"", StringComparison.Ordinal)),
            new UTF8Encoding(false));
        var (fs3, _) = await ImportBothAsync(withoutNajac);
        Assert.Equal(1, fs3.Withdrawn);
        Assert.Equal("France Services Najac", await PlaceAsync(najac, "nom"));
        Assert.Equal("maitrise-outils-numeriques", await ServicesAsync(najac));
        Assert.Equal(5L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"));
    }
}
