using System.Security.Cryptography;
using Npgsql;

namespace OpenFabriques.Tests;

/// <summary>
/// The template of the test databases: migrated by the portal itself and loaded with its reference data
/// (services, 101 départements, 35,000 communes), with no place. Made once for a build of the portal and its
/// data files (its name carries their fingerprint), by the first fixture that needs it, under an advisory lock
/// (test assemblies may run side by side); every fixture then gets a copy (CREATE DATABASE … TEMPLATE)
/// instead of loading the communes again.
/// </summary>
public static class DatabaseTemplate
{
    private const string Prefix = "openfabriques_modele_";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? name;

    public static async Task<string> NameAsync(string serverConnectionString)
    {
        await Gate.WaitAsync();
        try
        {
            if (name is not null) return name;
            var wanted = Prefix + Fingerprint();
            await using var conn = new NpgsqlConnection(serverConnectionString);
            await conn.OpenAsync();
            await ExecuteAsync(conn, "SELECT pg_advisory_lock(20261202)");
            try
            {
                if (!await ExistsAsync(conn, wanted)) await BuildAsync(conn, serverConnectionString, wanted);
            }
            finally
            {
                await ExecuteAsync(conn, "SELECT pg_advisory_unlock(20261202)");
            }
            return name = wanted;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildAsync(NpgsqlConnection conn, string server, string wanted)
    {
        // Templates of earlier builds go: one is enough.
        var stale = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", conn) { Parameters = { new() { Value = Prefix + "%" } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stale.Add(reader.GetString(0));
        foreach (var old in stale) await ExecuteAsync(conn, $"DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)");

        var building = wanted + "_en_cours";
        await ExecuteAsync(conn, $"CREATE DATABASE \"{building}\"");
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = building }.ConnectionString;
        await using (var factory = new PortalFactory(cs))
        {
            factory.Settings["OpenFabriques:DefaultSources"] = "";
            factory.Settings["OpenFabriques:DistancesInterval"] = "01:00:00";
            factory.CreateClient().Dispose(); // starts the portal, which migrates and loads the reference data
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(conn, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{building}'");
        await ExecuteAsync(conn, $"ALTER DATABASE \"{building}\" RENAME TO \"{wanted}\"");
    }

    /// <summary>A hash of the portal's assembly (its migrations and loaders) and of its data files.</summary>
    private static string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(typeof(Program).Assembly.Location));
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetRelativePath(data, file)} {new FileInfo(file).Length} {File.GetLastWriteTimeUtc(file).Ticks}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection conn, string database)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
        return await cmd.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
