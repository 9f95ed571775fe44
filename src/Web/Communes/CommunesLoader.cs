using Npgsql;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Communes;

/// <summary>
/// Loads data/communes.csv into the communes table: the first time, and again whenever the file changes
/// (its SHA-256 is kept), replacing the rows in one transaction.
/// </summary>
public static class CommunesLoader
{
    private const string Fichier = "communes.csv";

    /// <summary>The number of communes loaded; 0 when the table already holds this file.</summary>
    public static async Task<int> LoadIfChangedAsync(NpgsqlDataSource dataSource, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var sha256 = await LieuxLoader.Sha256Async(path, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCmd = tx.Command(CommunesSql.Lock))
            await lockCmd.ExecuteNonQueryAsync(ct);
        await using (var known = tx.Command(CommunesSql.Known))
        {
            known.Parameters.Add(new NpgsqlParameter { Value = Fichier });
            known.Parameters.Add(new NpgsqlParameter { Value = sha256 });
            if (await known.ExecuteScalarAsync(ct) is not null) return 0;
        }
        await using (var create = tx.Command(CommunesSql.CreateStaging))
            await create.ExecuteNonQueryAsync(ct);
        await using (var writer = await connection.BeginTextImportAsync(CommunesSql.Copy, ct))
        using (var file = new StreamReader(path))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await file.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        await using (var delete = tx.Command(CommunesSql.DeleteAll))
            await delete.ExecuteNonQueryAsync(ct);
        int loaded;
        await using (var insert = tx.Command(CommunesSql.Insert))
            loaded = await insert.ExecuteNonQueryAsync(ct);
        await using (var record = tx.Command(CommunesSql.Record))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = Fichier });
            record.Parameters.Add(new NpgsqlParameter { Value = sha256 });
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return loaded;
    }
}
