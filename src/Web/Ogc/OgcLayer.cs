using OpenFabriques.Web.Lieux;

namespace OpenFabriques.Web.Ogc;

/// <summary>A collection of the OGC API, with the query parameters its items accept.</summary>
public sealed record OgcLayer(string Id, string Title, string Description, IReadOnlySet<string> Parameters)
{
    public static readonly OgcLayer Lieux = new("lieux", "Lieux",
        "Tiers-lieux, Fabriques de territoire et lieux de médiation numérique localisés, avec leurs services ; les propriétés de l'export GeoJSON (/exports/lieux.geojson).",
        new HashSet<string>(["f", "limit", "offset", .. LieuFilter.Names], StringComparer.Ordinal));

    public static readonly OgcLayer Departements = new("departements", "Départements",
        "Les 101 départements, leur population et leur nombre de lieux.",
        new HashSet<string>(["f", "limit", "offset", "bbox", "departement"], StringComparer.Ordinal));

    public static OgcLayer? Find(string id) => id == Lieux.Id ? Lieux : id == Departements.Id ? Departements : null;
}
