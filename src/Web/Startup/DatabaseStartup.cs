using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Startup;

/// <summary>
/// Initializes the database when the app starts. If the database does not answer, the app still
/// starts (health says 503) and the initialization is retried until it succeeds.
/// </summary>
public sealed partial class DatabaseStartup(
    DatabaseInitializer initializer,
    IOptions<PortalOptions> options,
    ILogger<DatabaseStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? retries;
    private int disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.InitializeDatabase) return;
        if (await TryInitializeAsync(cancellationToken)) return;
        retries = RetryAsync(stopping.Token);
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (await TryInitializeAsync(cancellationToken)) return;
            }
            catch (Exception e)
            {
                // Not an outage but a fault (a failing statement): say so and stop retrying; the app
                // keeps serving what it can and /healthz keeps telling whether the database answers.
                LogFailed(logger, e);
                return;
            }
        }
    }

    private async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await initializer.InitializeAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return true; // the app is stopping: nothing more to do
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            LogUnavailable(logger, e.Message);
            return false;
        }
    }

    /// <summary>
    /// The server cannot be reached, is starting or shutting down, or the database does not exist yet:
    /// worth retrying. Any other server error (a failing statement) is a fault and stops the app.
    /// </summary>
    private static bool IsUnavailable(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState is "57P01" or "57P02" or "57P03" or "3D000",
        Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may dispose its services before stopping them when its start-up was cut short.
        if (Volatile.Read(ref disposed) == 0) await stopping.CancelAsync();
        if (retries is not null) await retries;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        stopping.Cancel(); // ends the retry loop, if any, before the source goes away
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database initialization failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready, retrying in 5 s: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
