using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Import;

/// <summary>
/// One place per real place: after an import's upsert, each new record joins the place of a matching record of
/// another source or makes its own (<see cref="FusionSql"/>), the committed overrides (<c>data/fusions.csv</c>) are
/// applied, and the places the import touched are rebuilt from their records — in the import's transaction.
/// </summary>
public static class Fusion
{
    private static readonly string[] Actions = ["fusionner", "separer"];

    /// <summary>Places the import's records and rebuilds its places; returns how many new records joined a known place.</summary>
    public static async Task<int> PlacerAsync(NpgsqlTransaction tx, PortalOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(options);
        await tx.ExecuteAsync(FusionSql.CreateListe, ct);
        foreach (var (action, a, b) in ReadOverrides(options.DataPath(options.FusionsFile)))
            await tx.ExecuteAsync(FusionSql.InsertListe, ct, action, a.Source, a.Id, b.Source, b.Id);

        var sources = new List<string>();
        await foreach (var r in tx.QueryAsync(FusionSql.SourcesNouvelles, ct)) sources.Add(r.GetString(0));
        foreach (var source in sources)
        {
            if ((bool)(await tx.ScalarAsync(FusionSql.AutresSources, ct, Source(source)))!)
                await tx.ExecuteAsync(FusionSql.Placer, ct, Source(source),
                new NpgsqlParameter("rayon_nom", NpgsqlDbType.Double) { Value = options.FusionRayonNomM },
                SimNom(options),
                new NpgsqlParameter("rayon_adresse", NpgsqlDbType.Double) { Value = options.FusionRayonAdresseM },
                new NpgsqlParameter("sim_adresse", NpgsqlDbType.Real) { Value = (float)options.FusionSimilariteAdresse });
            if ((bool)(await tx.ScalarAsync(FusionSql.AutresApproximatives, ct, Source(source)))!)
                await tx.ExecuteAsync(FusionSql.PlacerVersCommune, ct, Source(source), SimNom(options));
            if ((bool)(await tx.ScalarAsync(FusionSql.NouvellesApproximatives, ct, Source(source)))!)
                await tx.ExecuteAsync(FusionSql.PlacerCommune, ct, Source(source), SimNom(options));
        }

        await tx.ExecuteAsync(FusionSql.Separer, ct);
        for (var pass = 0; pass < 20 && await tx.ExecuteAsync(FusionSql.Fusionner, ct) > 0; pass++)
        {
            // a chain of « fusionner » pairs moves one link per pass
        }
        var joined = (int)(await tx.ScalarAsync(FusionSql.CompterJointes, ct))!;
        await tx.ExecuteAsync(FusionSql.ToucherChangees, ct);
        await tx.ExecuteAsync(FusionSql.SupprimerVides, ct);
        await tx.ExecuteAsync(FusionSql.CreateMulti, ct);
        await tx.ExecuteAsync(FusionSql.ConstruireSeules, ct);
        await tx.ExecuteAsync(FusionSql.Construire, ct);
        await tx.ExecuteAsync(FusionSql.SupprimerServices, ct);
        await tx.ExecuteAsync(FusionSql.ConstruireServicesSeules, ct);
        await tx.ExecuteAsync(FusionSql.ConstruireServices, ct);
        return joined;
    }

    private static NpgsqlParameter Source(string source) => new("source", NpgsqlDbType.Text) { Value = source };

    private static NpgsqlParameter SimNom(PortalOptions options) => new("sim_nom", NpgsqlDbType.Real) { Value = (float)options.FusionSimilariteNom };

    /// <summary>A record named in the overrides file.</summary>
    public readonly record struct Fiche(string Source, string Id);

    /// <summary>
    /// The overrides: CSV with the columns <c>action</c> (fusionner or separer), <c>source_a</c>, <c>id_a</c>,
    /// <c>source_b</c>, <c>id_b</c>, <c>motif</c>; none when the file does not exist.
    /// </summary>
    /// <exception cref="InvalidDataException">A line the portal cannot read, named with its number.</exception>
    public static IReadOnlyList<(string Action, Fiche A, Fiche B)> ReadOverrides(string path)
    {
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        var list = new List<(string, Fiche, Fiche)>();
        csv.Read();
        csv.ReadHeader();
        foreach (var column in new[] { "action", "source_a", "id_a", "source_b", "id_b" })
        {
            if (!csv.HeaderRecord!.Contains(column, StringComparer.Ordinal))
                throw new InvalidDataException($"{path} : colonne « {column} » absente (attendu : action,source_a,id_a,source_b,id_b,motif)");
        }
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var action = csv.GetField("action") ?? "";
            if (!Actions.Contains(action, StringComparer.Ordinal))
                throw new InvalidDataException($"{path}, ligne {line} : action « {action} » inconnue (fusionner ou separer)");
            var a = new Fiche(csv.GetField("source_a") ?? "", csv.GetField("id_a") ?? "");
            var b = new Fiche(csv.GetField("source_b") ?? "", csv.GetField("id_b") ?? "");
            if (a.Source.Length == 0 || a.Id.Length == 0 || b.Source.Length == 0 || b.Id.Length == 0)
                throw new InvalidDataException($"{path}, ligne {line} : les deux fiches (source et identifiant) sont obligatoires");
            list.Add((action, a, b));
        }
        return list;
    }
}
