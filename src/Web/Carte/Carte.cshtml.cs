using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Web.Communes;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Carte;

/// <summary>
/// The map portal. Rendered on the server from the query string (search, filters), so that the form and
/// the list work without JavaScript; the page's module then drives the map and keeps the URL in step.
/// </summary>
public sealed class CarteModel(IOptions<PortalOptions> options, NpgsqlDataSource db, PortalDb store) : PageModel
{
    public const int ListSize = 20;

    /// <summary>Shortcuts to metropolitan France and the five overseas départements.</summary>
    public static IReadOnlyList<(string Code, string Nom)> Territoires { get; } =
    [
        ("metropole", "Métropole"), ("971", "Guadeloupe"), ("972", "Martinique"),
        ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte"),
    ];

    public string SettingsJson { get; private set; } = "{}";

    /// <summary>URLs the page's module fetches first.</summary>
    public IReadOnlyList<string> PremieresDonnees { get; private set; } = [];
    public LieuFilter Filter { get; private set; } = new();
    public string? Error { get; private set; }
    public string? Ou { get; private set; }
    public (double Lat, double Lon)? Centre { get; private set; }
    public long Total { get; private set; }
    public IReadOnlyList<JsonElement> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, long> ServiceCounts { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<(string Label, long Count)> Labels { get; private set; } = [];
    public IReadOnlyList<Departement> Departements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var parsed = LieuFilter.Parse(Request.Query);
        if (parsed.Filter is null)
        {
            Error = $"Le filtre « {parsed.Parameter} » est invalide : {parsed.Error}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Filter = parsed.Filter ?? new LieuFilter();
        Ou = Request.Query["ou"].ToString().Trim() is { Length: > 0 and <= 100 } ou ? ou : null;
        Centre = LieuFilter.Point(Request.Query);
        if (Centre is null && Ou is not null)
        {
            var found = await CommunesApi.SearchAsync(db, Ou, 1, ct);
            if (found.Count > 0)
            {
                Centre = (found[0].Lat, found[0].Lon);
                Ou = $"{found[0].Nom} ({found[0].Departement})";
            }
            else
            {
                Error ??= $"Aucune commune ne correspond à « {Ou} ». Essayez un autre nom ou un code postal.";
            }
        }

        Departements = await store.DepartementsSansContours().ToListAsync(ct);
        var labels = new List<(string, long)>();
        await using (var cmd = db.CreateCommand(IndexSql.Labels))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) labels.Add((reader.GetString(0), reader.GetInt64(1)));
        Labels = labels;

        var page = await LieuxQueryApi.PageAsync(db, Filter, Centre, ListSize, 0, ct);
        (Total, Items, ServiceCounts) = (page.Total, page.Items, page.Services);

        var o = options.Value;
        // The first view's outlines, named exactly as the module asks them, so that the browser can fetch them while the
        // scripts load (link rel=preload); the places depend on the size of the screen, the module asks for them.
        PremieresDonnees = ["/api/departements.geojson?carte=1"];
        SettingsJson = JsonSerializer.Serialize(new
        {
            tileUrl = o.TileUrl,
            tileAttribution = o.TileAttribution,
            departementsUrl = "/api/departements.geojson?carte=1",
            services = OpenFabriques.Geo.Taxonomy.ServiceCatalog.All.ToDictionary(s => s.Slug, s => s.Libelle),
            grappesUrl = "/api/carte/grappes",
            zoomLieux = CarteApi.ZoomLieux,
            listeUrl = "/api/lieux",
            prochesUrl = "/api/lieux/proches",
            communesUrl = "/api/communes",
            adresseUrl = o.AddressApiUrl,
            taille = ListSize,
        });
    }

    public static string Distance(JsonElement item) =>
        item.TryGetProperty("distance_m", out var d) && d.ValueKind == JsonValueKind.Number ? Francais.Distance(d.GetDouble()) : "";
}
