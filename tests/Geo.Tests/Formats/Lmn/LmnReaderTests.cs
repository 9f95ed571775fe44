using System.Text;
using System.Text.Json;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Formats.Lmn;

namespace OpenFabriques.Geo.Tests.Formats.Lmn;

public class LmnReaderTests
{
    [Fact]
    public async Task Reads_schema_v1_csv_with_its_rules_and_line_numbers()
    {
        var items = await Fixture.ReadAsync(new LmnReader(), "lmn-v1.csv");

        Assert.Equal(["lc-najac", "cyber-rodez", "ajaccio"], items.Records().Select(r => r.SourceId));
        // The first record spans lines 2–3 (a line break inside a quoted field): the next starts on line 4.
        Assert.Equal([(5L, "pivot"), (6L, "pivot"), (7L, "date_maj")], items.Errors());
    }

    [Fact]
    public async Task Keeps_what_the_v1_enumerations_do_not_know_with_a_warning()
    {
        var items = await Fixture.ReadAsync(new LmnReader(), "lmn-v1.csv");
        var rodez = items.Records()[1];

        Assert.Equal(["maitrise-outils-numeriques", "autre"], rodez.Services.Select(s => s.Slug));
        Assert.Equal("Réparation de vélos", rodez.Services[1].LibelleSource);
        Assert.Equal("05 65 00 00 00", rodez.Telephone);
        var warnings = items.Warnings().Select(w => (w.Line, w.Field)).ToList();
        Assert.Contains((4L, "services"), warnings);
        Assert.Contains((4L, "telephone"), warnings);
        Assert.Contains((2L, "services"), warnings); // « Espace de coworking » is no v1 service, yet a known one
    }

    [Fact]
    public async Task Reads_v1_labels_lists_and_multiline_text()
    {
        var najac = (await Fixture.ReadAsync(new LmnReader(), "lmn-v1.csv")).Records()[0];

        Assert.Equal(["France Services", "Conseillers numériques", "Fabriques de Territoire"], najac.Labels);
        Assert.Equal(["acces-internet-materiel", "aide-demarches-administratives", "coworking"], najac.Services.Select(s => s.Slug));
        Assert.Contains("\n« salle de réunions »", najac.Description, StringComparison.Ordinal);
        Assert.Equal("https://lieux-communs.example/", najac.SiteWeb);
        Assert.Equal("12167", najac.CodeInsee);
        Assert.DoesNotContain("marie.durand", JsonSerializer.Serialize(najac), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_v1_json_with_lists_as_arrays_or_strings()
    {
        var records = (await Fixture.ReadAsync(new LmnReader(), "lmn-v1.json")).Records();

        Assert.Equal(["acces-internet-materiel", "aide-demarches-administratives", "coworking"], records[0].Services.Select(s => s.Slug));
        Assert.Equal(["maitrise-outils-numeriques", "autre"], records[1].Services.Select(s => s.Slug));
        Assert.Equal(44.3506, records[1].Latitude);
    }

    [Fact]
    public async Task Reads_v01_csv_with_semicolon_lists()
    {
        var items = await Fixture.ReadAsync(new LmnReader(), "lmn-v01.csv");
        var records = items.Records();

        Assert.Equal(["0", "136"], records.Select(r => r.SourceId));
        Assert.Equal(["acces-internet-materiel", "acces-internet-materiel", "aide-demarches-administratives"], records[0].Services.Select(s => s.Slug));
        Assert.Equal(["France Services", "APTIC"], records[0].Labels);
        Assert.Equal(["maitrise-outils-numeriques", "loisirs-creations-numeriques"], records[1].Services.Select(s => s.Slug));
        Assert.Equal([(4L, "code_postal")], items.Errors());
        Assert.DoesNotContain("msap@example.org", JsonSerializer.Serialize(records), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_column_is_a_clear_error()
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("id,nom,commune\n1,A,B\n"));

        var e = await Assert.ThrowsAsync<SourceFormatException>(() => Fixture.ReadAsync(new LmnReader(), stream));
        Assert.Contains("code_postal", e.Message, StringComparison.Ordinal);
        Assert.Contains("adresse", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_columns_are_reported_once_and_ignored()
    {
        var csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,couleur,humeur\n"
            + "1,123456789,A,Rodez,12000,x,2024-01-01,bleu,gai\n2,123456789,B,Rodez,12000,x,2024-01-01,vert,las\n";
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var items = await Fixture.ReadAsync(new LmnReader(), stream);

        Assert.Equal(2, items.Records().Count);
        var notice = Assert.Single(items.Warnings());
        Assert.Equal((1L, "couleur, humeur"), (notice.Line, notice.Field));
    }

    [Fact]
    public async Task A_row_with_missing_fields_is_rejected_by_line()
    {
        var csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n1,123456789,A,Rodez,12000,x,2024-01-01\n2,123456789,B\n";
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var items = await Fixture.ReadAsync(new LmnReader(), stream);

        Assert.Equal([(3L, (string?)null)], items.Errors());
        Assert.Contains("3 champ(s)", items.Single(i => i.Error is not null).Error!.Message, StringComparison.Ordinal);
    }
}
