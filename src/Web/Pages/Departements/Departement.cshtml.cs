using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Pages.Departements;

/// <summary>A département: its places (list and map), the services present and absent, its exports.</summary>
public sealed class DepartementModel(NpgsqlDataSource db, IOptions<PortalOptions> options) : PageModel
{
    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public string Region { get; private set; } = "";
    public int Population { get; private set; }
    public long Total { get; private set; }
    public IReadOnlyList<(string Slug, string Libelle, long Lieux)> Services { get; private set; } = [];
    public IReadOnlyList<(long Id, string Nom, string? Commune, string? CodePostal, string Services)> Lieux { get; private set; } = [];
    public string CarteJson { get; private set; } = "{}";
    public LigneCouverture Ligne { get; private set; } = null!;
    public LigneCouverture RegionTotale { get; private set; } = null!;
    public LigneCouverture FranceTotale { get; private set; } = null!;

    /// <summary>Rank of the département by places per 100,000 inhabitants (1 = the best covered), ties sharing a rank.</summary>
    public int Rang { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalised = InseeCodes.NormaliseDepartement(code);
        if (normalised is null) return NotFound();
        if (normalised != code) return RedirectPermanent($"/departements/{normalised}");
        await using (var cmd = db.CreateCommand(DepartementsPagesSql.Departement))
        {
            cmd.Parameters.AddWithValue("code", normalised);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return NotFound();
            (Code, Nom, Region, Population, Total) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4));
        }
        var lignes = await Indicateurs.ParDepartementAsync(db, null, ct);
        var (regions, france) = Indicateurs.Totaux(lignes);
        Ligne = lignes.Single(l => l.Code == Code);
        RegionTotale = regions.Single(r => r.Code == Ligne.Region);
        FranceTotale = france;
        Rang = 1 + lignes.Count(l => l.LieuxPour100000 > Ligne.LieuxPour100000);

        var services = new List<(string, string, long)>();
        await using (var cmd = db.CreateCommand(DepartementsPagesSql.Services))
        {
            cmd.Parameters.AddWithValue("code", Code);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) services.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }
        Services = services;
        var lieux = new List<(long, string, string?, string?, string)>();
        await using (var cmd = db.CreateCommand(DepartementsPagesSql.Lieux))
        {
            cmd.Parameters.AddWithValue("code", Code);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                lieux.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4)));
        }
        Lieux = lieux;
        CarteJson = JsonSerializer.Serialize(new
        {
            tileUrl = options.Value.TileUrl, tileAttribution = options.Value.TileAttribution, code = Code,
            departementsUrl = "/api/departements.geojson", lieuxUrl = $"/api/lieux.geojson?departement={Code}",
        });
        return Page();
    }
}
