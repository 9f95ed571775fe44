using System.Text.Json;
using OpenFabriques.Geo.Formats.Lmn;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Tests.Formats.Lmn;

public class LmnV01JsonReaderTests
{
    private static async Task<List<ReadItem>> ReadFixtureAsync()
    {
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "lmn-v01.json"));
        var items = new List<ReadItem>();
        await foreach (var item in new LmnV01JsonReader().ReadAsync(stream)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task Reads_every_record_and_rejects_the_malformed_ones_by_number_and_field()
    {
        var items = await ReadFixtureAsync();

        Assert.Equal(7, items.Count);
        Assert.Equal(["1", "2", "7"], items.Where(i => i.Record is not null).Select(i => i.Record!.SourceId));
        var errors = items.Where(i => i.Error is not null).Select(i => (i.Error!.Line, i.Error.Field)).ToList();
        Assert.Equal([(3L, "nom"), (4L, "latitude"), (5L, "code_postal"), (6L, (string?)null)], errors);
    }

    [Fact]
    public async Task Maps_services_to_slugs_and_keeps_the_source_wording()
    {
        var najac = (await ReadFixtureAsync())[0].Record!;

        Assert.Equal(
            ["acces-internet-materiel", "acces-internet-materiel", "aide-demarches-administratives", "autre"],
            najac.Services.Select(s => s.Slug));
        Assert.Equal("Réparer son vélo", najac.Services[^1].LibelleSource);
    }

    [Fact]
    public async Task Normalises_fields_and_derives_the_departement()
    {
        var items = await ReadFixtureAsync();
        var najac = items[0].Record!;
        var ajaccio = items[1].Record!;
        var reunion = items[6].Record!;

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
        var najac = (await ReadFixtureAsync())[0].Record!;

        Assert.DoesNotContain("jeanne.dupont", JsonSerializer.Serialize(najac), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_is_not_an_array_is_an_error()
    {
        await using var stream = new MemoryStream("{\"id\": 1}"u8.ToArray());
        await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in new LmnV01JsonReader().ReadAsync(stream)) { }
        });
    }
}
