using System.Text;
using System.Text.Json;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Tests.Formats.OpenFabriques;

public class OpenFabriquesFormatTests
{
    private static readonly LieuRecord Tricky = new()
    {
        Source = "essai",
        SourceId = "a|b\\c",
        Nom = "=HYPERLINK(\"http://x\"), \"le lieu\"\nsur deux lignes",
        Adresse = "-3 rue des Virgules, « bis »",
        CodePostal = "01000",
        CodeInsee = "01053",
        Commune = "Bourg-en-Bresse",
        Departement = "01",
        Longitude = -0.000123456789,
        Latitude = 46.2052,
        Services = [new("coworking", "Espace de coworking | bureaux"), new("autre", "'=atelier vélo")],
        Labels = ["Fabrique de territoire", "@label"],
        Typologie = "+tiers-lieu",
        SiteWeb = "https://example.org/",
        Telephone = "+33474000000",
        Horaires = "Mo-Fr 09:00-12:00;\tSa 10:00-12:00",
        Description = "\rcommence par un retour chariot",
        DateMaj = new DateOnly(2024, 2, 29),
    };

    [Fact]
    public async Task A_place_with_quotes_commas_line_breaks_and_formulas_survives_a_round_trip()
    {
        var csv = new StringWriter();
        await using (var writer = new LieuCsvWriter(csv))
        {
            await writer.WriteHeaderAsync();
            await writer.WriteAsync(Tricky, 42, "ignored");
        }

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var items = await Fixture.ReadAsync(new OpenFabriquesReader(), stream);

        Assert.Empty(items.Errors().Select(e => $"{e.Line} {e.Field}"));
        var back = Assert.Single(items.Records());
        Assert.Equal(JsonSerializer.Serialize(Tricky), JsonSerializer.Serialize(back));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("JavaScript:alert(document.domain)")]
    public async Task A_link_that_is_not_http_rejects_its_row_naming_the_field(string link)
    {
        var csv = new StringWriter();
        await using (var writer = new LieuCsvWriter(csv))
        {
            await writer.WriteHeaderAsync();
            await writer.WriteAsync(Tricky with { SiteWeb = link }, 42, "ignored");
            await writer.WriteAsync(Tricky with { SourceId = "autre" }, 43, "ignored");
        }

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var items = await Fixture.ReadAsync(new OpenFabriquesReader(), stream);

        var error = Assert.Single(items.Errors());
        Assert.Equal("site_web", error.Field);
        Assert.Equal("https://example.org/", Assert.Single(items.Records()).SiteWeb);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_evaluate_are_neutralised()
    {
        var csv = new StringWriter();
        await using (var writer = new LieuCsvWriter(csv))
            await writer.WriteAsync(Tricky, 1, "essai");
        var text = csv.ToString();

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\"), \"\"le lieu\"\"\nsur deux lignes\"", text, StringComparison.Ordinal);
        Assert.Contains(",\"'-3 rue", text, StringComparison.Ordinal);
        Assert.Contains(",'+tiers-lieu,", text, StringComparison.Ordinal);
        Assert.Contains(",-0.000123456789,", text, StringComparison.Ordinal); // numbers stay numbers
    }

    [Fact]
    public async Task Writes_the_french_excel_variant_with_semicolons()
    {
        var csv = new StringWriter();
        await using (var writer = new LieuCsvWriter(csv, ";"))
            await writer.WriteHeaderAsync();

        Assert.StartsWith("id;source;source_id;nom;", csv.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_geojson_export()
    {
        var geojson = """
            {"type":"FeatureCollection","name":"lieux","features":[
            {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1.97875,44.21999]},
             "properties":{"id":7,"source":"hinaura","source_id":"12","nom":"Les Lieux communs","departement":"12",
               "services":[{"slug":"coworking","libelle":"Espace de coworking","libelle_source":"Coworking"}],
               "labels":["Fabrique de territoire"],"date_maj":"2023-11-15"}},
            {"type":"Feature","id":8,"geometry":null,"properties":{"id":8,"source":"hinaura","source_id":"13","nom":"Sans point"}},
            {"type":"Feature","geometry":null,"properties":{"source_id":"14","nom":"Service inconnu","services":[{"slug":"piscine"}]}}
            ]}
            """;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geojson));

        var items = await Fixture.ReadAsync(new OpenFabriquesReader(), stream);
        var records = items.Records();

        Assert.Equal(2, records.Count);
        Assert.Equal((1.97875, 44.21999), (records[0].Longitude!.Value, records[0].Latitude!.Value));
        Assert.Equal("Coworking", records[0].Services[0].LibelleSource);
        Assert.Equal(["Fabrique de territoire"], records[0].Labels);
        Assert.Null(records[1].Longitude);
        Assert.Equal([(3L, "services")], items.Errors());
    }

    [Fact]
    public async Task A_geometry_that_is_not_a_point_is_the_rows_error_and_a_swapped_point_is_put_back()
    {
        var geojson = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,44],[2,44],[2,45],[1,44]]]},"properties":{"source_id":"1","nom":"Zone"}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":"à Najac"},"properties":{"source_id":"2","nom":"Illisible"}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[44.21999,1.97875]},"properties":{"source_id":"3","nom":"Inversé"}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"source_id":"4","nom":"Île nulle"}}
            ]}
            """;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geojson));

        var items = await Fixture.ReadAsync(new OpenFabriquesReader(), stream);
        var records = items.Records();

        Assert.Equal([(1L, "geometry"), (2L, "geometry")], items.Errors());
        Assert.Equal(["Inversé", "Île nulle"], records.Select(r => r.Nom));
        Assert.Equal((1.97875, 44.21999), (records[0].Longitude!.Value, records[0].Latitude!.Value));
        Assert.Null(records[1].Longitude);
        Assert.Equal(2, items.SelectMany(i => i.Warnings).Count());
    }
}
