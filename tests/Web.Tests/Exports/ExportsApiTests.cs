using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Model;
using OpenFabriques.Web.Import;
using OpenFabriques.Tests;

namespace OpenFabriques.Web.Tests.Exports;

[Collection(PortalCollection.Name)]
public class ExportsApiTests(PortalFixture portal)
{
    private static readonly LieuRecord Piege = new()
    {
        SourceId = "piege-1",
        Nom = "=SOMME(A1:A9), \"le lieu\"\nsur deux lignes",
        Adresse = "-3 rue des Virgules, « bis »",
        CodePostal = "12270",
        Commune = "Najac",
        Departement = "12",
        Latitude = 44.21999,
        Longitude = 1.97875,
        Services = [new("coworking", "Espace de coworking | bureaux"), new("autre", "@atelier vélo")],
        Labels = ["Fabrique de territoire", "Label « local », avec virgule"],
        Description = "+33 : un numéro ? Non, une description.",
        DateMaj = new DateOnly(2023, 11, 15),
    };

    private HttpClient Client() => portal.Factory.CreateClient();

    private async Task EnsurePiegeAsync()
    {
        var loader = portal.Factory.Services.GetRequiredService<LieuxLoader>();
        await loader.LoadAsync(new ImportOrigin("piege", "test", "tests", new string('0', 64)), One(Piege), CancellationToken.None);
    }

    private static async IAsyncEnumerable<ReadItem> One(LieuRecord r)
    {
        await Task.Yield();
        yield return ReadItem.Ok(r, 2);
    }

    private static async Task<List<ReadItem>> ReadAsync(byte[] bytes)
    {
        var items = new List<ReadItem>();
        await foreach (var i in new OpenFabriquesReader().ReadAsync(new MemoryStream(bytes))) items.Add(i);
        return items;
    }

