using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Formats.Csv;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Formats.FranceServices;

/// <summary>
/// Reads the list of France services (CSV, quoted fields that may span several lines). Opening hours
/// are kept per weekday; the structure's mailbox is not read (the portal stores no e-mail address).
/// Every France services place helps with administrative procedures and offers free access to
/// computers: both services are recorded, with the label « France services ».
/// </summary>
public sealed class FranceServicesReader : ILieuReader
{
    /// <summary>The label every place of this list carries.</summary>
    public const string Label = "France services";

    private static readonly string[] Columns =
    [
        "id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal", "lib_com",
        "latitude", "longitude", "mail", "telephone", "h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi",
        "h_samedi", "prise_rdv", "commentaire", "type_fs", "format_fs", "groupe_fs", "labellisation_fs",
    ];

    private static readonly (string Column, string Day)[] Days =
    [
        ("h_lundi", "lundi"), ("h_mardi", "mardi"), ("h_mercredi", "mercredi"),
        ("h_jeudi", "jeudi"), ("h_vendredi", "vendredi"), ("h_samedi", "samedi"),
    ];

    private static readonly string[] Required = ["id_fs", "lib_fs"];

    /// <inheritdoc />
    public string Format => "france-services";

    /// <inheritdoc />
    public IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        CsvRows.ReadAsync(stream, Required, Columns, _ => Map, cancellationToken);

    private static ReadItem Map(CsvFieldSource f)
    {
        var n = f.Line;
        var id = f.Text("id_fs");
        if (id is null) return ReadItem.Fail(new RowError(n, "id_fs", "champ obligatoire vide"));
        var nom = f.Text("lib_fs");
        if (nom is null) return ReadItem.Fail(new RowError(n, "lib_fs", "champ obligatoire vide"));
        var warnings = new List<RowError>();
        if (!FieldRules.TryPoint(n, f.Text("latitude"), f.Text("longitude"), "latitude", "longitude", warnings, out var lat, out var lon, out var pointError))
            return ReadItem.Fail(pointError!);

        var insee = FieldRules.CommuneCode(n, f.Text("insee_com"), "insee_com", warnings);
        var cp = FieldRules.LeadingZero(f.Text("code_postal"));
        var hours = Days
            .Select(d => (d.Day, Value: f.Text(d.Column)))
            .Where(d => d.Value is not null)
            .Select(d => $"{d.Day} : {d.Value!.ReplaceLineEndings(" ")}")
            .ToList();
        var adresse = f.Text("adresse");
        if (f.Text("complement_adresse") is { } complement) adresse = adresse is null ? complement : $"{adresse}, {complement}";
        var format = f.Text("format_fs");

        return ReadItem.Ok(new LieuRecord
        {
            SourceId = id,
            Nom = nom,
            Adresse = adresse,
            CodePostal = cp,
            CodeInsee = insee,
            Commune = f.Text("lib_com"),
            Departement = InseeCodes.DepartementOfCommune(insee) ?? InseeCodes.NormaliseDepartement(f.Text("insee_dep")) ?? InseeCodes.DepartementOfPostcode(cp),
            Latitude = lat,
            Longitude = lon,
            Telephone = f.Text("telephone"),
            Horaires = hours.Count == 0 ? null : string.Join(" ; ", hours),
            Typologie = format is null ? Label : $"{Label} ({format})",
            Labels = [Label],
            Description = f.Text("commentaire"),
            Services =
            [
                new("aide-demarches-administratives", Label),
                new("acces-internet-materiel", Label),
            ],
        }, n, warnings);
    }
}
