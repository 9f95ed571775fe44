using System.Text.Json;
using OpenFabriques.Geo.Formats.Lmn;

namespace OpenFabriques.Geo.Tests.Formats.Lmn;

public class LmnV01JsonReaderTests
{
    private static Task<List<Geo.Model.ReadItem>> ReadFixtureAsync() => Fixture.ReadAsync(new LmnReader(), "lmn-v01.json");

    [Fact]
    public async Task Reads_every_record_and_rejects_the_malformed_ones_by_number_and_field()
    {
        var items = await ReadFixtureAsync();

        Assert.Equal(["1", "2", "7"], items.Records().Select(r => r.SourceId));
        Assert.Equal([(3L, "nom"), (4L, "latitude"), (5L, "code_postal"), (6L, (string?)null)], items.Errors());
    }

    [Fact]
    public async Task Maps_services_to_slugs_and_keeps_the_source_wording()
    {
        var najac = (await ReadFixtureAsync()).Records()[0];

        Assert.Equal(
            ["acces-internet-materiel", "acces-internet-materiel", "aide-demarches-administratives", "autre"],
            najac.Services.Select(s => s.Slug));
        Assert.Equal("Réparer son vélo", najac.Services[^1].LibelleSource);
    }

    [Fact]
    public async Task Normalises_fields_and_derives_the_departement()
    {
        var records = (await ReadFixtureAsync()).Records();
        var (najac, ajaccio, reunion) = (records[0], records[1], records[2]);

        Assert.Equal("https://www.lieux-communs.example/", najac.SiteWeb);
        Assert.Equal(new DateOnly(2023, 11, 15), najac.DateMaj);
        Assert.Equal("12", najac.Departement);
        Assert.Equal((44.21999, 1.97875), (najac.Latitude!.Value, najac.Longitude!.Value));
        Assert.Equal("2A", ajaccio.Departement);
        Assert.Equal(41.9192, ajaccio.Latitude);
        Assert.Equal("974", reunion.Departement);
        Assert.Null(reunion.Latitude);
        Assert.Empty(reunion.Services);
    }

    [Fact]
    public async Task Never_keeps_an_email_address()
    {
        var najac = (await ReadFixtureAsync()).Records()[0];

        Assert.DoesNotContain("jeanne.dupont", JsonSerializer.Serialize(najac), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_is_not_an_array_is_a_clear_error()
    {
        await using var stream = new MemoryStream("{\"id\": 1}"u8.ToArray());
        var e = await Assert.ThrowsAsync<Geo.Formats.SourceFormatException>(() => Fixture.ReadAsync(new LmnReader(), stream));
        Assert.Contains("tableau", e.Message, StringComparison.Ordinal);
    }
}
