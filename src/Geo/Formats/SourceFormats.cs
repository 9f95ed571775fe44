using OpenFabriques.Geo.Formats.Anct;
using OpenFabriques.Geo.Formats.FranceServices;
using OpenFabriques.Geo.Formats.Labels;
using OpenFabriques.Geo.Formats.Lmn;
using OpenFabriques.Geo.Formats.OpenFabriques;

namespace OpenFabriques.Geo.Formats;

/// <summary>The formats the importer reads, by name.</summary>
public static class SourceFormats
{
    /// <summary>A format: its name, a description for people, the source its places go under unless told (for a national file, its key in data/sources.json), and its reader.</summary>
    public sealed record Entry(string Name, string Description, string DefaultSource, Func<ILieuReader> Reader);

    /// <summary>Every format, in the order the command line lists them.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("openfabriques", "exports du portail (CSV de /exports/lieux.csv ou GeoJSON de /exports/lieux.geojson)", "openfabriques", () => new OpenFabriquesReader()),
        new("lmn", "lieux de médiation numérique, schéma v1.x (CSV « | », JSON) ou v0.1 (JSON, CSV « ; »), version détectée", "lmn", () => new LmnReader()),
        new("anct-tiers-lieux-2019", "recensement national des tiers-lieux ANCT/CGET 2019 (CSV)", "tiers-lieux-2019", () => new AnctTiersLieux2019Reader()),
        new("france-services", "liste des France services (CSV)", "france-services", () => new FranceServicesReader()),
        new("labels", "liste de lieux labellisés (CSV : nom, code_insee, label, annee) ; un lieu inconnu de sa commune est placé au centre de celle-ci", "labels", () => new LabelsReader()),
    ];

    /// <summary>The format with this name, or null.</summary>
    public static Entry? Find(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
