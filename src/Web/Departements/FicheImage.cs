using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Exports;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Departements;

/// <summary>
/// <c>/integrer/departements/{code}.svg</c>: the embeddable card as one SVG image, for sites that accept
/// neither iframes nor scripts (an &lt;img&gt; in a link; the image's alternative text is given with the snippet).
/// </summary>
public static class FicheImage
{
    public const int Largeur = 400;
    public const int Hauteur = 520;

    public static IEndpointRouteBuilder MapFicheImage(this IEndpointRouteBuilder app)
    {
        app.MapGet(WebExtensions.Integrer + "/departements/{code}.svg", ImageAsync)
            .WithTags("Intégration")
            .WithName("FicheDepartementSvg")
            .WithSummary("La fiche d'un département en image SVG (indicateurs et carte), à intégrer dans un autre site.");
        return app;
    }

    private static async Task<IResult> ImageAsync(string code, HttpContext http, NpgsqlDataSource db, CouvertureDistances distances)
    {
        var normalised = InseeCodes.NormaliseDepartement(code);
        if (normalised is null) return ParameterProblem.For("code", $"« {code} » n'est pas un code de département");
        var version = await DatasetVersion.ReadAsync(db, http.RequestAborted);
        if (version.IsNotModified(http.Request)) { version.Apply(http.Response); return Results.StatusCode(StatusCodes.Status304NotModified); }
        var fiche = await FicheDepartement.LoadAsync(db, distances, normalised, http.RequestAborted);
        if (fiche is null) return Results.NotFound();
        var km = FicheDepartement.KmFiche;
        var carte = await MiniCarte.LoadAsync(db, normalised, km * 1000.0, http.RequestAborted);
        version.Apply(http.Response);
        return Results.Text(Svg(fiche, carte, version.DateLongue), "image/svg+xml; charset=utf-8");
    }

    public static string Svg(FicheDepartement fiche, MiniCarte? carte, string date)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        var fr = Francais.Culture;
        var l = fiche.Ligne;
        var km = FicheDepartement.KmFiche;
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Largeur}" height="{Hauteur}" viewBox="0 0 {Largeur} {Hauteur}" role="img" aria-labelledby="titre desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="titre">{E($"{l.Nom} ({l.Code}) : tiers-lieux et lieux de médiation numérique")}</title><desc id="desc">{E(fiche.Resume())}</desc>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="0.5" y="0.5" width="{Largeur - 1}" height="{Hauteur - 1}" fill="#fff" stroke="#ccc"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="34" font-size="20" font-weight="bold" fill="#000091">{E($"{l.Nom} ({l.Code})")}</text>""");
        sb.Append("""<text x="16" y="55" font-size="13" fill="#555">Tiers-lieux et lieux de médiation numérique</text>""");
        var lignes = new List<string>
        {
            $"{l.Lieux.ToString("N0", fr)} lieu{(l.Lieux > 1 ? "x" : "")} · {l.LieuxPour100000.ToString("0.0", fr)} pour 100 000 habitants",
            $"{fiche.RangTexte} des 101 départements (France : {fiche.France.LieuxPour100000.ToString("0.0", fr)})",
        };
        if (fiche.Distances is not null)
            lignes.Add($"{Francais.Pourcent(l.PartAuDela(km))} de la population à plus de {km} km d'un lieu");
        var y = 84;
        foreach (var ligne in lignes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="{y}" font-size="14" fill="#161616">{E(ligne)}</text>""");
            y += 21;
        }
        if (carte is not null)
            sb.Append(carte.Svg($"Carte de {l.Nom}", $"{l.Lieux} lieux et {carte.Eloignees.Count} communes à plus de {km} km d'un lieu.", "carte",
                $"""x="16" y="{y}" width="{Largeur - 32}" height="{Hauteur - y - 58}" """));
        sb.Append(CultureInfo.InvariantCulture, $"""<circle cx="22" cy="{Hauteur - 42}" r="5" fill="{MiniCarte.CouleurLieu}"/><text x="32" y="{Hauteur - 38}" font-size="12" fill="#3a3a3a">lieu</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<circle cx="72" cy="{Hauteur - 42}" r="4" fill="{MiniCarte.CouleurEloignee}"/><text x="82" y="{Hauteur - 38}" font-size="12" fill="#3a3a3a">{E($"commune à plus de {km} km d'un lieu")}</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="{Hauteur - 14}" font-size="11" fill="#555">{E($"OpenFabriques · données du {date} · Licence Ouverte 2.0")}</text>""");
        sb.Append("</svg>");
        return sb.ToString();
    }
}
