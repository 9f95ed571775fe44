using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Couverture;

/// <summary>
/// What one computation of the distances did: for how many communes and services, in how long; when it only amended the
/// stored one (<paramref name="Lieux"/> places changed), how many (commune, service) answers it recomputed.
/// </summary>
public sealed record CalculDistances(int Communes, int Services, TimeSpan Duree, int? Lieux = null, int Paires = 0)
{
    /// <summary>Whether only the answers the changed places can affect were computed again.</summary>
    public bool Partiel => Lieux is not null;

    /// <summary>What was computed, as the command line says it after « recalculées ».</summary>
    public string Resume()
    {
        var fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return Partiel
            ? string.Format(fr, "autour des {0:N0} lieux changés ({1:N0} réponses commune × service revues) en {2:0.0} s", Lieux, Paires, Duree.TotalSeconds)
            : string.Format(fr, "pour {0:N0} communes et {1} services en {2:0.0} s", Communes, Services, Duree.TotalSeconds);
    }
}

/// <summary>When the distances served were computed, and whether the places have changed since.</summary>
public sealed record EtatDistances(DateTimeOffset CalculeLe, long ImportId, bool Perime);

/// <summary>
/// The distance coverage: for every commune with a point, the straight-line distance (on the spheroid) to
/// the nearest place, and to the nearest place offering each service. Computed in PostGIS by KNN searches
/// on geography indexes, after each import that changes the places, in one transaction: the pages always
/// read a complete computation. When few places changed since the last computation (the imports list them in
/// <c>distances_a_revoir</c>), only the answers those places can affect are computed again
/// (<see cref="DistancesSql.Paires"/>); a test keeps the result equal to a full computation.
/// </summary>
public sealed class CouvertureDistances(NpgsqlDataSource dataSource)
{
    /// <summary>The distances of the indicators, in kilometres; the largest bounds the per-service computation.</summary>
    public static readonly IReadOnlyList<int> SeuilsKm = [10, 20, 30];

    public static int MaxKm => SeuilsKm[^1];

    /// <summary>
    /// Above this many changed places, the whole computation is faster than amending it (each changed place costs a few
    /// KNN searches per commune around it; the whole computation, a fixed number of passes over the communes).
    /// </summary>
    public const int PartielMaxLieux = 2_000;

    /// <summary>A <c>distance</c> query parameter: one of <see cref="SeuilsKm"/>, in kilometres.</summary>
    public static bool TryParseKm(string texte, out int km) =>
        int.TryParse(texte, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out km)
        && SeuilsKm.Contains(km);

    /// <summary>
    /// Computes the distances again. With <paramref name="siPerime"/>, only when they were never computed or
    /// an import has changed the places since (checked once the lock is held: a computation that has just
    /// finished elsewhere is not repeated); returns null when there was nothing to do.
    /// </summary>
    /// <param name="complet">Computes everything even when few places changed (the reference the tests compare with).</param>
    public async Task<CalculDistances?> RecalculerAsync(CancellationToken ct, bool siPerime = false, bool complet = false)
    {
        var chrono = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await tx.ExecuteAsync(DistancesSql.Lock, ct);
        if (siPerime && await EtatAsync(connection, tx, ct) is { Perime: false })
        {
            await tx.RollbackAsync(ct);
            return null;
        }
        await tx.ExecuteAsync(DistancesSql.Revoir, ct);
        int revoir;
        bool tout; // -1: an import changed too many places to list them (a full computation is due)
        await using (var cmd = tx.Command(DistancesSql.CompterRevoir))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (revoir, tout) = (r.GetInt32(0), r.GetBoolean(1));
        }
        if (!complet && !tout && revoir <= PartielMaxLieux && await PartielAsync(tx, revoir, chrono, ct) is { } partiel)
        {
            await tx.CommitAsync(ct);
            return partiel;
        }
        await tx.ExecuteAsync(DistancesSql.Communes, ct);
        await tx.ExecuteAsync(DistancesSql.Tous, ct);
        await tx.ExecuteAsync(DistancesSql.AnalyserTous, ct);
        await tx.ExecuteAsync(DistancesSql.Vider, ct);
        var communes = await tx.ExecuteAsync(DistancesSql.InsererTous, ct);

