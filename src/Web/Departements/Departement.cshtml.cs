using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Departements;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Departements;

/// <summary>A commune farther than the chosen distance from any place, and the nearest place (null when there is none).</summary>
public sealed record CommuneEloignee(string Code, string Nom, long Population, double Lon, double Lat, double? DistanceM,
    long? LieuId, string? LieuNom, string? LieuCommune, string? LieuDepartement);

/// <summary>A place that is the nearest one for some of the uncovered communes.</summary>
public sealed record LieuLePlusProche(long Id, string Nom, string? Commune, string? Departement, int Communes, long Population,
    double DistanceMin, double DistanceMax);

/// <summary>
/// A département: its places (list and map), its coverage beside its region's and France's, the services
/// present and absent, the communes far from any place and the places nearest to them, its exports.
/// </summary>
public sealed class DepartementModel(NpgsqlDataSource db, CouvertureDistances distances, IOptions<PortalOptions> options) : PageModel
{
    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public string Region { get; private set; } = "";
    public int Population { get; private set; }
    public long Total { get; private set; }
    public IReadOnlyList<(string Slug, string Libelle, long Lieux)> Services { get; private set; } = [];
    public IReadOnlyList<(long Id, string Nom, string? Commune, string? CodePostal, string Services)> Lieux { get; private set; } = [];
    public string CarteJson { get; private set; } = "{}";
    /// <summary>The snippet that embeds the département's card in another site (an iframe).</summary>
    public string CodeIframe =>
        $"<iframe src=\"{Base}/integrer/departements/{Code}\" title=\"OpenFabriques : {Nom}\" width=\"400\" height=\"600\" style=\"border:0\" loading=\"lazy\"></iframe>";

    /// <summary>The snippet for sites that accept neither iframes nor scripts: the card as an image, in a link to this page.</summary>
    public string CodeImage =>
        $"<a href=\"{Base}/departements/{Code}\"><img src=\"{Base}/integrer/departements/{Code}.svg\" width=\"400\" height=\"520\" alt=\"{Attribut(Fiche.Resume())}\"></a>";

    private string Base => Request.Origine();

    /// <summary>Text for an attribute of the snippet: only what must be escaped is, so that it stays readable.</summary>
    private static string Attribut(string texte) =>
        texte.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Its indicators beside its region's and France's, its rank.</summary>
    public FicheDepartement Fiche { get; private set; } = null!;

    /// <summary>The distance beyond which a commune counts as uncovered, in kilometres (?distance=, 10 by default).</summary>
    public int Km { get; private set; } = CouvertureDistances.SeuilsKm[0];


    /// <summary>Communes farther than <see cref="Km"/> from any place, the most populated first.</summary>
    public IReadOnlyList<CommuneEloignee> Eloignees { get; private set; } = [];

    /// <summary>The places nearest to the uncovered communes, by the population they are nearest to.</summary>
    public IReadOnlyList<LieuLePlusProche> PlusProches { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalised = InseeCodes.NormaliseDepartement(code);
        if (normalised is null) return NotFound();
        if (normalised != code) return RedirectPermanent($"/departements/{normalised}{Request.QueryString}");
        var km = Request.Query["distance"].ToString();
        if (km.Length > 0)
        {
            if (!CouvertureDistances.TryParseKm(km, out var k))
                return new RefusResult("distance", $"{string.Join(", ", CouvertureDistances.SeuilsKm)} (km) attendu, pas « {km} »");
            Km = k;
        }
        await using (var cmd = db.CreateCommand(DepartementsSql.Departement))
        {
            cmd.Parameters.AddWithValue("code", normalised);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return NotFound();
            (Code, Nom, Region, Population, Total) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4));
        }
        Fiche = (await FicheDepartement.LoadAsync(db, distances, Code, ct))!;

        var services = new List<(string, string, long)>();
        await using (var cmd = db.CreateCommand(DepartementsSql.Services))
        {
            cmd.Parameters.AddWithValue("code", Code);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) services.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }
        Services = services;
        var lieux = new List<(long, string, string?, string?, string)>();
        await using (var cmd = db.CreateCommand(DepartementsSql.Lieux))
        {
            cmd.Parameters.AddWithValue("code", Code);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                lieux.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4)));
        }
        Lieux = lieux;

        var eloignees = new List<CommuneEloignee>();
        await using (var cmd = db.CreateCommand(DepartementsSql.CommunesEloignees))
        {
            cmd.Parameters.AddWithValue("code", Code);
            cmd.Parameters.AddWithValue("distance", Km * 1000.0);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                eloignees.Add(new CommuneEloignee(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4),
                    r.IsDBNull(5) ? null : r.GetDouble(5), r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7),
                    r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
            }
        }
        Eloignees = eloignees;
        PlusProches = eloignees.Where(c => c.LieuId is not null && c.LieuNom is not null)
            .GroupBy(c => (Id: c.LieuId!.Value, Nom: c.LieuNom!, c.LieuCommune, c.LieuDepartement))
            .Select(g => new LieuLePlusProche(g.Key.Id, g.Key.Nom, g.Key.LieuCommune, g.Key.LieuDepartement, g.Count(), g.Sum(c => c.Population),
                g.Min(c => c.DistanceM!.Value), g.Max(c => c.DistanceM!.Value)))
            .OrderByDescending(p => p.Population).ThenBy(p => p.Id)
            .ToList();

        CarteJson = JsonSerializer.Serialize(new
        {
            tileUrl = options.Value.TileUrl, tileAttribution = options.Value.TileAttribution, code = Code,
            departementsUrl = "/api/departements.geojson", lieuxUrl = $"/api/lieux.geojson?departement={Code}",
            km = Km,
            eloignees = Eloignees.Select(c => new { nom = c.Nom, lon = c.Lon, lat = c.Lat, population = c.Population }),
        });
        return Page();
    }
}
