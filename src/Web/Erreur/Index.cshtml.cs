using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Erreur;

/// <summary>
/// The page a browser sees for an error (400, 404, 405, 414, 500, 503…), with the site's navigation; API
/// clients get the same answer as problem+json (<see cref="Erreurs"/>).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Titre { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? Parametre { get; private set; }

    /// <summary>The address that failed, as the visitor typed it (shown as text).</summary>
    public string? Adresse { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        var detail = HttpContext.Features.Get<Erreurs.Detail>();
        Parametre = detail?.Parameter;
        Titre = Parametre is null ? Erreurs.Title(Code) : $"Paramètre « {Parametre} » invalide";
        var message = detail?.Message ?? Erreurs.DefaultMessage(Code);
        Message = string.Concat(message[..1].ToUpper(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), message[1..]);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
        {
            var adresse = original.OriginalPath + original.OriginalQueryString;
            Adresse = adresse.Length > 200 ? adresse[..200] + "…" : adresse;
        }
        if (Code == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = Erreurs.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
