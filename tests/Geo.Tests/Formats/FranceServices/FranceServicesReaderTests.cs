using System.Text.Json;
using OpenFabriques.Geo.Formats.FranceServices;

namespace OpenFabriques.Geo.Tests.Formats.FranceServices;

public class FranceServicesReaderTests
{
    private static Task<List<Geo.Model.ReadItem>> ReadAsync() => Fixture.ReadAsync(new FranceServicesReader(), "france-services.csv");

    [Fact]
    public async Task Reads_quoted_fields_that_span_lines()
    {
        var items = await ReadAsync();
        var najac = items.Records()[0];

        Assert.Equal(["FS-12-001", "FS-2B-004", "FS-976-001"], items.Records().Select(r => r.SourceId));
        Assert.Equal([(6L, "id_fs")], items.Errors()); // line 6: the first record took lines 2 and 3
        Assert.Equal("Accueil sur rendez-vous le jeudi.\nPermanence CAF le 1er mardi du mois, « sans rendez-vous ».", najac.Description);
    }

    [Fact]
    public async Task Keeps_opening_hours_per_weekday_and_the_label()
    {
        var records = (await ReadAsync()).Records();
        var najac = records[0];

        Assert.Equal("lundi : 09h00-12h00 ; mardi : 09h00-12h00 / 14h00-17h00 ; jeudi : 14h00-17h00", najac.Horaires);
        Assert.Equal(["France services"], najac.Labels);
        Assert.Equal(["aide-demarches-administratives", "acces-internet-materiel"], najac.Services.Select(s => s.Slug));
        Assert.Equal("Place du Faubourg, Mairie", najac.Adresse);
        Assert.Equal(("2B", "976"), (records[1].Departement, records[2].Departement));
        Assert.Equal("France services (Itinérant)", records[2].Typologie);
    }

    [Fact]
    public async Task Does_not_keep_the_mailbox()
    {
        var json = JsonSerializer.Serialize((await ReadAsync()).Records());

        Assert.DoesNotContain("@example.org", json, StringComparison.Ordinal);
    }
}
