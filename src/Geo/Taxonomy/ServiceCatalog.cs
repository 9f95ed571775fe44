namespace OpenFabriques.Geo.Taxonomy;

/// <summary>
/// The canonical list of services offered by tiers-lieux and places of digital mediation.
/// Slugs are stable: they appear in public URLs, filters and exports.
/// </summary>
public static class ServiceCatalog
{
    /// <summary>Group of the services typical of tiers-lieux and Fabriques de territoire.</summary>
    public const string TiersLieux = "Tiers-lieu";

    /// <summary>Group of the nine services of the lieux de médiation numérique schema (v1).</summary>
    public const string MediationNumerique = "Médiation numérique";

    /// <summary>Group of values no vocabulary mapping knows.</summary>
    public const string Autres = "Autres";

    /// <summary>Slug under which an unknown source value is kept.</summary>
    public const string Autre = "autre";

    /// <summary>The groups in display order.</summary>
    public static IReadOnlyList<string> Groupes { get; } = [TiersLieux, MediationNumerique, Autres];

    /// <summary>Every service, in display order.</summary>
    public static IReadOnlyList<Service> All { get; } =
    [
        new("coworking", "Espace de coworking", TiersLieux),
        new("fablab", "Fablab, atelier de fabrication", TiersLieux),
        new("reprographie", "Reprographie (photocopie, impression)", TiersLieux),
        new("salle-reunion", "Salle de réunion et multimédia", TiersLieux),
        new("mobilite", "Covoiturage et mobilité", TiersLieux),
        new("ateliers-formations", "Ateliers et formations", TiersLieux),
        new("programmation-culturelle", "Programmation culturelle", TiersLieux),
        new("services-a-la-personne", "Services à la personne", TiersLieux),
        new("accompagnement-projets", "Économie sociale et solidaire, accompagnement de projets", TiersLieux),
        new("vente-produits", "Vente de produits (épicerie, circuits courts)", TiersLieux),
        new("aide-demarches-administratives", "Aide aux démarches administratives", MediationNumerique),
        new("maitrise-outils-numeriques", "Maîtrise des outils numériques du quotidien", MediationNumerique),
        new("insertion-professionnelle", "Insertion professionnelle via le numérique", MediationNumerique),
        new("utilisation-securisee", "Utilisation sécurisée du numérique", MediationNumerique),
        new("parentalite-education", "Parentalité et éducation avec le numérique", MediationNumerique),
        new("loisirs-creations-numeriques", "Loisirs et créations numériques", MediationNumerique),
        new("comprehension-monde-numerique", "Compréhension du monde numérique", MediationNumerique),
        new("acces-internet-materiel", "Accès internet et matériel informatique (espace numérique)", MediationNumerique),
        new("materiel-prix-solidaire", "Acquisition de matériel informatique à prix solidaire", MediationNumerique),
        new(Autre, "Autre service", Autres),
    ];

    private static readonly Dictionary<string, Service> BySlug = All.ToDictionary(s => s.Slug, StringComparer.Ordinal);
    private static readonly Dictionary<string, int> Positions = All.Select((s, i) => (s.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);

    /// <summary>The position of a service in display order (unknown slugs last): the canonical order of a place's services.</summary>
    public static int Position(string slug) => Positions.TryGetValue(slug, out var i) ? i : int.MaxValue;

    /// <summary>The service with this slug, or null.</summary>
    public static Service? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var s) ? s : null;
}
