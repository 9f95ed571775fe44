namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Columns of the portal's own CSV formats, in their stable order, with what the data dictionary and
/// the Table Schema say of them. The exports write them and the importer reads them back
/// ("openfabriques" format): an export re-imports to the same data.
/// </summary>
public static class LieuColumns
{
    /// <summary>A column: name, Table Schema type, French title and description, whether it is always filled.</summary>
    public sealed record Column(string Name, string Type, string Title, string Description, bool Required = false, string? Pattern = null);

    /// <summary>Columns of lieux.csv (one row per place).</summary>
    public static IReadOnlyList<Column> Lieux { get; } =
    [
        new("id", "integer", "Identifiant", "Identifiant du lieu dans OpenFabriques ; stable, il fait l'adresse /lieux/{id}.", true),
        new("source", "string", "Source", "Clé de la source dont vient le lieu (ex. hinaura, france-services).", true),
        new("source_id", "string", "Identifiant dans la source", "Identifiant du lieu dans sa source ; unique par source.", true),
        new("nom", "string", "Nom", "Nom du lieu.", true),
        new("adresse", "string", "Adresse", "Adresse postale (voie et complément)."),
        new("code_postal", "string", "Code postal", "Code postal à cinq chiffres.", Pattern: "^[0-9]{5}$"),
        new("code_insee", "string", "Code INSEE de la commune", "Code officiel géographique de la commune (2A/2B pour la Corse).", Pattern: "^([013-9][0-9]|2[AB1-9])[0-9]{3}$"),
        new("commune", "string", "Commune", "Nom de la commune."),
        new("departement", "string", "Département", "Code INSEE du département (01 à 95, 2A, 2B, 971 à 976).", Pattern: "^([0-9]{2}|2[AB]|97[1-6])$"),
        new("longitude", "number", "Longitude", "Longitude WGS 84 (EPSG:4326), en degrés décimaux."),
        new("latitude", "number", "Latitude", "Latitude WGS 84 (EPSG:4326), en degrés décimaux."),
        new("services", "string", "Services (identifiants)", "Identifiants des services proposés, séparés par « | » (liste dans /exports/schema.json)."),
        new("services_libelles", "string", "Services (libellés)", "Libellés des services, dans le même ordre, séparés par « | »."),
        new("services_source", "string", "Services (libellés de la source)", "Les services tels que la source les écrit, dans le même ordre, séparés par « | »."),
        new("labels", "string", "Labels", "Labels des programmes nationaux par identifiant stable (fabrique-de-territoire, france-services, conseiller-numerique, aidants-connect, pass-numerique, tiers-lieu-coworking, tiers-lieu-fablab ; liste sur /donnees), sinon tels que la source les écrit ; séparés par « | »."),
        new("typologie", "string", "Typologie", "Type de lieu tel que la source l'indique."),
        new("site_web", "string", "Site web", "Site web de la structure."),
        new("telephone", "string", "Téléphone", "Téléphone de la structure."),
        new("horaires", "string", "Horaires", "Horaires d'ouverture tels que la source les écrit."),
        new("description", "string", "Description", "Présentation courte du lieu."),
        new("date_maj", "date", "Date de mise à jour", "Date de dernière mise à jour du lieu dans sa source (AAAA-MM-JJ)."),
        new("position_approximative", "boolean", "Position approximative", "true quand aucune source ne donne le point du lieu : il est placé au point de sa commune (une liste de lieux labellisés, par exemple) ; false sinon."),
    ];

    /// <summary>Columns of lieux-services.csv (one row per place and service).</summary>
    public static IReadOnlyList<Column> LieuxServices { get; } =
    [
        new("lieu_id", "integer", "Identifiant du lieu", "Identifiant du lieu dans OpenFabriques (colonne id de lieux.csv).", true),
        new("source", "string", "Source", "Clé de la source dont vient le lieu.", true),
        new("source_id", "string", "Identifiant dans la source", "Identifiant du lieu dans sa source.", true),
        new("nom", "string", "Nom", "Nom du lieu.", true),
        new("commune", "string", "Commune", "Nom de la commune."),
        new("departement", "string", "Département", "Code INSEE du département.", Pattern: "^([0-9]{2}|2[AB]|97[1-6])$"),
        new("service", "string", "Service (identifiant)", "Identifiant stable du service.", true),
        new("service_libelle", "string", "Service (libellé)", "Libellé du service.", true),
        new("groupe", "string", "Groupe", "Groupe du service (Tiers-lieu, Médiation numérique, Autres).", true),
        new("libelle_source", "string", "Libellé de la source", "Le service tel que la source l'écrit.", true),
    ];

    /// <summary>Columns of sources.csv (one row per source record, with the place it belongs to): to audit the merges.</summary>
    public static IReadOnlyList<Column> Fiches { get; } =
    [
        new("lieu_id", "integer", "Identifiant du lieu", "Identifiant du lieu dans OpenFabriques (colonne id de lieux.csv) que décrit cette fiche.", true),
        new("source", "string", "Source", "Clé de la source (titre, producteur et date sur /donnees).", true),
        new("source_id", "string", "Identifiant dans la source", "Identifiant de la fiche dans sa source.", true),
        new("nom", "string", "Nom", "Nom du lieu selon cette source.", true),
        new("adresse", "string", "Adresse", "Adresse selon cette source."),
        new("code_postal", "string", "Code postal", "Code postal selon cette source."),
        new("commune", "string", "Commune", "Commune selon cette source."),
        new("departement", "string", "Département", "Code INSEE du département.", Pattern: "^([0-9]{2}|2[AB]|97[1-6])$"),
        new("longitude", "number", "Longitude", "Longitude WGS 84 selon cette source."),
        new("latitude", "number", "Latitude", "Latitude WGS 84 selon cette source."),
        new("date_maj", "date", "Date de mise à jour", "Date de mise à jour de la fiche dans sa source."),
        new("fusion_regle", "string", "Règle de fusion", "Pourquoi la fiche a rejoint le lieu d'une autre fiche : nom (même nom, proche), adresse (même adresse, proche), commune (même commune et nom semblable, pour une fiche sans point), liste (liste des fusions du portail) ; vide pour la fiche qui a fait le lieu."),
        new("fusion_avec", "string", "Fusionnée avec", "La fiche (source:identifiant) à laquelle elle a été rapprochée."),
        new("fusion_distance_m", "number", "Distance (m)", "Distance entre les deux fiches rapprochées, en mètres."),
        new("position_approximative", "boolean", "Position approximative", "true quand la source ne donne que la commune : la fiche est placée au point de celle-ci."),
    ];

    /// <summary>The column names of lieux.csv in order.</summary>
    public static IReadOnlyList<string> All { get; } = Lieux.Select(c => c.Name).ToList();

    /// <summary>Columns without which a row means nothing.</summary>
    public static IReadOnlyList<string> Required { get; } = ["source_id", "nom"];
}
