using Npgsql;

namespace OpenFabriques.Web.Communes;

/// <summary>Loads data/communes.csv into the communes table, once.</summary>
public static class CommunesLoader
{
    public static async Task<int> LoadIfEmptyAsync(NpgsqlDataSource dataSource, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var any = new NpgsqlCommand(CommunesSql.Any, connection, tx))
        {
            if (await any.ExecuteScalarAsync(ct) is not null) return 0;
        }
        await using (var create = new NpgsqlCommand(CommunesSql.CreateStaging, connection, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var writer = await connection.BeginTextImportAsync(CommunesSql.Copy, ct))
        using (var file = new StreamReader(path))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await file.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        int loaded;
        await using (var insert = new NpgsqlCommand(CommunesSql.Insert, connection, tx))
            loaded = await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return loaded;
    }
}
