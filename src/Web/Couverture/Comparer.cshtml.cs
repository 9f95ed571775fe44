using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Web.Couverture;

namespace OpenFabriques.Web.Couverture;

/// <summary>Two to four départements side by side; the URL (departement=…, repeated) is the selection, to share.</summary>
public sealed class ComparerModel(NpgsqlDataSource db, CouvertureDistances distances) : PageModel
{
    public const int Choix = 4;

    public IReadOnlyList<LigneCouverture> Tous { get; private set; } = [];
    public IReadOnlyList<LigneCouverture> Choisis { get; private set; } = [];
    public IReadOnlyDictionary<(string Departement, string Service), long> Services { get; private set; } = new Dictionary<(string, string), long>();
    public string? Erreur { get; private set; }

    /// <summary>When the distance shares were computed; null if never.</summary>
    public EtatDistances? Distances { get; private set; }

    public string Rang(LigneCouverture l) => Indicateurs.RangTexte(Indicateurs.Rang(Tous, l));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tous = await Indicateurs.ParDepartementAsync(db, null, ct);
        Distances = await distances.EtatAsync(ct);
        var codes = new List<string>();
        foreach (var raw in Request.Query["departement"].Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var code = InseeCodes.NormaliseDepartement(raw);
            if (code is null) { Erreur = $"« {raw} » n'est pas un code de département."; break; }
            if (!codes.Contains(code)) codes.Add(code);
        }
        if (Erreur is null && Request.Query.ContainsKey("departement") && codes.Count is < 2 or > Choix)
            Erreur = $"Choisissez de 2 à {Choix} départements différents.";
        if (Erreur is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Choisis = codes.Select(c => Tous.Single(l => l.Code == c)).ToList();
        if (Choisis.Count == 0) return;
        var services = new Dictionary<(string, string), long>();
        await using var cmd = db.CreateCommand(CouvertureSql.ServicesParDepartement);
        cmd.Parameters.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = codes.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) services[(r.GetString(0), r.GetString(1))] = r.GetInt64(2);
        Services = services;
    }
}
