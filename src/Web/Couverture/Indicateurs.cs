using Npgsql;
using NpgsqlTypes;

namespace OpenFabriques.Web.Couverture;

/// <summary>
/// The coverage of one département (or a total): places, places offering the chosen service, per 100,000
/// inhabitants; the population whose commune has no point of its own, and the population of the other
/// communes living farther than each of <see cref="CouvertureDistances.SeuilsKm"/> from the nearest place
/// (offering the chosen service).
/// </summary>
public sealed record LigneCouverture(string Code, string Nom, string Region, string RegionNom, long Population, long Lieux, long LieuxService)
{
    public double LieuxPour100000 => Lieux * 100_000.0 / Population;
    public double ServicePour100000 => LieuxService * 100_000.0 / Population;

    public long PopulationSansPoint { get; init; }

    /// <summary>One value per distance of <see cref="CouvertureDistances.SeuilsKm"/>.</summary>
    public IReadOnlyList<long> PopulationAuDela { get; init; } = [0, 0, 0];

    /// <summary>The population whose commune has a point: what the distance shares are measured on.</summary>
    public long PopulationSituee => Population - PopulationSansPoint;

    /// <summary>Share (0–100) of the population without a point.</summary>
    public double PartSansPoint => Population == 0 ? 0 : PopulationSansPoint * 100.0 / Population;

    /// <summary>Share (0–100) of the located population farther than the given distance; null when no commune has a point.</summary>
    public double? PartAuDela(int km) =>
        PopulationSituee == 0 ? null : PopulationAuDela[Seuil(km)] * 100.0 / PopulationSituee;

    public static int Seuil(int km)
    {
        for (var i = 0; i < CouvertureDistances.SeuilsKm.Count; i++) if (CouvertureDistances.SeuilsKm[i] == km) return i;
        throw new ArgumentOutOfRangeException(nameof(km), km, "distance sans indicateur");
    }
}

/// <summary>The indicators of every département, and their regional and national totals.</summary>
public static class Indicateurs
{
    public static async Task<IReadOnlyList<LigneCouverture>> ParDepartementAsync(NpgsqlDataSource db, string? service, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = db.CreateCommand(CouvertureSql.ParDepartement);
        cmd.Parameters.Add(new NpgsqlParameter("service", NpgsqlDbType.Text) { Value = (object?)service ?? DBNull.Value });
        for (var i = 0; i < CouvertureDistances.SeuilsKm.Count; i++)
            cmd.Parameters.Add(new NpgsqlParameter($"d{i + 1}", NpgsqlDbType.Double) { Value = CouvertureDistances.SeuilsKm[i] * 1000.0 });
        var lignes = new List<LigneCouverture>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            lignes.Add(new LigneCouverture(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5), r.GetInt64(6))
            {
                PopulationSansPoint = r.GetInt64(7),
                PopulationAuDela = [r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)],
            });
        }
        return lignes;
    }

    /// <summary>
    /// The rank of a département by places per 100,000 inhabitants (1 = the best covered); départements with
    /// the same value share a rank and are « ex aequo ».
    /// </summary>
    public static (int Rang, bool ExAequo) Rang(IReadOnlyList<LigneCouverture> lignes, LigneCouverture ligne)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(ligne);
        var v = ligne.LieuxPour100000;
        return (1 + lignes.Count(l => l.LieuxPour100000 > v), lignes.Count(l => l.LieuxPour100000 == v) > 1);
    }

    /// <summary>« 1er », « 4e », « 13e ex aequo ».</summary>
    public static string RangTexte((int Rang, bool ExAequo) rang) =>
        (rang.Rang == 1 ? "1er" : $"{rang.Rang}e") + (rang.ExAequo ? " ex aequo" : "");

    /// <summary>Sums by region (in region order), then the national total.</summary>
    public static (IReadOnlyList<LigneCouverture> Regions, LigneCouverture France) Totaux(IReadOnlyList<LigneCouverture> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        var regions = lignes.GroupBy(l => (l.Region, l.RegionNom))
            .Select(g => Somme(g.Key.Region, g.Key.RegionNom, g.Key.Region, g.Key.RegionNom, g.ToList()))
            .OrderBy(r => r.Nom, StringComparer.Create(OpenFabriques.Web.Infrastructure.Francais.Culture, false))
            .ToList();
        return (regions, Somme("FR", "France", "", "", lignes));
    }

    private static LigneCouverture Somme(string code, string nom, string region, string regionNom, IReadOnlyList<LigneCouverture> lignes) =>
        new(code, nom, region, regionNom, lignes.Sum(l => l.Population), lignes.Sum(l => l.Lieux), lignes.Sum(l => l.LieuxService))
        {
            PopulationSansPoint = lignes.Sum(l => l.PopulationSansPoint),
            PopulationAuDela = Enumerable.Range(0, CouvertureDistances.SeuilsKm.Count).Select(i => lignes.Sum(l => l.PopulationAuDela[i])).ToList(),
        };

    /// <summary>
    /// Quantile class breaks (up to <paramref name="classes"/> classes) of the positive values; a zero value
    /// is class -1: « aucun lieu ». With <paramref name="zeroApart"/> false, zero is a value like the others
    /// (a share of population). Returns the upper bound of each class.
    /// </summary>
    public static IReadOnlyList<double> Seuils(IEnumerable<double> valeurs, int classes = 5, bool zeroApart = true)
    {
        var positives = valeurs.Where(v => zeroApart ? v > 0 : v >= 0).Order().ToList();
        if (positives.Count == 0) return [];
        var seuils = new List<double>();
        for (var k = 1; k <= classes; k++)
        {
            var s = positives[(int)Math.Ceiling(k * positives.Count / (double)classes) - 1];
            if (seuils.Count == 0 || s > seuils[^1]) seuils.Add(s);
        }
        return seuils;
    }

    /// <summary>
    /// Equal-interval class breaks: <paramref name="classes"/> classes of the same width from 0 to the largest
    /// value (for shares, 0 to 100 whatever the values). Returns the upper bound of each class.
    /// </summary>
    public static IReadOnlyList<double> SeuilsEgaux(IEnumerable<double> valeurs, double? maximum = null, int classes = 5)
    {
        var max = maximum ?? valeurs.DefaultIfEmpty(0).Max();
        if (max <= 0) return [];
        return Enumerable.Range(1, classes).Select(k => max * k / classes).ToList();
    }

    /// <summary>
    /// The class of a value: -1 for zero (unless <paramref name="zeroApart"/> is false), else the first class
    /// whose upper bound it does not exceed.
    /// </summary>
    public static int Classe(double valeur, IReadOnlyList<double> seuils, bool zeroApart = true)
    {
        ArgumentNullException.ThrowIfNull(seuils);
        if (zeroApart ? valeur <= 0 : seuils.Count == 0) return -1;
        for (var i = 0; i < seuils.Count; i++) if (valeur <= seuils[i]) return i;
        return seuils.Count - 1;
    }
}
