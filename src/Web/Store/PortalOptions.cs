namespace OpenFabriques.Web.Store;

/// <summary>Settings of the portal, bound from the "OpenFabriques" configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "OpenFabriques";

    /// <summary>Apply migrations and load reference data and the default dataset at start-up.</summary>
    public bool InitializeDatabase { get; set; } = true;

    /// <summary>Folder of the reference data and default dataset; relative paths start at the app's folder.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The default dataset, loaded when no place is stored yet: the bundled snapshots of the registered sources
    /// (<c>data/sources.json</c>) — « * » for all of them, a comma-separated list of source keys for some, empty for none.
    /// </summary>
    public string DefaultSources { get; set; } = "*";

    /// <summary>Records of two sources within this many metres whose names are this similar (pg_trgm, 0 to 1) are one place.</summary>
    public double FusionRayonNomM { get; set; } = 100;

    /// <inheritdoc cref="FusionRayonNomM"/>
    public double FusionSimilariteNom { get; set; } = 0.5;

    /// <summary>Records of two sources within this many metres with the same house number and addresses this similar are one place.</summary>
    public double FusionRayonAdresseM { get; set; } = 150;

    /// <inheritdoc cref="FusionRayonAdresseM"/>
    public double FusionSimilariteAdresse { get; set; } = 0.6;

    /// <summary>The overrides of the merging (pairs of records to merge, pairs to keep apart), relative to the data folder unless absolute.</summary>
    public string FusionsFile { get; set; } = "fusions.csv";

    /// <summary>The registry of sources; relative to <see cref="DataDirectory"/> unless absolute. Its snapshots' paths are relative to its folder.</summary>
    public string SourcesFile { get; set; } = "sources.json";

    /// <summary>Map tile URL template; empty for no tiles (tests, offline).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Attribution of the tile layer (HTML).</summary>
    public string TileAttribution { get; set; } =
        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">les contributeurs d’OpenStreetMap</a>";

    /// <summary>
    /// The national address API (Base Adresse Nationale) the browser asks to place a full address;
    /// empty to offer communes and postcodes only.
    /// </summary>
    public string AddressApiUrl { get; set; } = "https://api-adresse.data.gouv.fr/search/";

    /// <summary>Where « signaler une erreur » writes to (an e-mail address of the maintainers); empty to point to the sources instead.</summary>
    public string SignalementEmail { get; set; } = "";

    /// <summary>How often the portal checks that the distance coverage is up to date with the places.</summary>
    public TimeSpan DistancesInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The portal's public address (e.g. https://openfabriques.example.fr) for the absolute links it writes;
    /// empty: the scheme and host of each request, whatever Host header a client sends.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Exports streamed at once (each holds a database connection while it streams); more wait in a queue.</summary>
    public int MaxConcurrentExports { get; set; } = 8;

    /// <summary>Exports that may wait for a turn; beyond, a 503 with Retry-After.</summary>
    public int ExportQueue { get; set; } = 32;

    /// <summary>Pages and API requests served at once; more wait in a queue.</summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Pages and API requests that may wait for a turn; beyond, a 503 with Retry-After.</summary>
    public int RequestQueue { get; set; } = 64;

    /// <summary>Longest wait for one write of an export to reach the client before the connection is cut.</summary>
    public TimeSpan ExportWriteTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest time an export may stream in all; then the connection is cut.</summary>
    public TimeSpan ExportDeadline { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Absolute path of a file under <see cref="DataDirectory"/>.</summary>
    public string DataPath(string relative) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, DataDirectory, relative));
}
