using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Couverture;

/// <summary>
/// Keeps the distance coverage in step when no import did it: at start-up on a database whose distances
/// are missing or older than the places (a new communes file, an import stopped after its commit), then
/// periodically. It works in the background: the portal serves meanwhile, and says the figures'
/// date. Imports compute the distances themselves when they change the places. The interval is
/// <see cref="PortalOptions.DistancesInterval"/> (30 s).
/// </summary>
public sealed partial class DistancesWorker(CouvertureDistances distances, IOptions<PortalOptions> options, ILogger<DistancesWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.InitializeDatabase) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await distances.RecalculerAsync(stoppingToken, siPerime: true) is { } calcul)
                    LogComputed(logger, calcul.Communes, calcul.Services, calcul.Duree.TotalSeconds);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is not there yet, or not migrated yet: the next round tries again.
                LogFailed(logger, e.Message);
            }
            try
            {
                await Task.Delay(options.Value.DistancesInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed the distances to the places: {Communes} communes, {Services} services, {Seconds:0.0} s")]
    private static partial void LogComputed(ILogger logger, int communes, int services, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Distances to the places not computed this round: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