    [Fact]
    public async Task A_place_with_quotes_commas_line_breaks_and_formulas_survives_export_and_reimport()
    {
        await EnsurePiegeAsync();
        using var client = Client();

        foreach (var url in new[] { "/exports/lieux.csv?departement=12", "/exports/lieux.geojson?departement=12" })
        {
            var bytes = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
            var items = await ReadAsync(bytes);
            var back = items.Select(i => i.Record).Single(r => r?.SourceId == "piege-1")!;
            // A programme's label comes back as its slug, another as the source wrote it.
            Assert.Equal(JsonSerializer.Serialize(Piege with { Source = "piege", Labels = ["fabrique-de-territoire", "Label « local », avec virgule"] }),
                JsonSerializer.Serialize(back));
        }
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/exports/lieux.csv?departement=12", UriKind.Relative)));
        Assert.Contains("\"'=SOMME(A1:A9), \"\"le lieu\"\"\nsur deux lignes\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/lieux.csv")]
    [InlineData("/exports/lieux.geojson")]
    public async Task The_whole_export_reimports_without_changing_anything(string url)
    {
        await EnsurePiegeAsync();
        using var client = Client();
        var bytes = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var loader = portal.Factory.Services.GetRequiredService<LieuxLoader>();
        var before = await portal.Database.ScalarAsync<string>("SELECT md5(string_agg(l::text, '' ORDER BY id)) FROM lieux l");

        var report = await loader.LoadAsync(new ImportOrigin("openfabriques", "openfabriques", url, new string('0', 64)),
            new OpenFabriquesReader().ReadAsync(new MemoryStream(bytes)), CancellationToken.None);

        var total = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux");
        Assert.Equal((0, 0, (int)total), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Empty(report.Rejected);
        Assert.Equal(before, await portal.Database.ScalarAsync<string>("SELECT md5(string_agg(l::text, '' ORDER BY id)) FROM lieux l"));
    }

    public static TheoryData<string> Filters() => new()
    {
        "", "departement=73", "departement=73&departement=74", "service=coworking", "service=fablab&service=aide-demarches-administratives",
        "label=france%20services", "q=mediatheque", "bbox=5.5,45.0,6.5,46.0", "lat=45.5646&lon=5.9178&rayon_km=15",
        "departement=74&service=acces-internet-materiel&q=annecy",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_export_holds_exactly_the_places_the_map_shows(string filter)
    {
        await EnsurePiegeAsync();
        using var client = Client();
        async Task<JsonElement> Json(string url) =>
            JsonDocument.Parse(await client.GetStringAsync(new Uri(url + "?" + filter, UriKind.Relative))).RootElement.Clone();

        var map = (await Json("/api/lieux.geojson")).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToHashSet();
        var geojson = (await Json("/exports/lieux.geojson")).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).Select(f => f.GetProperty("id").GetInt64()).ToHashSet();
        var csv = (await ReadAsync(await client.GetByteArrayAsync(new Uri("/exports/lieux.csv?" + filter, UriKind.Relative))))
            .Where(i => i.Record?.Longitude is not null).Count();
        var services = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/exports/lieux-services.csv?" + filter, UriKind.Relative)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        Assert.Equal(map, geojson);
        Assert.Equal(map.Count, csv);
        Assert.Subset(map.Union(services).ToHashSet(), services); // services rows only for places of the set…
        Assert.True(services.IsSubsetOf(map.Union(await UnlocatedAsync())), "a services row for a place outside the filter");
        if (filter.Length > 0) Assert.True(map.Count < await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux"), "the filter filtered nothing");
    }

    private async Task<HashSet<long>> UnlocatedAsync()
    {
        var ids = await portal.Database.ScalarAsync<long[]>("SELECT coalesce(array_agg(id), '{}') FROM lieux WHERE geom IS NULL");
        return ids.ToHashSet();
    }

    [Fact]
    public async Task The_geojson_export_is_rfc7946_and_gdal_reads_every_feature()
    {
        using var client = Client();
        var bytes = await client.GetByteArrayAsync(new Uri("/exports/lieux.geojson", UriKind.Relative));
        var root = JsonDocument.Parse(bytes).RootElement;

        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _)); // RFC 7946 §4: no crs member
        var features = root.GetProperty("features").EnumerateArray().ToList();
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            var g = f.GetProperty("geometry");
            if (g.ValueKind == JsonValueKind.Null) continue;
            Assert.Equal("Point", g.GetProperty("type").GetString());
            var (lon, lat) = (g.GetProperty("coordinates")[0].GetDouble(), g.GetProperty("coordinates")[1].GetDouble());
            Assert.True(lon is > -62 and < 56 && lat is > -22 and < 52, $"{lon},{lat} is not lon,lat in France");
            Assert.Equal(JsonValueKind.Array, f.GetProperty("properties").GetProperty("services").ValueKind);
        }

        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.geojson");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var info = await ExternalProgram.RunAsync("ogrinfo", "-ro", "-so", "-al", path);
            Assert.Contains($"Feature Count: {features.Count}", info, StringComparison.Ordinal);
            Assert.Contains("Geometry: Point", info, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }


