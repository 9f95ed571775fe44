using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.Lmn;

/// <summary>
/// Reads lieux de médiation numérique in the JSON shape of schema v0.1: an array of objects with
/// <c>id, nom, commune, code_postal, adresse, latitude, longitude, services</c> (separated by ";"),
/// <c>horaires, site_web, telephone, source, date_maj</c>. E-mail addresses are never read.
/// Errors name the record (1-based position in the array) and the property.
/// </summary>
public sealed class LmnV01JsonReader : ILieuReader
{
    /// <inheritdoc />
    public string Format => "lmn";

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long n = 0;
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken))
        {
            n++;
            yield return Read(element, n);
        }
    }

    private static ReadItem Read(JsonElement e, long n)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return ReadItem.Fail(new RowError(n, null, "l'enregistrement n'est pas un objet JSON"));

        string? Get(string name) => e.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => FieldRules.Text(p.GetString()),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        } : null;

        var id = Get("id");
        var nom = Get("nom");
        foreach (var (field, value) in new[] { ("id", id), ("nom", nom), ("commune", Get("commune")) })
        {
            if (value is null) return ReadItem.Fail(new RowError(n, field, "champ obligatoire vide"));
        }

        var codePostal = Get("code_postal");
        if (codePostal is not null && !IsPostcode(codePostal))
            return ReadItem.Fail(new RowError(n, "code_postal", $"code postal invalide « {codePostal} »"));
        var codeInsee = Get("code_insee");
        if (codeInsee is not null && !InseeCodes.IsCommune(codeInsee))
            return ReadItem.Fail(new RowError(n, "code_insee", $"code INSEE invalide « {codeInsee} »"));
        if (!FieldRules.TryCoordinate(Get("latitude"), 90, out var lat))
            return ReadItem.Fail(new RowError(n, "latitude", "latitude invalide"));
        if (!FieldRules.TryCoordinate(Get("longitude"), 180, out var lon))
            return ReadItem.Fail(new RowError(n, "longitude", "longitude invalide"));
        if (lat is null != lon is null)
            return ReadItem.Fail(new RowError(n, lat is null ? "latitude" : "longitude", "latitude et longitude vont ensemble"));
        if (!FieldRules.TryDate(Get("date_maj"), out var dateMaj))
            return ReadItem.Fail(new RowError(n, "date_maj", "date invalide (attendu AAAA-MM-JJ)"));

        var services = FieldRules.List(Get("services"), ';')
            .Select(s => new LieuService(ServiceVocabulary.ToSlug(s)!, s))
            .ToList();

        return ReadItem.Ok(new LieuRecord
        {
            SourceId = id!,
            Nom = nom!,
            Adresse = Get("adresse"),
            CodePostal = codePostal,
            CodeInsee = codeInsee?.ToUpperInvariant(),
            Commune = Get("commune"),
            Departement = InseeCodes.DepartementOfCommune(codeInsee) ?? InseeCodes.DepartementOfPostcode(codePostal),
            Latitude = lat,
            Longitude = lon,
            SiteWeb = FieldRules.Url(Get("site_web")),
            Telephone = Get("telephone"),
            Horaires = Get("horaires"),
            Typologie = Get("typologie"),
            Description = Get("presentation_resume"),
            DateMaj = dateMaj,
            Services = services,
        });
    }

    private static bool IsPostcode(string value) =>
        value.Length == 5 && value.All(char.IsAsciiDigit) && int.Parse(value, CultureInfo.InvariantCulture) >= 1000;
}
