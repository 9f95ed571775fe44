namespace OpenFabriques.Geo.Model;

/// <summary>
/// A place in canonical form, as every reader produces it and the store loads it.
/// Holds no personal data: readers drop individuals' names and e-mails.
/// </summary>
public sealed record LieuRecord
{
    /// <summary>
    /// Source key of the place when the file itself says it (the portal's own exports hold several
    /// sources); null to take the source the import is run for.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>Identifier of the place in its source; unique within the source.</summary>
    public required string SourceId { get; init; }

    /// <summary>Name of the place.</summary>
    public required string Nom { get; init; }

    /// <summary>Street address.</summary>
    public string? Adresse { get; init; }

    /// <summary>Five-digit postcode.</summary>
    public string? CodePostal { get; init; }

    /// <summary>INSEE commune code (5 characters, 2A/2B allowed).</summary>
    public string? CodeInsee { get; init; }

    /// <summary>Commune name.</summary>
    public string? Commune { get; init; }

    /// <summary>INSEE département code when the source gives or implies it.</summary>
    public string? Departement { get; init; }

    /// <summary>Longitude, WGS 84.</summary>
    public double? Longitude { get; init; }

    /// <summary>Latitude, WGS 84.</summary>
    public double? Latitude { get; init; }

    /// <summary>Website of the structure, an absolute http(s) URL.</summary>
    public string? SiteWeb { get; init; }

    /// <summary>Phone of the structure.</summary>
    public string? Telephone { get; init; }

    /// <summary>Opening hours as the source writes them (often OSM opening_hours syntax).</summary>
    public string? Horaires { get; init; }

    /// <summary>Kind of place as the source writes it.</summary>
    public string? Typologie { get; init; }

    /// <summary>Labels and national programmes (e.g. "Fabrique de territoire", "France services").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Short description.</summary>
    public string? Description { get; init; }

    /// <summary>Date of the source's last update of this place.</summary>
    public DateOnly? DateMaj { get; init; }

    /// <summary>
    /// Whether the point is not the place's own but its commune's: a list that gives no address (a list of labelled
    /// places) is placed at its commune's point, and says so wherever the place is shown.
    /// </summary>
    public bool PositionApproximative { get; init; }

    /// <summary>Services with their canonical slug and the value as the source wrote it.</summary>
    public IReadOnlyList<LieuService> Services { get; init; } = [];
}
