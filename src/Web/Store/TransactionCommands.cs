using Npgsql;

namespace OpenFabriques.Web.Store;

/// <summary>
/// The one way the loaders and the distance computation run SQL inside their transaction. A parameter is an
/// <see cref="NpgsqlParameter"/> (named, typed) or a plain value (positional, <c>$1</c>…, typed by Npgsql).
/// No time-out: these run as long as their data needs, and end with their transaction.
/// </summary>
public static class TransactionCommands
{
    public static NpgsqlCommand Command(this NpgsqlTransaction tx, string sql, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(parameters);
        var cmd = new NpgsqlCommand(sql, tx.Connection, tx) { CommandTimeout = 0 };
        foreach (var p in parameters) cmd.Parameters.Add(p as NpgsqlParameter ?? new NpgsqlParameter { Value = p });
        return cmd;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = tx.Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(this NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = tx.Command(sql, parameters);
        return await cmd.ExecuteScalarAsync(ct);
    }

    /// <summary>A reader the caller disposes (its command goes with it).</summary>
    public static async Task<NpgsqlDataReader> ReaderAsync(this NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] parameters)
    {
        var cmd = tx.Command(sql, parameters);
        return await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
    }

    /// <summary>Each row of a query, the reader positioned on it.</summary>
    public static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(this NpgsqlTransaction tx, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, params object[] parameters)
    {
        await using var cmd = tx.Command(sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }
}
