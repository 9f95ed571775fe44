using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Pages.Couverture;

/// <summary>Territorial coverage: a choropleth of the départements and the table of the same numbers.</summary>
public sealed class IndexModel(NpgsqlDataSource db, IOptions<PortalOptions> options) : PageModel
{
    /// <summary>Colours of the classes, light to dark (contrast with white text checked for the two darkest).</summary>
    public static readonly string[] Couleurs = ["#dfe5f7", "#b3c0ec", "#7b8fd9", "#3f58bd", "#1c2f8a"];
    public const string CouleurAucun = "#f2f2f2";

    public string Indicateur { get; private set; } = "pour100000";
    public Service? Service { get; private set; }
    public string Tri { get; private set; } = "code";
    public string? Erreur { get; private set; }
    public IReadOnlyList<LigneCouverture> Lignes { get; private set; } = [];
    public IReadOnlyList<LigneCouverture> Regions { get; private set; } = [];
    public LigneCouverture France { get; private set; } = null!;
    public IReadOnlyList<double> Seuils { get; private set; } = [];
    public string CarteJson { get; private set; } = "{}";

    public static readonly IReadOnlyList<(string Code, string Libelle)> Indicateurs =
    [
        ("lieux", "Nombre de lieux"),
        ("pour100000", "Lieux pour 100 000 habitants"),
        ("service", "Lieux offrant le service choisi, pour 100 000 habitants"),
    ];

    public double Valeur(LigneCouverture l) => Indicateur switch
    {
        "lieux" => l.Lieux,
        "service" => l.ServicePour100000,
        _ => l.LieuxPour100000,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var indicateur = Request.Query["indicateur"].ToString();
        var service = Request.Query["service"].ToString();
        var tri = Request.Query["tri"].ToString();
        if (indicateur.Length > 0 && !IndexModel.Indicateurs.Any(i => i.Code == indicateur)) Erreur = $"Indicateur inconnu « {indicateur} ».";
        else if (indicateur.Length > 0) Indicateur = indicateur;
        if (service.Length > 0 && ServiceCatalog.Find(service) is null) Erreur = $"Service inconnu « {service} ».";
        Service = ServiceCatalog.Find(service);
        if (Indicateur == "service" && Service is null)
        {
            Erreur ??= "Choisissez un service pour cet indicateur.";
            Indicateur = "pour100000";
        }
        if (tri is "nom" or "valeur" or "code") Tri = tri;
        if (Erreur is not null) Response.StatusCode = StatusCodes.Status400BadRequest;

        var lignes = await OpenFabriques.Web.Couverture.Indicateurs.ParDepartementAsync(db, Service?.Slug, ct);
        (Regions, France) = OpenFabriques.Web.Couverture.Indicateurs.Totaux(lignes);
        Seuils = OpenFabriques.Web.Couverture.Indicateurs.Seuils(lignes.Select(Valeur));
        var fr = StringComparer.Create(OpenFabriques.Web.Infrastructure.Francais.Culture, false);
        Lignes = Tri switch
        {
            "nom" => lignes.OrderBy(l => l.Nom, fr).ToList(),
            "valeur" => lignes.OrderByDescending(Valeur).ThenBy(l => l.Code, StringComparer.Ordinal).ToList(),
            _ => lignes,
        };
        CarteJson = JsonSerializer.Serialize(new
        {
            tileUrl = options.Value.TileUrl,
            tileAttribution = options.Value.TileAttribution,
            departementsUrl = "/api/departements.geojson?carte=1",
            couleurs = Couleurs,
            aucun = CouleurAucun,
            classes = lignes.ToDictionary(l => l.Code, l => new { classe = Classe(l), valeur = Texte(Valeur(l)), nom = l.Nom }),
            unite = Unite,
        });
    }

    public int Classe(LigneCouverture l) => OpenFabriques.Web.Couverture.Indicateurs.Classe(Valeur(l), Seuils);

    public string Couleur(LigneCouverture l) => Classe(l) is var c && c < 0 ? CouleurAucun : Couleurs[Math.Min(c, Couleurs.Length - 1)];

    public string Texte(double v) => Indicateur == "lieux"
        ? v.ToString("N0", OpenFabriques.Web.Infrastructure.Francais.Culture)
        : v.ToString("0.0", OpenFabriques.Web.Infrastructure.Francais.Culture);

    public string Unite => Indicateur == "lieux" ? "lieux" : "lieux pour 100 000 habitants";

    public string Lien(string tri) =>
        $"/couverture?indicateur={Indicateur}{(Service is null ? "" : "&service=" + Service.Slug)}&tri={tri}";
}
