using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Formats.Csv;
using OpenFabriques.Geo.Formats.Json;
using OpenFabriques.Geo.Geometry;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Reads the portal's own exports: the CSV of <see cref="LieuCsvWriter"/> and the GeoJSON
/// FeatureCollection of /exports/lieux.geojson (detected by the first byte). Each row keeps the
/// source it names, so that an export of several sources re-imports to the same data.
/// </summary>
public sealed class OpenFabriquesReader : ILieuReader
{
    /// <inheritdoc />
    public string Format => "openfabriques";

    /// <inheritdoc />
    public IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        JsonOrCsv.ReadAsync(stream, ReadGeoJsonAsync, ReadCsvAsync, cancellationToken);

    private static IAsyncEnumerable<ReadItem> ReadCsvAsync(Stream stream, CancellationToken ct) =>
        CsvRows.ReadAsync(stream, LieuColumns.Required.ToList(), LieuColumns.All.ToList(), table => _ =>
        {
            string? T(string c) => table[c] is { Length: > 0 } v ? SpreadsheetSafety.Restore(v) : null;
            var slugs = ListCodec.Split(T("services"));
            var wording = ListCodec.Split(T("services_source"));
            var services = slugs.Select((slug, i) => (Slug: slug, Source: i < wording.Count ? wording[i] : null));
            return Build(table.Line, T, services, ListCodec.Split(T("labels")));
        }, ct);

    private static async IAsyncEnumerable<ReadItem> ReadGeoJsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        long n = 0;
        await foreach (var feature in JsonArrayReader.ReadAsync(stream, "features", ct))
        {
            n++;
            if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
            {
                yield return ReadItem.Fail(new RowError(n, "properties", "l'entité n'a pas de propriétés"));
                continue;
            }
            if (Point(feature, n, out var point) is { } geometryError)
            {
                yield return ReadItem.Fail(geometryError);
                continue;
            }
            var fields = new JsonFieldSource(props, n);
            string? T(string c) => c switch
            {
                "longitude" => point?.X.ToString("R", CultureInfo.InvariantCulture),
                "latitude" => point?.Y.ToString("R", CultureInfo.InvariantCulture),
                _ => fields.Text(c),
            };
            var services = props.TryGetProperty("services", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(e => (
                    Slug: e.TryGetProperty("slug", out var slug) ? slug.GetString() ?? "" : "",
                    Source: e.TryGetProperty("libelle_source", out var src) ? src.GetString() : null)).ToList()
                : [];
            yield return Build(n, T, services, fields.List("labels", '|'));
        }
    }

    /// <summary>
    /// The feature's geometry, read with NetTopologySuite (GeoJSON4STJ): a Point, or none (null or absent); anything
    /// else is the row's error, naming the field.
    /// </summary>
    private static RowError? Point(JsonElement feature, long n, out NetTopologySuite.Geometries.Point? point)
    {
        point = null;
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null) return null;
        try
        {
            switch (GeoJsonGeometryReader.Read(g))
            {
                case NetTopologySuite.Geometries.Point { IsEmpty: false } p:
                    point = p;
                    return null;
                case NetTopologySuite.Geometries.Point:
                    return null;
                case var other:
                    return new RowError(n, "geometry", $"géométrie {other.GeometryType} : attendu Point");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return new RowError(n, "geometry", $"géométrie GeoJSON illisible : {e.Message}");
        }
    }

    private static ReadItem Build(long n, Func<string, string?> get, IEnumerable<(string Slug, string? Source)> services, IReadOnlyList<string> labels)
    {
        var sourceId = get("source_id");
        if (sourceId is null) return ReadItem.Fail(new RowError(n, "source_id", "champ obligatoire vide"));
        var nom = get("nom");
        if (nom is null) return ReadItem.Fail(new RowError(n, "nom", "champ obligatoire vide"));
        var warnings = new List<RowError>();
        if (!FieldRules.TryPoint(n, get("latitude"), get("longitude"), "latitude", "longitude", warnings, out var lat, out var lon, out var pointError))
            return ReadItem.Fail(pointError!);
        if (!TryBoolean(get("position_approximative"), out var approximative))
            return ReadItem.Fail(new RowError(n, "position_approximative", $"valeur invalide « {get("position_approximative")} » (attendu true ou false)"));
        if (!FieldRules.TryDate(get("date_maj"), out var dateMaj))
            return ReadItem.Fail(new RowError(n, "date_maj", $"date invalide « {get("date_maj")} » (attendu AAAA-MM-JJ)"));
        var insee = FieldRules.CommuneCode(n, get("code_insee"), "code_insee", warnings);
        if (!FieldRules.IsWebLink(get("site_web")))
            return ReadItem.Fail(new RowError(n, "site_web", $"lien invalide « {get("site_web")} » (seuls les liens http:// et https:// sont acceptés)"));
        var dep = get("departement");
        if (dep is not null && !InseeCodes.IsDepartement(dep))
            return ReadItem.Fail(new RowError(n, "departement", $"code de département invalide « {dep} »"));

        var list = new List<LieuService>();
        foreach (var (slug, source) in services)
        {
            if (ServiceCatalog.Find(slug) is null)
                return ReadItem.Fail(new RowError(n, "services", $"service inconnu « {slug} » (voir /exports/schema.json)"));
            list.Add(new LieuService(slug, source ?? ServiceCatalog.Find(slug)!.Libelle));
        }

        return ReadItem.Ok(new LieuRecord
        {
            Source = get("source"),
            SourceId = sourceId,
            Nom = nom,
            Adresse = get("adresse"),
            CodePostal = get("code_postal"),
            CodeInsee = insee,
            Commune = get("commune"),
            Departement = dep ?? InseeCodes.DepartementOfCommune(insee) ?? InseeCodes.DepartementOfPostcode(get("code_postal")),
            Longitude = lon,
            Latitude = lat,
            Services = list,
            Labels = labels,
            Typologie = get("typologie"),
            SiteWeb = get("site_web"),
            Telephone = get("telephone"),
            Horaires = get("horaires"),
            Description = get("description"),
            DateMaj = dateMaj,
            PositionApproximative = approximative,
        }, n, warnings);
    }

    /// <summary>A Table Schema boolean (true, True, TRUE, 1 and their false forms); empty is false.</summary>
    private static bool TryBoolean(string? value, out bool result)
    {
        result = value is "true" or "True" or "TRUE" or "1";
        return result || value is null or "false" or "False" or "FALSE" or "0";
    }
}
