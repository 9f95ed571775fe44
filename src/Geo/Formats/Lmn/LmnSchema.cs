namespace OpenFabriques.Geo.Formats.Lmn;

/// <summary>Field names and rules of the lieux de médiation numérique schema, v1.x and v0.1.</summary>
internal static class LmnSchema
{
    public static readonly string[] V1Fields =
    [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
        "longitude", "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume",
        "presentation_detail", "source", "itinerance", "structure_parente", "date_maj", "services",
        "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
        "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
        "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
    ];

    public static readonly string[] V01Fields =
    [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
        "longitude", "typologie", "telephone", "courriel", "site_web", "horaires", "presentation_resume",
        "presentation_detail", "source", "structure_parente", "date_maj", "services", "publics_accueillis",
        "conditions_acces", "labels_nationaux", "labels_autres", "modalites_accompagnement", "accessibilite", "cle",
    ];

    /// <summary>Fields only v1 has: any of them in a header or record means v1.</summary>
    public static readonly string[] V1Markers =
    [
        "courriels", "itinerance", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
        "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
    ];

    /// <summary>Fields only v0.1 has.</summary>
    public static readonly string[] V01Markers = ["courriel", "publics_accueillis", "conditions_acces", "labels_nationaux", "labels_autres", "cle"];

    public static readonly string[] Required = ["id", "nom", "commune", "code_postal", "adresse", "date_maj"];

    /// <summary>The nine services of v1, as the schema's enumeration writes them.</summary>
    public static readonly HashSet<string> V1Services = new(StringComparer.Ordinal)
    {
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    };

    /// <summary>Whether the given field names are those of v1 (else v0.1), or null when they do not tell.</summary>
    public static bool? IsV1(IEnumerable<string> names)
    {
        var set = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        if (V1Markers.Any(set.Contains)) return true;
        if (V01Markers.Any(set.Contains)) return false;
        return null;
    }
}
