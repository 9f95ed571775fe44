using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Couverture;

/// <summary>Territorial coverage: a choropleth of the départements and the table of the same numbers.</summary>
public sealed class IndexModel(NpgsqlDataSource db, CouvertureDistances distances, IOptions<PortalOptions> options) : PageModel
{
    /// <summary>Colours of the classes, light to dark: more places (blues), or more people far from a place (oranges).</summary>
    public static readonly string[] Couleurs = ["#dfe5f7", "#b3c0ec", "#7b8fd9", "#3f58bd", "#1c2f8a"];
    public static readonly string[] CouleursDistance = ["#fdebd6", "#f9c48f", "#f0924c", "#c9581b", "#7f3508"];
    public const string CouleurAucun = "#f2f2f2";

    /// <summary>A département whose communes have no point: the distance share cannot be measured.</summary>
    public const string CouleurNonMesure = "#c8c8c8";

    public string Indicateur { get; private set; } = "pour100000";
    public Service? Service { get; private set; }
    public string Tri { get; private set; } = "code";

    /// <summary>The distance of the distance indicator, in kilometres.</summary>
    public int Km { get; private set; } = CouvertureDistances.SeuilsKm[0];

    /// <summary>When the distances were computed; null if never.</summary>
    public EtatDistances? Distances { get; private set; }

    public bool EstDistance => Indicateur == "distance";

    /// <summary>How the class breaks are chosen: « quantiles » (default) or « egales » (equal intervals).</summary>
    public string Methode { get; private set; } = "quantiles";
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
        ("distance", "Part de la population à plus d'une distance donnée d'un lieu (offrant le service choisi)"),
    ];

    /// <summary>The value of the indicator; null when it cannot be measured (distance share without any located commune).</summary>
    public double? Valeur(LigneCouverture l) => Indicateur switch
    {
        "lieux" => l.Lieux,
        "service" => l.ServicePour100000,
        "distance" => Distances is null ? null : l.PartAuDela(Km),
        _ => l.LieuxPour100000,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var indicateur = Request.Query["indicateur"].ToString();
        var service = Request.Query["service"].ToString();
        var tri = Request.Query["tri"].ToString();
        var km = Request.Query["distance"].ToString();
        if (indicateur.Length > 0 && !IndexModel.Indicateurs.Any(i => i.Code == indicateur)) Erreur = $"Indicateur inconnu « {indicateur} ».";
        else if (indicateur.Length > 0) Indicateur = indicateur;
        if (service.Length > 0 && ServiceCatalog.Find(service) is null) Erreur = $"Service inconnu « {service} ».";
        Service = ServiceCatalog.Find(service);
        if (Indicateur == "service" && Service is null)
        {
            Erreur ??= "Choisissez un service pour cet indicateur.";
            Indicateur = "pour100000";
        }
        if (km.Length > 0)
        {
            if (CouvertureDistances.TryParseKm(km, out var k)) Km = k;
            else Erreur ??= $"Distance inconnue « {km} » : {string.Join(", ", CouvertureDistances.SeuilsKm)} km.";
        }
        if (tri is "nom" or "valeur" or "code") Tri = tri;
        var methode = Request.Query["classes"].ToString();
        if (methode is "quantiles" or "egales") Methode = methode;
        else if (methode.Length > 0) Erreur ??= $"Classes inconnues « {methode} » : quantiles ou egales.";
        if (Erreur is not null) Response.StatusCode = StatusCodes.Status400BadRequest;

        Distances = await distances.EtatAsync(ct);
        var lignes = await OpenFabriques.Web.Couverture.Indicateurs.ParDepartementAsync(db, Service?.Slug, ct);
        (Regions, France) = OpenFabriques.Web.Couverture.Indicateurs.Totaux(lignes);
        var valeurs = lignes.Select(Valeur).OfType<double>().ToList();
        Seuils = Methode == "egales"
            ? OpenFabriques.Web.Couverture.Indicateurs.SeuilsEgaux(valeurs, EstDistance ? 100 : null)
            : OpenFabriques.Web.Couverture.Indicateurs.Seuils(valeurs, zeroApart: !EstDistance);
        var fr = StringComparer.Create(OpenFabriques.Web.Infrastructure.Francais.Culture, false);
        Lignes = Tri switch
        {
            "nom" => lignes.OrderBy(l => l.Nom, fr).ToList(),
            "valeur" => lignes.OrderByDescending(l => Valeur(l) ?? double.NegativeInfinity).ThenBy(l => l.Code, StringComparer.Ordinal).ToList(),
            _ => lignes,
        };
        CarteJson = JsonSerializer.Serialize(new
        {
            tileUrl = options.Value.TileUrl,
            tileAttribution = options.Value.TileAttribution,
            departementsUrl = "/api/departements.geojson?carte=1",
            departements = lignes.ToDictionary(l => l.Code, l => new
            {
                classe = Classe(l),
                couleur = Couleur(l),
                aucunLieu = l.Lieux == 0,
                texte = $"{l.Nom} ({l.Code}) : {Description(l)}",
            }),
        });
    }

    /// <summary>
    /// The class of a département: -1 « aucun lieu » for a zero count, -2 « non mesurable » for a distance
    /// share without any located commune, else the quantile class.
    /// </summary>
    public int Classe(LigneCouverture l) => Valeur(l) is { } v
        ? OpenFabriques.Web.Couverture.Indicateurs.Classe(v, Seuils, zeroApart: !EstDistance)
        : -2;

    public IReadOnlyList<string> Palette => EstDistance ? CouleursDistance : Couleurs;

    public string Couleur(LigneCouverture l) => Classe(l) switch
    {
        -2 => CouleurNonMesure,
        -1 => CouleurAucun,
        var c => Palette[Math.Min(c, Palette.Count - 1)],
    };

    public string LibelleClasse(LigneCouverture l) => Classe(l) switch
    {
        -2 => "non mesurable",
        -1 => "aucun lieu",
        var c => $"classe {c + 1}",
    };

    /// <summary>The value with its unit, as the map's tooltip says it.</summary>
    public string Description(LigneCouverture l) => Classe(l) switch
    {
        -2 => "non mesurable (aucune commune n'a de point)",
        -1 => "aucun lieu",
        _ => $"{Texte(Valeur(l))} {Unite}",
    };

    public string Texte(double? v) => v switch
    {
        null => "n. d.",
        { } x when Indicateur == "lieux" => x.ToString("N0", OpenFabriques.Web.Infrastructure.Francais.Culture),
        { } x => x.ToString("0.0", OpenFabriques.Web.Infrastructure.Francais.Culture),
    };

    public string Unite => Indicateur switch
    {
        "lieux" => "lieux",
        "distance" => $"% de la population à plus de {Km} km d'un lieu{(Service is null ? "" : " offrant le service")}",
        _ => "lieux pour 100 000 habitants",
    };

    public string Lien(string tri) =>
        $"/couverture?indicateur={Indicateur}{(Service is null ? "" : "&service=" + Service.Slug)}{(EstDistance ? $"&distance={Km}" : "")}"
        + $"{(Methode == "quantiles" ? "" : "&classes=" + Methode)}&tri={tri}";
}
