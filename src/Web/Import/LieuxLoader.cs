using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Web.Import;

/// <summary>
/// Loads canonical records into the lieux table: binary COPY into staging tables, then a set-based
/// upsert by (source, source_id), all in one transaction. A failed or interrupted load leaves the
/// stored data exactly as it was; loading the same data twice changes nothing.
/// </summary>
public sealed class LieuxLoader(NpgsqlDataSource dataSource)
{
    /// <summary>Reads a file with <paramref name="reader"/> and loads it under <paramref name="source"/>.</summary>
    public async Task<ImportReport> ImportFileAsync(string path, ILieuReader reader, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string sha256;
        await using (var hashing = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashing, cancellationToken));
        }
        await using var stream = File.OpenRead(path);
        return await LoadAsync(new ImportOrigin(source, reader.Format, path, sha256), reader.ReadAsync(stream, cancellationToken), cancellationToken);
    }

    /// <summary>Loads <paramref name="items"/>; rejected rows are reported, accepted ones stored.</summary>
    public async Task<ImportReport> LoadAsync(ImportOrigin origin, IAsyncEnumerable<ReadItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        long importId;
        await using (var start = new NpgsqlCommand(ImportSql.StartImport, connection, tx)
        {
            Parameters = { new() { Value = origin.Source }, new() { Value = origin.Format }, new() { Value = origin.Origin }, new() { Value = origin.Sha256 } },
        })
        {
            importId = (long)(await start.ExecuteScalarAsync(cancellationToken))!;
        }
        await Execute(connection, tx, ImportSql.CreateStaging, cancellationToken);

        var rejected = new List<RowError>();
        var services = new List<(string SourceId, string Slug, string Libelle)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var staged = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(ImportSql.CopyLieux, cancellationToken))
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                if (item.Error is { } error)
                {
                    rejected.Add(error);
                    continue;
                }
                var r = item.Record!;
                if (!seen.Add(r.SourceId))
                {
                    rejected.Add(new RowError(staged + rejected.Count + 1, "id", $"identifiant « {r.SourceId} » déjà lu plus haut dans le fichier"));
                    continue;
                }
                staged++;
                await WriteRowAsync(copy, staged + rejected.Count, r, cancellationToken);
                foreach (var g in r.Services.GroupBy(s => s.Slug))
                    services.Add((r.SourceId, g.Key, string.Join(" ; ", g.Select(s => s.LibelleSource).Distinct())));
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(ImportSql.CopyServices, cancellationToken))
        {
            foreach (var (sourceId, slug, libelle) in services)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(sourceId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(slug, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(libelle, NpgsqlDbType.Text, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        await Execute(connection, tx, ImportSql.AssignDepartements, cancellationToken);
        int inserted, updated;
        await using (var upsert = new NpgsqlCommand(ImportSql.Upsert, connection, tx)
        {
            Parameters = { new() { Value = origin.Source }, new() { Value = importId } },
        })
        await using (var counts = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            await counts.ReadAsync(cancellationToken);
            (inserted, updated) = (counts.GetInt32(0), counts.GetInt32(1));
        }
        await using (var delete = new NpgsqlCommand(ImportSql.DeleteServices, connection, tx) { Parameters = { new() { Value = importId } } })
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = new NpgsqlCommand(ImportSql.InsertServices, connection, tx)
        {
            Parameters = { new() { Value = importId }, new() { Value = origin.Source } },
        })
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var unchanged = staged - inserted - updated;
        await using (var finish = new NpgsqlCommand(ImportSql.FinishImport, connection, tx)
        {
            Parameters =
            {
                new() { Value = importId }, new() { Value = inserted }, new() { Value = updated },
                new() { Value = unchanged }, new() { Value = rejected.Count },
            },
        })
        {
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return new ImportReport(importId, origin.Source, inserted, updated, unchanged, rejected);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, long line, LieuRecord r, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(line, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(r.SourceId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Nom, NpgsqlDbType.Text, ct);
        foreach (var text in new[] { r.Adresse, r.CodePostal, r.CodeInsee, r.Commune, r.Departement })
            await WriteNullableAsync(copy, text, ct);
        await WriteNullableAsync(copy, r.Longitude, ct);
        await WriteNullableAsync(copy, r.Latitude, ct);
        foreach (var text in new[] { r.SiteWeb, r.Telephone, r.Horaires, r.Typologie })
            await WriteNullableAsync(copy, text, ct);
        await copy.WriteAsync(r.Labels.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Description, ct);
        if (r.DateMaj is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(RowHash(r), NpgsqlDbType.Text, ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, double? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Double, ct) : copy.WriteNullAsync(ct);

    /// <summary>A digest of everything the record says, services included: equal digests, nothing to update.</summary>
    private static string RowHash(LieuRecord r) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(r)));

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Where an import comes from: source key, format, file or URL, and the SHA-256 of its bytes.</summary>
public sealed record ImportOrigin(string Source, string Format, string Origin, string Sha256);
