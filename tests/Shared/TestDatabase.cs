using Npgsql;

namespace OpenFabriques.Tests;

/// <summary>
/// A fresh database on the test PostGIS server (OPENFABRIQUES_TEST_PG, set by scripts/test.sh),
/// created for one fixture and dropped after it: a copy of the template (<see cref="DatabaseTemplate"/>, today's
/// schema and reference data, no place), or an empty database for the tests of initialization itself.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";

    private TestDatabase(string serverConnectionString, string name)
    {
        ServerConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string ServerConnectionString { get; }
    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A name for a database that does not exist yet; <see cref="CreateAsync"/> makes it.</summary>
    public static TestDatabase Reserve()
    {
        var server = Environment.GetEnvironmentVariable("OPENFABRIQUES_TEST_PG") is { Length: > 0 } s ? s : DefaultServer;
        return new TestDatabase(server, $"openfabriques_test_{Guid.NewGuid():N}");
    }

    /// <summary>A database migrated and holding the reference data (départements, communes, services), no place.</summary>
    public static async Task<TestDatabase> NewAsync()
    {
        var db = Reserve();
        await db.CreateAsync(await DatabaseTemplate.NameAsync(db.ServerConnectionString));
        return db;
    }

    /// <summary>An empty database, for the tests of what the portal does with one.</summary>
    public static async Task<TestDatabase> NewEmptyAsync()
    {
        var db = Reserve();
        await db.CreateAsync();
        return db;
    }

    public async Task CreateAsync(string? template = null)
    {
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        // Identifiers cannot be parameters; these are generated here from a GUID and a hash.
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}", conn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == "55006" && attempt < 20) // another copy of the template under way
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
