namespace OpenFabriques.Geo.Model;

/// <summary>A service a place offers: its canonical slug and the value as the source wrote it.</summary>
/// <param name="Slug">Canonical slug (see <see cref="Taxonomy.ServiceCatalog"/>).</param>
/// <param name="LibelleSource">The source's own wording, kept verbatim.</param>
public sealed record LieuService(string Slug, string LibelleSource);
