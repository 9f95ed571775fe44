using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Formats.Csv;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.Anct;

/// <summary>
/// Reads the national census of tiers-lieux of the ANCT (then CGET), 2019: 1,512 rows, one CSV.
/// CONTACT and MAIL hold individuals' names and e-mails: they are never read. WEB often lacks its
/// scheme; INSEEDEP is a string ("01", "2A", "974"); TYPO tells coworking or fablab.
/// </summary>
public sealed class AnctTiersLieux2019Reader : ILieuReader
{
    private static readonly string[] Columns =
    [
        "ID", "NOM_TL", "ADRESSE", "CP", "COMINIT", "INSEECOM", "NOMCOM", "WEB", "TWITTER", "FACEBOOK", "TYPO", "LAT",
        "LONG", "GEOCOD", "PRECISION", "CONTACT", "MAIL", "METRO", "NOMMETRO", "INSEEREG", "NOMREG", "INSEEMETRO",
        "INSEEDEP", "NOMCOMMETRO", "POPCOM", "COMCLASS", "INSEE_ZE", "NOM_ZE", "CLASS_ZE", "POP_ZE",
    ];

    private static readonly string[] Required = ["ID", "NOM_TL"];

    /// <inheritdoc />
    public string Format => "anct-tiers-lieux-2019";

    /// <inheritdoc />
    public IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        CsvRows.ReadAsync(stream, Required, Columns, _ => Map, cancellationToken);

    private static ReadItem Map(CsvFieldSource f)
    {
        var n = f.Line;
        var id = f.Text("ID");
        if (id is null) return ReadItem.Fail(new RowError(n, "ID", "champ obligatoire vide"));
        var nom = f.Text("NOM_TL");
        if (nom is null) return ReadItem.Fail(new RowError(n, "NOM_TL", "champ obligatoire vide"));
        var warnings = new List<RowError>();
        if (!FieldRules.TryPoint(n, f.Text("LAT"), f.Text("LONG"), "LAT", "LONG", warnings, out var lat, out var lon, out var pointError))
            return ReadItem.Fail(pointError!);

        var insee = FieldRules.CommuneCode(n, f.Text("INSEECOM"), "INSEECOM", warnings);
        var cp = FieldRules.LeadingZero(f.Text("CP"));
        var dep = InseeCodes.NormaliseDepartement(f.Text("INSEEDEP"));
        if (f.Text("INSEEDEP") is { } rawDep && dep is null)
            warnings.Add(new RowError(n, "INSEEDEP", $"code de département inconnu « {rawDep} », ignoré"));
        var fromCommune = InseeCodes.DepartementOfCommune(insee);
        if (dep is not null && fromCommune is not null && dep != fromCommune)
            warnings.Add(new RowError(n, "INSEEDEP", $"département {dep} différent de celui de la commune {insee} ({fromCommune}) ; la commune l'emporte"));

        var typo = f.Text("TYPO");
        var services = typo is null ? [] : new List<LieuService> { new(ServiceVocabulary.ToSlug(typo)!, typo) };

        return ReadItem.Ok(new LieuRecord
        {
            SourceId = id,
            Nom = nom,
            Adresse = f.Text("ADRESSE"),
            CodePostal = cp,
            CodeInsee = insee,
            Commune = f.Text("NOMCOM") ?? f.Text("COMINIT"),
            Departement = fromCommune ?? dep ?? InseeCodes.DepartementOfPostcode(cp),
            Latitude = lat,
            Longitude = lon,
            SiteWeb = FieldRules.Url(f.Text("WEB")),
            Typologie = typo,
            Services = services,
        }, n, warnings);
    }
}
