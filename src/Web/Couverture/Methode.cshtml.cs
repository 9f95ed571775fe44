using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using OpenFabriques.Web.Couverture;

namespace OpenFabriques.Web.Couverture;

/// <summary>How the coverage indicators are computed, with the figures a reader needs to judge them.</summary>
public sealed class MethodeModel(NpgsqlDataSource db, CouvertureDistances distances) : PageModel
{
    /// <summary>Communes and population by origin of their point (geonames, code-postal, departement).</summary>
    public IReadOnlyList<(string Source, long Communes, long Population)> Points { get; private set; } = [];

    public EtatDistances? Distances { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Distances = await distances.EtatAsync(ct);
        var points = new List<(string, long, long)>();
        await using var cmd = db.CreateCommand(CouvertureSql.PointsDesCommunes);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) points.Add((r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        Points = points;
    }
}