        var services = new List<string>();
        await using (var cmd = tx.Command(DistancesSql.Services))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) services.Add(r.GetString(0));
        }
        await tx.ExecuteAsync(DistancesSql.CreerPoints, ct);
        foreach (var service in services)
        {
            await tx.ExecuteAsync(DistancesSql.ViderPoints, ct);
            await tx.ExecuteAsync(DistancesSql.Points, ct, new NpgsqlParameter("service", NpgsqlDbType.Text) { Value = service });
            await tx.ExecuteAsync(DistancesSql.AnalyserPoints, ct);
            await tx.ExecuteAsync(DistancesSql.InsererService, ct,
                new NpgsqlParameter("service", NpgsqlDbType.Text) { Value = service }, new NpgsqlParameter("max", NpgsqlDbType.Double) { Value = MaxKm * 1000.0 });
        }
        var duree = chrono.Elapsed;
        await tx.ExecuteAsync(DistancesSql.Enregistrer, ct, new NpgsqlParameter("duree", NpgsqlDbType.Integer) { Value = (int)duree.TotalMilliseconds },
            new NpgsqlParameter("communes", NpgsqlDbType.Integer) { Value = communes }, new NpgsqlParameter("services", NpgsqlDbType.Integer) { Value = services.Count });
        await tx.CommitAsync(ct);
        return new CalculDistances(communes, services.Count, chrono.Elapsed);
    }

    /// <summary>
    /// Amends the stored computation for the <paramref name="lieux"/> changed places; null when it cannot be amended (never
    /// computed, or some commune had no place at all).
    /// </summary>
    private static async Task<CalculDistances?> PartielAsync(NpgsqlTransaction tx, int lieux, Stopwatch chrono, CancellationToken ct)
    {
        double rayon;
        await using (var cmd = tx.Command(DistancesSql.Rayon))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            if (!r.GetBoolean(0)) return null;
            rayon = r.GetDouble(1);
        }
        var max = MaxKm * 1000.0;
        var paires = 0;
        if (lieux > 0)
        {
            await tx.ExecuteAsync(DistancesSql.Paires, ct, new NpgsqlParameter("rayon", NpgsqlDbType.Double) { Value = rayon },
                new NpgsqlParameter("max", NpgsqlDbType.Double) { Value = max });
            paires = (int)(long)(await tx.ScalarAsync(DistancesSql.CompterPaires, ct))!;
            await tx.ExecuteAsync(DistancesSql.RevoirTous, ct);
            await tx.ExecuteAsync(DistancesSql.RevoirServices, ct, new NpgsqlParameter("max", NpgsqlDbType.Double) { Value = max });
            await tx.ExecuteAsync(DistancesSql.RetirerLointaines, ct, new NpgsqlParameter("max", NpgsqlDbType.Double) { Value = max });
        }
        int communes, services;
        await using (var cmd = tx.Command(DistancesSql.Compter))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (communes, services) = (r.GetInt32(0), r.GetInt32(1));
        }
        await tx.ExecuteAsync(DistancesSql.Enregistrer, ct,
            new NpgsqlParameter("duree", NpgsqlDbType.Integer) { Value = (int)chrono.Elapsed.TotalMilliseconds },
            new NpgsqlParameter("communes", NpgsqlDbType.Integer) { Value = communes },
            new NpgsqlParameter("services", NpgsqlDbType.Integer) { Value = services });
        return new CalculDistances(communes, services, chrono.Elapsed, lieux, paires);
    }

    /// <summary>The state of the computation; null when it never ran.</summary>
    public async Task<EtatDistances?> EtatAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await EtatAsync(connection, null, ct);
    }

    private static async Task<EtatDistances?> EtatAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(DistancesSql.Etat, connection, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new EtatDistances(r.GetFieldValue<DateTimeOffset>(0), r.GetInt64(1), r.GetBoolean(2));
    }
}