    [Fact]
    public async Task An_unchanged_dataset_answers_304_and_an_import_changes_the_etag()
    {
        using var client = Client();
        var first = await client.GetAsync(new Uri("/exports/lieux.csv?departement=73", UriKind.Relative));
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/exports/lieux.csv?departement=73");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var loader = portal.Factory.Services.GetRequiredService<LieuxLoader>();
        await loader.LoadAsync(new ImportOrigin("etag", "test", "tests", new string('0', 64)), One(Piege with { SourceId = "etag-1", Nom = "Atelier de Chambéry", Adresse = "1 rue de Boigne", CodePostal = "73000", Commune = "Chambéry", Departement = "73", Latitude = 45.5667, Longitude = 5.9208 }), CancellationToken.None);
        using var after = new HttpRequestMessage(HttpMethod.Get, "/exports/lieux.csv?departement=73");
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("lieux.csv", "departement=74&service=aide-demarches-administratives")]
    [InlineData("lieux-services.csv", "departement=12")]
    [InlineData("lieux.geojson", "q=mjc")]
    [InlineData("lieux.csv", "excel=1&departement=73")]
    public async Task The_receipt_gives_the_sha256_and_row_count_of_the_file(string file, string filter)
    {
        using var client = Client();
        var bytes = await client.GetByteArrayAsync(new Uri($"/exports/{file}?{filter}", UriKind.Relative));
        var manifest = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/exports/manifest.json?fichier={file}&{filter}", UriKind.Relative))).RootElement;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), manifest.GetProperty("sha256").GetString());
        Assert.Equal(bytes.LongLength, manifest.GetProperty("octets").GetInt64());
        var rows = file.EndsWith(".geojson", StringComparison.Ordinal)
            ? JsonDocument.Parse(bytes).RootElement.GetProperty("features").GetArrayLength()
            : (await ReadRowsAsync(bytes, file));
        Assert.Equal(rows, manifest.GetProperty("lignes").GetInt64());
        Assert.StartsWith($"/exports/{file}", manifest.GetProperty("fichier").GetString(), StringComparison.Ordinal);
        Assert.Equal("Licence Ouverte 2.0 (Etalab)", manifest.GetProperty("licence").GetProperty("nom").GetString());
        Assert.NotEmpty(manifest.GetProperty("sources").EnumerateArray());
        Assert.DoesNotContain("/work/", manifest.GetRawText(), StringComparison.Ordinal); // no server path
    }

    private static async Task<long> ReadRowsAsync(byte[] bytes, string file)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvHelper.CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            Delimiter = Encoding.UTF8.GetString(bytes).Split('\n')[0].Contains(';', StringComparison.Ordinal) ? ";" : ",",
        });
        long n = 0;
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync()) n++;
        Assert.True(file.Length > 0);
        return n;
    }

    [Fact]
    public async Task The_excel_variant_has_a_bom_and_semicolons_and_names_its_file()
    {
        using var client = Client();
        var response = await client.GetAsync(new Uri("/exports/lieux.csv?excel=1&departement=74&service=coworking", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("id;source;source_id;nom;", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        var name = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Matches(@"^openfabriques-lieux-\d{4}-\d{2}-\d{2}-dep-74-service-coworking-excel\.csv$", name);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/exports/lieux.csv?departement=99", "departement")]
    [InlineData("/exports/lieux.csv?service=piscine", "service")]
    [InlineData("/exports/lieux.geojson?bbox=1,2,3", "bbox")]
    [InlineData("/exports/lieux.geojson?bbox=10,50,5,40", "bbox")]
    [InlineData("/exports/lieux-services.csv?lat=44&rayon_km=10", "lon")]
    [InlineData("/exports/lieux.csv?lat=91&lon=2&rayon_km=10", "lat")]
    [InlineData("/exports/lieux.csv?rayon_km=-1&lat=44&lon=2", "rayon_km")]
    [InlineData("/exports/lieux.csv?excel=2", "excel")]
    [InlineData("/exports/lieux.geojson?excel=1", "excel")]
    [InlineData("/exports/manifest.json?fichier=lieux.xlsx", "fichier")]
    [InlineData("/exports/schema.json?fichier=autre.csv", "fichier")]
    [InlineData("/api/lieux.geojson?q=a&q=b", "q")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        using var client = Client();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_are_compressed_and_open_to_other_origins()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exports/lieux.geojson");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.Add("Origin", "https://journal.example");

        var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_table_schema_describes_every_column_in_order()
    {
        using var client = Client();
        var schema = JsonDocument.Parse(await client.GetStringAsync(new Uri("/exports/schema.json", UriKind.Relative))).RootElement;
        var header = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/exports/lieux.csv?departement=01", UriKind.Relative))).Split("\r\n")[0];

        Assert.Equal(header.Split(','), schema.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(schema.GetProperty("fields").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("description").GetString())));
        Assert.Equal("id", schema.GetProperty("primaryKey").GetString());
    }
}
