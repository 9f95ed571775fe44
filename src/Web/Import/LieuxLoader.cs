using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Couverture;

using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Import;

/// <summary>
/// Loads canonical records into the lieux table: binary COPY into a staging table, then set-based
/// checks and an upsert by (source, source_id), all in one transaction. A failed, refused or
/// interrupted load leaves the stored data exactly as it was; loading the same data twice changes nothing.
/// Memory stays flat whatever the size of the file: rows stream from the reader to the server.
/// Once the places are committed, an import that changed them recomputes the distance coverage
/// (<see cref="CouvertureDistances"/>), in its own transaction.
/// </summary>
public sealed class LieuxLoader(NpgsqlDataSource dataSource, CouvertureDistances distances, IOptions<PortalOptions> portalOptions)
{
    /// <summary>Reads a file with <paramref name="reader"/> and loads it under <paramref name="source"/>.</summary>
    public async Task<ImportReport> ImportFileAsync(string path, ILieuReader reader, string source, CancellationToken cancellationToken,
        LoadOptions? options = null, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sha256 = await Sha256Async(path, cancellationToken);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await LoadAsync(new ImportOrigin(source, reader.Format, origin ?? path, sha256), reader.ReadAsync(stream, cancellationToken),
            cancellationToken, options);
    }

    /// <summary>The SHA-256 of a file, in lower-case hexadecimal.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var hashing = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(hashing, cancellationToken));
    }

    /// <summary>Loads <paramref name="items"/>; rejected rows are reported, accepted ones stored.</summary>
    public async Task<ImportReport> LoadAsync(ImportOrigin origin, IAsyncEnumerable<ReadItem> items, CancellationToken cancellationToken,
        LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new LoadOptions();
        var chrono = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await tx.ExecuteAsync(ImportSql.MemoireTravail, cancellationToken);

        var importId = (long)(await tx.ScalarAsync(ImportSql.StartImport, cancellationToken,
            origin.Source, origin.Format, origin.Origin, origin.Sha256))!;
        await tx.ExecuteAsync(ImportSql.CreateStaging, cancellationToken);

        var rejected = new List<RowError>();
        var warnings = new List<RowError>();
        var read = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(ImportSql.CopyLieux, cancellationToken))
        {
            options.Progress?.Report(0);
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                warnings.AddRange(item.Warnings);
                if (item.Error is { } error) rejected.Add(error);
                if (item.Error is null && item.Record is null) continue; // a notice about the file
                if (item.Record is { } record) WriteRow(copy, item.Line, record);
                if (++read % 10_000 == 0) options.Progress?.Report(read);
            }
            options.Progress?.Report(read);
            await copy.CompleteAsync(cancellationToken);
        }

        await tx.ExecuteAsync(ImportSql.ResolveSources, cancellationToken, origin.Source);
        await foreach (var r in tx.QueryAsync(ImportSql.Duplicates, cancellationToken))
            rejected.Add(new RowError(r.GetInt64(0), "source_id", $"identifiant « {r.GetString(1)} » déjà présent ligne {r.GetInt64(2)}"));
        await foreach (var r in tx.QueryAsync(ImportSql.CommunesInconnues, cancellationToken))
            rejected.Add(new RowError(r.GetInt64(0), "code_insee", $"commune « {r.GetString(1)} » inconnue du référentiel des communes : le lieu ne peut pas être placé"));
        await tx.ExecuteAsync(ImportSql.PointsDesCommunes, cancellationToken);
        await foreach (var r in tx.QueryAsync(ImportSql.DropUnknownDepartements, cancellationToken))
            warnings.Add(new RowError(r.GetInt64(0), "departement", "département hors des 101 départements, déduit du point s'il y en a un"));
        await tx.ExecuteAsync(ImportSql.DepartementsFromPoints, cancellationToken);
        await foreach (var r in tx.QueryAsync(ImportSql.FarFromDepartement, cancellationToken, options.FarFromDepartementMetres))
        {
            var inside = r.IsDBNull(2) ? "hors de tout département" : $"dans le {r.GetString(2)}";
            warnings.Add(new RowError(r.GetInt64(0), "latitude/longitude",
                $"le point est à {r.GetInt32(3)} km du département {r.GetString(1)} que donnent ses codes ({inside}) ; gardé dans le {r.GetString(1)}"));
        }
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        warnings.Sort((a, b) => a.Line.CompareTo(b.Line));

        if (options.Strict && rejected.Count > 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return new ImportReport
            {
                Source = origin.Source, Read = read, Rejected = rejected, Warnings = warnings,
                RefusedBecause = $"--strict : {rejected.Count} ligne(s) rejetée(s), le fichier n'est pas importé",
            };
        }

        await foreach (var r in tx.QueryAsync(ImportSql.UnknownServices, cancellationToken))
            throw new InvalidOperationException($"service « {r.GetString(0)} » absent de la taxonomie");

        int inserted, updated;
        await tx.ExecuteAsync(ImportSql.CreateChanged, cancellationToken);
        await tx.ExecuteAsync(FusionSql.CreateTouches, cancellationToken);
        await tx.ExecuteAsync(ImportSql.Upsert, cancellationToken, importId,
            options.DateDonnees is { } dateDonnees ? dateDonnees : DBNull.Value);
        await using (var counts = await tx.ReaderAsync(ImportSql.CountChanged, cancellationToken))
        {
            await counts.ReadAsync(cancellationToken);
            (inserted, updated) = (counts.GetInt32(0), counts.GetInt32(1));
        }
        await tx.ExecuteAsync(ImportSql.DeleteServices, cancellationToken);
        await tx.ExecuteAsync(ImportSql.InsertServices, cancellationToken);

        var withdrawn = 0;
        string? pruneSkipped = null;
        if (options.Prune)
        {
            if (rejected.Count > 0) pruneSkipped = "des lignes ont été rejetées : leurs lieux auraient été retirés à tort";
            else if (read == 0) pruneSkipped = "le fichier ne contient aucun lieu";
            else withdrawn = await tx.ExecuteAsync(ImportSql.Prune, cancellationToken, origin.Source);
        }

        var fusionnes = await Fusion.PlacerAsync(tx, portalOptions.Value, cancellationToken);
        var touches = (int)(await tx.ScalarAsync(ImportSql.ARevoir, cancellationToken,
            new NpgsqlParameter("max", NpgsqlDbType.Integer) { Value = CouvertureDistances.PartielMaxLieux }))!;
        if (touches > 0) await Grappes.ReconstruireAsync(tx, cancellationToken);

        var loaded = read - rejected.Count;
        var unchanged = loaded - inserted - updated;
        await tx.ExecuteAsync(ImportSql.FinishImport, cancellationToken,
            importId, inserted, updated, unchanged, rejected.Count, withdrawn);
        await tx.CommitAsync(cancellationToken);
        var duree = chrono.Elapsed;
        CalculDistances? calcul = null;
        string? distancesNon = null;
        if (inserted + updated + withdrawn > 0)
        {
            // The places are stored: an interruption or a failure from here on leaves them as they are, and
            // the distances to be computed again by the portal (its background worker).
            try
            {
                calcul = await distances.RecalculerAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                distancesNon = "interrompu";
            }
            catch (NpgsqlException e)
            {
                distancesNon = e.Message;
            }
        }
        return new ImportReport
        {
            ImportId = importId, Source = origin.Source, Read = read, Inserted = inserted, Updated = updated,
            Unchanged = unchanged, Withdrawn = withdrawn, Fusionnes = fusionnes, Rejected = rejected, Warnings = warnings,
            PruneSkippedBecause = pruneSkipped, Duree = duree, Distances = calcul, DistancesNonCalculees = distancesNon,
        };
    }

    /// <summary>
    /// One staging row. Writes go to Npgsql's buffer and reach the socket only when it is full, so the
    /// synchronous calls cost no blocking per field (measured: three times faster than awaiting each field).
    /// </summary>
    private static void WriteRow(NpgsqlBinaryImporter copy, long line, LieuRecord r)
    {
        copy.StartRow();
        copy.Write(line, NpgsqlDbType.Bigint);
        WriteNullable(copy, r.Source);
        copy.Write(r.SourceId, NpgsqlDbType.Text);
        copy.Write(r.Nom, NpgsqlDbType.Text);
        WriteNullable(copy, r.Adresse);
        WriteNullable(copy, r.CodePostal);
        WriteNullable(copy, r.CodeInsee);
        WriteNullable(copy, r.Commune);
        WriteNullable(copy, r.Departement);
        WriteNullable(copy, r.Longitude);
        WriteNullable(copy, r.Latitude);
        WriteNullable(copy, r.SiteWeb);
        WriteNullable(copy, r.Telephone);
        WriteNullable(copy, r.Horaires);
        WriteNullable(copy, r.Typologie);
        copy.Write(LabelCatalog.Normalize(r.Labels, r.Typologie).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text); // programmes by slug
        WriteNullable(copy, r.Description);
        if (r.DateMaj is { } d) copy.Write(d, NpgsqlDbType.Date);
        else copy.WriteNull();
        // One entry per canonical service, in the taxonomy's order (the order the exports write, so that a
        // re-imported export has the same digest); several source values for one service are kept together.
        var services = r.Services.GroupBy(s => s.Slug, StringComparer.Ordinal).OrderBy(g => ServiceCatalog.Position(g.Key)).ToList();
        copy.Write(services.Select(g => g.Key).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(services.Select(g => string.Join(" ; ", g.Select(s => s.LibelleSource).Distinct(StringComparer.Ordinal))).ToArray(),
            NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(r.PositionApproximative, NpgsqlDbType.Boolean);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Double);
        else copy.WriteNull();
    }
}

/// <summary>Where an import comes from: source key, format, file or URL, and the SHA-256 of its bytes.</summary>
public sealed record ImportOrigin(string Source, string Format, string Origin, string Sha256);
