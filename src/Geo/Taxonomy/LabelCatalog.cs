using OpenFabriques.Geo.Formats;

namespace OpenFabriques.Geo.Taxonomy;

/// <summary>A label of a national programme, with a stable slug and its name in words.</summary>
public sealed record Label(string Slug, string Libelle, string Description);

/// <summary>
/// The labels of national programmes that the sources state, each in their own words: « France Services », « CNFS »,
/// « Fabriques de Territoire », a census typology « Tiers lieux à dominante fablab »… Every wording a source uses is
/// brought to one stable slug (what is stored, filtered on and exported); a label no programme here matches is kept
/// as the source wrote it.
/// </summary>
public static class LabelCatalog
{
    /// <summary>Every label of a national programme the portal knows, in the order the pages list them.</summary>
    public static IReadOnlyList<Label> All { get; } =
    [
        new("fabrique-de-territoire", "Fabrique de territoire", "Tiers-lieu labellisé et financé par l'ANCT dans les territoires ruraux et les quartiers prioritaires."),
        new("france-services", "France services", "Guichet d'accompagnement aux démarches administratives labellisé par l'État."),
        new("conseiller-numerique", "Conseiller numérique", "Structure qui accueille un conseiller numérique France Services."),
        new("aidants-connect", "Aidants Connect", "Aidants habilités à faire des démarches en ligne pour le compte d'un usager."),
        new("pass-numerique", "Pass numérique", "Lieu qui accepte les chèques de médiation numérique (APTIC)."),
        new("tiers-lieu-coworking", "Tiers-lieu de coworking", "Tiers-lieu à dominante coworking (recensement national de 2019)."),
        new("tiers-lieu-fablab", "Tiers-lieu fablab", "Tiers-lieu à dominante fablab (recensement national de 2019)."),
    ];

    /// <summary>The wordings the sources use, as keys (<see cref="UpstreamIdentity.Key"/>), and the label each means.</summary>
    private static readonly Dictionary<string, string> Wordings = new(StringComparer.Ordinal)
    {
        ["fabrique-de-territoire"] = "fabrique-de-territoire",
        ["fabriques-de-territoire"] = "fabrique-de-territoire",
        ["fabrique"] = "fabrique-de-territoire",
        ["france-services"] = "france-services",
        ["bus-france-services"] = "france-services",
        ["maison-france-services"] = "france-services",
        ["espace-france-services"] = "france-services",
        ["conseiller-numerique"] = "conseiller-numerique",
        ["conseillers-numeriques"] = "conseiller-numerique",
        ["conseiller-numerique-france-services"] = "conseiller-numerique",
        ["cnfs"] = "conseiller-numerique",
        ["aidants-connect"] = "aidants-connect",
        ["aidant-connect"] = "aidants-connect",
        ["pass-numerique"] = "pass-numerique",
        ["aptic"] = "pass-numerique",
        ["tiers-lieux-a-dominante-coworking"] = "tiers-lieu-coworking",
        ["tiers-lieux-a-dominante-fablab"] = "tiers-lieu-fablab",
    };

    private static readonly Dictionary<string, Label> BySlug = All.ToDictionary(l => l.Slug, StringComparer.Ordinal);

    /// <summary>The label of a slug, or null.</summary>
    public static Label? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var l) ? l : null;

    /// <summary>The slug a wording means (a slug means itself), or null when no programme here matches.</summary>
    public static string? Slug(string? wording) =>
        UpstreamIdentity.Key(wording) is { } key && (BySlug.ContainsKey(key) ? key : Wordings.GetValueOrDefault(key)) is { } slug ? slug : null;

    /// <summary>How a page writes a stored label: its name when it is a programme's slug, else the source's own words.</summary>
    public static string Libelle(string stored) => Find(stored)?.Libelle ?? stored;

    /// <summary>
    /// A place's labels as stored: each wording as its slug (or as written when no programme matches), with those its
    /// typology states (« Tiers lieux à dominante fablab », « France services (Fixe) », a v1 typology « FABRIQUE »),
    /// without repeats.
    /// </summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> labels, string? typologie)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = new List<string>();
        void Add(string value)
        {
            if (!result.Contains(value, StringComparer.Ordinal)) result.Add(value);
        }
        foreach (var label in labels)
        {
            if (FieldRules.Text(label) is not { } text) continue;
            Add(Slug(text) ?? text);
        }
        if (FieldRules.Text(typologie) is { } t)
        {
            foreach (var part in t.Split(['|', ';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // « France services (Fixe) »: the programme, then its kind in brackets.
                var bracket = part.IndexOf('(', StringComparison.Ordinal);
                if (Slug(bracket > 0 ? part[..bracket] : part) is { } slug) Add(slug);
            }
        }
        return result;
    }
}
