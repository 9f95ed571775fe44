using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Web.Exports;

/// <summary>
/// The Table Schema (Frictionless Data, the convention of schema.data.gouv.fr) of the CSV exports,
/// generated from the same column list the writers use; the data dictionary of /donnees shows it too.
/// </summary>
public static class TableSchema
{
    public const string Licence = "Licence Ouverte 2.0 (Etalab)";
    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    public static object For(ExportFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var lieux = file == ExportFile.Lieux;
        var columns = file == ExportFile.Sources ? LieuColumns.Fiches : lieux ? LieuColumns.Lieux : LieuColumns.LieuxServices;
        return new Dictionary<string, object?>
        {
            ["$schema"] = "https://frictionlessdata.io/schemas/table-schema.json",
            ["name"] = lieux ? "openfabriques-lieux" : file == ExportFile.Sources ? "openfabriques-sources" : "openfabriques-lieux-services",
            ["title"] = lieux ? "Tiers-lieux et lieux de médiation numérique : un lieu par ligne"
                : file == ExportFile.Sources ? "Tiers-lieux et lieux de médiation numérique : une ligne par fiche d'une source, avec son lieu"
                : "Tiers-lieux et lieux de médiation numérique : une ligne par lieu et par service",
            ["description"] = "Export d'OpenFabriques. CSV RFC 4180 en UTF-8 séparé par des virgules (variante ?excel=1 : « ; » et BOM). " +
                "Les listes sont séparées par « | » (un « | » ou « \\ » dans une valeur est précédé de « \\ »). Une cellule de texte qui " +
                "commencerait par = + - @, une tabulation ou un retour chariot est précédée d'une apostrophe, qui n'appartient pas à la valeur.",
            ["licenses"] = new[] { new { name = "etalab-2.0", title = Licence, path = LicenceUrl } },
            ["missingValues"] = new[] { "" },
            ["primaryKey"] = lieux ? "id" : file == ExportFile.Sources ? new[] { "source", "source_id" } : (object)new[] { "lieu_id", "service" },
            ["fields"] = columns.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["title"] = c.Title,
                ["description"] = c.Description,
                ["constraints"] = Constraints(c),
            }).ToList(),
            ["services"] = ServiceCatalog.All.Select(s => new { identifiant = s.Slug, libelle = s.Libelle, groupe = s.Groupe }).ToList(),
        };
    }

    private static Dictionary<string, object> Constraints(LieuColumns.Column c)
    {
        var d = new Dictionary<string, object> { ["required"] = c.Required };
        if (c.Pattern is not null) d["pattern"] = c.Pattern;
        if (c.Name == "service") d["enum"] = ServiceCatalog.All.Select(s => s.Slug).ToArray();
        if (c.Name == "longitude") (d["minimum"], d["maximum"]) = (-180, 180);
        if (c.Name == "latitude") (d["minimum"], d["maximum"]) = (-90, 90);
        return d;
    }
}
