using System.Text.Json;
using Npgsql;

namespace OpenFabriques.Web.Departements;

/// <summary>Loads data/departements.geojson into the départements table, once.</summary>
public static class DepartementsLoader
{
    /// <summary>Loads the file when the table is empty; returns how many départements were loaded.</summary>
    public static async Task<int> LoadIfEmptyAsync(NpgsqlDataSource dataSource, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var count = new NpgsqlCommand(DepartementsSql.Count, connection, tx))
        {
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0) return 0;
        }

        await using var file = File.OpenRead(path);
        using var doc = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        var loaded = 0;
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            await using var insert = new NpgsqlCommand(DepartementsSql.Insert, connection, tx)
            {
                Parameters =
                {
                    new() { Value = p.GetProperty("code").GetString() },
                    new() { Value = p.GetProperty("nom").GetString() },
                    new() { Value = p.GetProperty("region").GetString() },
                    new() { Value = p.GetProperty("region_nom").GetString() },
                    new() { Value = p.GetProperty("population").GetInt32() },
                    new() { Value = feature.GetProperty("geometry").GetRawText() },
                },
            };
            loaded += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return loaded;
    }
}
