using System.Text.RegularExpressions;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.Lmn;

/// <summary>
/// Turns one row of the lieux de médiation numérique schema (v1.x lists with "|", v0.1 lists with ";")
/// into a canonical record, applying the schema's rules: required fields and patterns reject the row;
/// a value outside an enumeration or a phone in another format is kept and warned about. The record's identity is
/// the row's upstream <c>source</c> and id (<see cref="UpstreamIdentity"/>). E-mail fields (courriel, courriels) are never read.
/// </summary>
internal static partial class LmnRecordMapper
{
    public static ReadItem Map(IFieldSource f, bool v1)
    {
        var n = f.Line;
        foreach (var field in LmnSchema.Required)
        {
            if (f.Text(field) is null) return ReadItem.Fail(new RowError(n, field, "champ obligatoire vide"));
        }
        var warnings = new List<RowError>();
        var pivot = f.Text("pivot");
        if (v1 && pivot is null) return ReadItem.Fail(new RowError(n, "pivot", "champ obligatoire vide"));
        if (pivot is not null && !PivotPattern().IsMatch(pivot))
            return ReadItem.Fail(new RowError(n, "pivot", $"SIRET ou RNA invalide « {pivot} » (9 à 14 lettres ou chiffres)"));
        var codePostal = f.Text("code_postal")!;
        if (!PostcodePattern().IsMatch(codePostal))
            return ReadItem.Fail(new RowError(n, "code_postal", $"code postal invalide « {codePostal} » (5 chiffres)"));
        var codeInsee = FieldRules.CommuneCode(n, f.Text("code_insee"), "code_insee", warnings);
        if (!FieldRules.TryPoint(n, f.Text("latitude"), f.Text("longitude"), "latitude", "longitude", warnings, out var lat, out var lon, out var pointError))
            return ReadItem.Fail(pointError!);
        if (!FieldRules.TryDate(f.Text("date_maj"), out var dateMaj))
            return ReadItem.Fail(new RowError(n, "date_maj", $"date invalide « {f.Text("date_maj")} » (attendu AAAA-MM-JJ)"));

        var separator = v1 ? '|' : ';';
        var telephone = f.Text("telephone");
        if (telephone is not null && !PhonePattern().IsMatch(telephone))
            warnings.Add(new RowError(n, "telephone", $"téléphone hors du format du schéma (+33…) « {telephone} », gardé tel quel"));
        var resume = f.Text("presentation_resume");
        if (resume is { Length: > 280 })
            warnings.Add(new RowError(n, "presentation_resume", $"résumé de {resume.Length} caractères (280 au plus), gardé"));

        var services = new List<LieuService>();
        foreach (var value in f.List("services", separator))
        {
            var slug = ServiceVocabulary.ToSlug(value)!;
            if (v1 && !LmnSchema.V1Services.Contains(value))
                warnings.Add(new RowError(n, "services", $"service hors de la liste du schéma « {value} », gardé{(slug == ServiceCatalog.Autre ? " sous « autre »" : "")}"));
            services.Add(new LieuService(slug, value));
        }

        var labels = v1
            ? f.List("dispositif_programmes_nationaux", '|').Concat(f.List("formations_labels", '|')).Concat(f.List("autres_formations_labels", '|'))
            : f.List("labels_nationaux", ';').Concat(f.List("labels_autres", ';'));

        var adresse = f.Text("adresse");
        if (f.Text("complement_adresse") is { } complement) adresse = $"{adresse}, {complement}";

        // The row's own upstream source, when it names one, is the record's source (not the import's --source).
        var source = UpstreamIdentity.Key(f.Text("source"));
        var id = f.Text("id")!;
        return ReadItem.Ok(new LieuRecord
        {
            Source = source,
            SourceId = source is null ? id : UpstreamIdentity.Id(source, id),
            Nom = f.Text("nom")!,
            Adresse = adresse,
            CodePostal = codePostal,
            CodeInsee = codeInsee?.ToUpperInvariant(),
            Commune = f.Text("commune"),
            Departement = InseeCodes.DepartementOfCommune(codeInsee) ?? InseeCodes.DepartementOfPostcode(codePostal),
            Latitude = lat,
            Longitude = lon,
            SiteWeb = FieldRules.Url(f.Text("site_web")),
            Telephone = telephone,
            Horaires = f.Text("horaires"),
            Typologie = f.Text("typologie"),
            Labels = labels.Distinct(StringComparer.Ordinal).ToList(),
            Description = resume,
            DateMaj = dateMaj,
            Services = services,
        }, n, warnings);
    }

    [GeneratedRegex("^[a-zA-Z0-9]{9,14}$")]
    private static partial Regex PivotPattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$")]
    private static partial Regex PhonePattern();
}
