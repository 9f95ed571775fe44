using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Web.Import;

/// <summary>
/// Loads canonical records into the lieux table: binary COPY into a staging table, then set-based
/// checks and an upsert by (source, source_id), all in one transaction. A failed, refused or
/// interrupted load leaves the stored data exactly as it was; loading the same data twice changes nothing.
/// Memory stays flat whatever the size of the file: rows stream from the reader to the server.
/// </summary>
public sealed class LieuxLoader(NpgsqlDataSource dataSource)
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        var importId = (long)(await ScalarAsync(connection, tx, ImportSql.StartImport, cancellationToken,
            origin.Source, origin.Format, origin.Origin, origin.Sha256))!;
        await ExecuteAsync(connection, tx, ImportSql.CreateStaging, cancellationToken);

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
                if (++read % 10_000 == 0) options.Progress?.Report(read);
                if (item.Record is { } record) await WriteRowAsync(copy, item.Line, record, cancellationToken);
            }
            options.Progress?.Report(read);
            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, tx, ImportSql.ResolveSources, cancellationToken, origin.Source);
        await foreach (var r in QueryAsync(connection, tx, ImportSql.Duplicates, cancellationToken))
            rejected.Add(new RowError(r.GetInt64(0), "source_id", $"identifiant « {r.GetString(1)} » déjà présent ligne {r.GetInt64(2)}"));
        await foreach (var r in QueryAsync(connection, tx, ImportSql.DropUnknownDepartements, cancellationToken))
            warnings.Add(new RowError(r.GetInt64(0), "departement", "département hors des 101 départements, déduit du point s'il y en a un"));
        await ExecuteAsync(connection, tx, ImportSql.DepartementsFromPoints, cancellationToken);
        await foreach (var r in QueryAsync(connection, tx, ImportSql.FarFromDepartement, cancellationToken, options.FarFromDepartementMetres))
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

        int inserted, updated;
        await using (var counts = await ReaderAsync(connection, tx, ImportSql.Upsert, cancellationToken, importId))
        {
            await counts.ReadAsync(cancellationToken);
            (inserted, updated) = (counts.GetInt32(0), counts.GetInt32(1));
        }
        await ExecuteAsync(connection, tx, ImportSql.DeleteServices, cancellationToken, importId);
        await ExecuteAsync(connection, tx, ImportSql.InsertServices, cancellationToken, importId);

        var withdrawn = 0;
        string? pruneSkipped = null;
        if (options.Prune)
        {
            if (rejected.Count > 0) pruneSkipped = "des lignes ont été rejetées : leurs lieux auraient été retirés à tort";
            else if (read == 0) pruneSkipped = "le fichier ne contient aucun lieu";
            else withdrawn = await ExecuteAsync(connection, tx, ImportSql.Prune, cancellationToken, origin.Source);
        }

        var loaded = read - rejected.Count;
        var unchanged = loaded - inserted - updated;
        await ExecuteAsync(connection, tx, ImportSql.FinishImport, cancellationToken,
            importId, inserted, updated, unchanged, rejected.Count, withdrawn);
        await tx.CommitAsync(cancellationToken);
        return new ImportReport
        {
            ImportId = importId, Source = origin.Source, Read = read, Inserted = inserted, Updated = updated,
            Unchanged = unchanged, Withdrawn = withdrawn, Rejected = rejected, Warnings = warnings,
            PruneSkippedBecause = pruneSkipped,
        };
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, long line, LieuRecord r, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(line, NpgsqlDbType.Bigint, ct);
        await WriteNullableAsync(copy, r.Source, ct);
        await copy.WriteAsync(r.SourceId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Nom, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Adresse, ct);
        await WriteNullableAsync(copy, r.CodePostal, ct);
        await WriteNullableAsync(copy, r.CodeInsee, ct);
        await WriteNullableAsync(copy, r.Commune, ct);
        await WriteNullableAsync(copy, r.Departement, ct);
        await WriteNullableAsync(copy, r.Longitude, ct);
        await WriteNullableAsync(copy, r.Latitude, ct);
        await WriteNullableAsync(copy, r.SiteWeb, ct);
        await WriteNullableAsync(copy, r.Telephone, ct);
        await WriteNullableAsync(copy, r.Horaires, ct);
        await WriteNullableAsync(copy, r.Typologie, ct);
        await copy.WriteAsync(r.Labels.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Description, ct);
        if (r.DateMaj is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(RowHash(r), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Services.Select(s => s.Slug).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Services.Select(s => s.LibelleSource).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, double? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Double, ct) : copy.WriteNullAsync(ct);

    /// <summary>A digest of everything the record says, services included: equal digests, nothing to update.</summary>
    private static string RowHash(LieuRecord r) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(r)));

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, object[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return cmd;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task<NpgsqlDataReader> ReaderAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
    }

    private static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }
}

/// <summary>Where an import comes from: source key, format, file or URL, and the SHA-256 of its bytes.</summary>
public sealed record ImportOrigin(string Source, string Format, string Origin, string Sha256);
