using Npgsql;
using NpgsqlTypes;

namespace OpenFabriques.Web.Couverture;

/// <summary>The coverage of one département: places, places offering the chosen service, per 100,000 inhabitants.</summary>
public sealed record LigneCouverture(string Code, string Nom, string Region, string RegionNom, long Population, long Lieux, long LieuxService)
{
    public double LieuxPour100000 => Lieux * 100_000.0 / Population;
    public double ServicePour100000 => LieuxService * 100_000.0 / Population;
}

/// <summary>The indicators of every département, and their regional and national totals.</summary>
public static class Indicateurs
{
    public static async Task<IReadOnlyList<LigneCouverture>> ParDepartementAsync(NpgsqlDataSource db, string? service, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = db.CreateCommand(CouvertureSql.ParDepartement);
        cmd.Parameters.Add(new NpgsqlParameter("service", NpgsqlDbType.Text) { Value = (object?)service ?? DBNull.Value });
        var lignes = new List<LigneCouverture>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            lignes.Add(new LigneCouverture(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5), r.GetInt64(6)));
        return lignes;
    }

    /// <summary>Sums by region (in region order), then the national total.</summary>
    public static (IReadOnlyList<LigneCouverture> Regions, LigneCouverture France) Totaux(IReadOnlyList<LigneCouverture> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        var regions = lignes.GroupBy(l => (l.Region, l.RegionNom))
            .Select(g => new LigneCouverture(g.Key.Region, g.Key.RegionNom, g.Key.Region, g.Key.RegionNom,
                g.Sum(l => l.Population), g.Sum(l => l.Lieux), g.Sum(l => l.LieuxService)))
            .OrderBy(r => r.Nom, StringComparer.Create(OpenFabriques.Web.Infrastructure.Francais.Culture, false))
            .ToList();
        var france = new LigneCouverture("FR", "France", "", "", lignes.Sum(l => l.Population), lignes.Sum(l => l.Lieux), lignes.Sum(l => l.LieuxService));
        return (regions, france);
    }

    /// <summary>
    /// Quantile class breaks (up to <paramref name="classes"/> classes) of the positive values; a zero value
    /// is class -1: « aucun lieu ». Returns the upper bound of each class.
    /// </summary>
    public static IReadOnlyList<double> Seuils(IEnumerable<double> valeurs, int classes = 5)
    {
        var positives = valeurs.Where(v => v > 0).Order().ToList();
        if (positives.Count == 0) return [];
        var seuils = new List<double>();
        for (var k = 1; k <= classes; k++)
        {
            var s = positives[(int)Math.Ceiling(k * positives.Count / (double)classes) - 1];
            if (seuils.Count == 0 || s > seuils[^1]) seuils.Add(s);
        }
        return seuils;
    }

    /// <summary>The class of a value: -1 for zero, else the first class whose upper bound it does not exceed.</summary>
    public static int Classe(double valeur, IReadOnlyList<double> seuils)
    {
        ArgumentNullException.ThrowIfNull(seuils);
        if (valeur <= 0) return -1;
        for (var i = 0; i < seuils.Count; i++) if (valeur <= seuils[i]) return i;
        return seuils.Count - 1;
    }
}
