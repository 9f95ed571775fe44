using System.Text.Json;
using OpenFabriques.Geo.Formats.Anct;

namespace OpenFabriques.Geo.Tests.Formats.Anct;

public class AnctTiersLieux2019ReaderTests
{
    private static Task<List<Geo.Model.ReadItem>> ReadAsync() => Fixture.ReadAsync(new AnctTiersLieux2019Reader(), "anct-tiers-lieux-2019.csv");

    [Fact]
    public async Task Reads_the_census_and_rejects_bad_rows_by_line_and_column()
    {
        var items = await ReadAsync();

        Assert.Equal(["1", "2", "3", "4"], items.Records().Select(r => r.SourceId));
        Assert.Equal([(6L, "LAT"), (7L, "NOM_TL")], items.Errors());
    }

    [Fact]
    public async Task Never_reads_contact_names_or_emails()
    {
        var json = JsonSerializer.Serialize((await ReadAsync()).Records());

        foreach (var personal in new[] { "Jean Martin", "jean.martin", "Paul Rossi", "paul.rossi", "Anne Hoarau", "anne.hoarau" })
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maps_typology_websites_and_departement_codes()
    {
        var records = (await ReadAsync()).Records();
        var (najac, ajaccio, reunion, bourg) = (records[0], records[1], records[2], records[3]);

        Assert.Equal("https://www.lieuxcommuns-najac.example/", najac.SiteWeb);
        Assert.Equal(["coworking"], najac.Services.Select(s => s.Slug));
        Assert.Equal("Tiers lieux à dominante coworking", najac.Services[0].LibelleSource);
        Assert.Equal(["fablab"], ajaccio.Services.Select(s => s.Slug));
        Assert.Equal("2A", ajaccio.Departement);
        Assert.Equal("974", reunion.Departement);
        Assert.Empty(reunion.Services);
        Assert.Equal(-20.8789, reunion.Latitude);
        // A spreadsheet had turned "01000" into 1000 and "01053" into 1053.
        Assert.Equal(("01000", "01053", "01"), (bourg.CodePostal, bourg.CodeInsee, bourg.Departement));
    }
}
