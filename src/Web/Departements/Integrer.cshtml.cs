using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Departements;
using OpenFabriques.Web.Exports;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Departements;

/// <summary>
/// The embeddable card of a département: its indicators and a static map, without any script, for an
/// iframe in another site (these pages allow any site to frame them).
/// </summary>
public sealed class IntegrerModel(NpgsqlDataSource db, CouvertureDistances distances) : PageModel
{
    public FicheDepartement Fiche { get; private set; } = null!;
    public MiniCarte? Carte { get; private set; }
    public string Date { get; private set; } = "";

    /// <summary>The portal's address as the visitor reached it: the card's links lead back to it from another site.</summary>
    public string Base => Request.Origine();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalised = InseeCodes.NormaliseDepartement(code);
        if (normalised is null) return NotFound();
        if (normalised != code) return RedirectPermanent($"/integrer/departements/{normalised}");
        var fiche = await FicheDepartement.LoadAsync(db, distances, normalised, ct);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Carte = await MiniCarte.LoadAsync(db, normalised, FicheDepartement.KmFiche * 1000.0, ct);
        Date = (await DatasetVersion.ReadAsync(db, ct)).DateLongue;
        return Page();
    }
}
