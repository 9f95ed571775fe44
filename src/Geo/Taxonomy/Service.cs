namespace OpenFabriques.Geo.Taxonomy;

/// <summary>A service of the canonical taxonomy: a stable slug, a French label, a group.</summary>
/// <param name="Slug">Stable identifier used in URLs, filters and exports.</param>
/// <param name="Libelle">French label shown to people.</param>
/// <param name="Groupe">The group the service belongs to (see <see cref="ServiceCatalog.Groupes"/>).</param>
public sealed record Service(string Slug, string Libelle, string Groupe);
