using System.Globalization;
using System.Text;

namespace OpenFabriques.Geo.Taxonomy;

/// <summary>
/// Translates the service values that sources write into canonical slugs: the nine services of the
/// lieux de médiation numérique schema v1, the fifteen of its v0.1, the ANCT 2019 census typology and
/// common free tags. Matching ignores case, accents, punctuation and repeated spaces.
/// </summary>
public static class ServiceVocabulary
{
    private static readonly Dictionary<string, string> Map = Build(new Dictionary<string, string>
    {
        // Schema v1.x (the label is the canonical one).
        ["Aide aux démarches administratives"] = "aide-demarches-administratives",
        ["Maîtrise des outils numériques du quotidien"] = "maitrise-outils-numeriques",
        ["Insertion professionnelle via le numérique"] = "insertion-professionnelle",
        ["Utilisation sécurisée du numérique"] = "utilisation-securisee",
        ["Parentalité et éducation avec le numérique"] = "parentalite-education",
        ["Loisirs et créations numériques"] = "loisirs-creations-numeriques",
        ["Compréhension du monde numérique"] = "comprehension-monde-numerique",
        ["Accès internet et matériel informatique"] = "acces-internet-materiel",
        ["Acquisition de matériel informatique à prix solidaire"] = "materiel-prix-solidaire",
        // Schema v0.1 (fifteen values).
        ["Devenir autonome dans les démarches administratives"] = "aide-demarches-administratives",
        ["Réaliser des démarches administratives avec un accompagnement"] = "aide-demarches-administratives",
        ["Accompagner les démarches de santé"] = "aide-demarches-administratives",
        ["Prendre en main un smartphone ou une tablette"] = "maitrise-outils-numeriques",
        ["Prendre en main un ordinateur"] = "maitrise-outils-numeriques",
        ["Utiliser le numérique au quotidien"] = "maitrise-outils-numeriques",
        ["Approfondir ma culture numérique"] = "comprehension-monde-numerique",
        ["Promouvoir la citoyenneté numérique"] = "comprehension-monde-numerique",
        ["Favoriser mon insertion professionnelle"] = "insertion-professionnelle",
        ["Créer et développer mon entreprise"] = "insertion-professionnelle",
        ["Accéder à une connexion internet"] = "acces-internet-materiel",
        ["Accéder à du matériel"] = "acces-internet-materiel",
        ["Équiper en matériel informatique"] = "materiel-prix-solidaire",
        ["Soutenir la parentalité et l'éducation avec le numérique"] = "parentalite-education",
        ["Créer avec le numérique"] = "loisirs-creations-numeriques",
        // ANCT/CGET 2019 census (TYPO).
        ["Tiers lieux à dominante coworking"] = "coworking",
        ["Tiers lieux à dominante fablab"] = "fablab",
        // Free tags seen in tiers-lieux descriptions and in the canonical labels themselves.
        ["coworking"] = "coworking",
        ["espace de coworking"] = "coworking",
        ["fablab"] = "fablab",
        ["fab lab"] = "fablab",
        ["atelier de fabrication"] = "fablab",
        ["makerspace"] = "fablab",
        ["espace numérique"] = "acces-internet-materiel",
        ["espace cyber"] = "acces-internet-materiel",
        ["cyber"] = "acces-internet-materiel",
        ["photocopie"] = "reprographie",
        ["reprographie"] = "reprographie",
        ["salle de réunion"] = "salle-reunion",
        ["salle de réunions et multimédia"] = "salle-reunion",
        ["covoiturage"] = "mobilite",
        ["mobilité"] = "mobilite",
        ["ateliers"] = "ateliers-formations",
        ["formations"] = "ateliers-formations",
        ["programmation culturelle"] = "programmation-culturelle",
        ["services à la personne"] = "services-a-la-personne",
        ["économie sociale et solidaire"] = "accompagnement-projets",
        ["accompagnement de projets"] = "accompagnement-projets",
        ["épicerie"] = "vente-produits",
        ["circuits courts"] = "vente-produits",
        ["vente de produits"] = "vente-produits",
    });

    /// <summary>
    /// The slug for a source value: a known vocabulary entry, a canonical slug or label,
    /// or <see cref="ServiceCatalog.Autre"/> when nothing matches. Returns null for a blank value.
    /// </summary>
    public static string? ToSlug(string? sourceValue)
    {
        if (string.IsNullOrWhiteSpace(sourceValue)) return null;
        return Map.TryGetValue(Key(sourceValue), out var slug) ? slug : ServiceCatalog.Autre;
    }

    private static Dictionary<string, string> Build(Dictionary<string, string> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in ServiceCatalog.All)
        {
            map[Key(s.Slug)] = s.Slug;
            map[Key(s.Libelle)] = s.Slug;
        }
        foreach (var (value, slug) in entries)
        {
            if (ServiceCatalog.Find(slug) is null) throw new InvalidOperationException($"Unknown slug {slug}.");
            map[Key(value)] = slug;
        }
        return map;
    }

    /// <summary>Lower case, no accents, letters and digits separated by single spaces.</summary>
    internal static string Key(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }
}
