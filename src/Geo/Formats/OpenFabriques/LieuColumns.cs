namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Columns of the portal's own CSV format, in their stable order. The exports write it and the
/// importer reads it back ("openfabriques" format): an export re-imports to the same data.
/// </summary>
public static class LieuColumns
{
    /// <summary>The column names in order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "id", "source", "source_id", "nom", "adresse", "code_postal", "code_insee", "commune", "departement",
        "longitude", "latitude", "services", "services_libelles", "services_source", "labels", "typologie",
        "site_web", "telephone", "horaires", "description", "date_maj",
    ];

    /// <summary>Columns without which a row means nothing.</summary>
    public static IReadOnlyList<string> Required { get; } = ["source_id", "nom"];
}
