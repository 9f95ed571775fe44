using Npgsql;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Health;

public static class HealthApi
{
    private const string Probe = "SELECT 1";

    /// <summary>
    /// <c>/healthz</c>: 200 « ok » when the database answers and the portal's pool has a connection to give;
    /// 200 « occupé » when the database answers but every connection of the pool is in use (the portal queues
    /// or turns requests away with 503 meanwhile); 503 « indisponible » when the database does not answer.
    /// The probe has its own connections, so that a busy pool never passes for a database that is down.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<IResult> (NpgsqlDataSource db, [FromKeyedServices(StoreExtensions.HealthDataSource)] NpgsqlDataSource probe, CancellationToken ct) =>
            {
                try
                {
                    await using var cmd = probe.CreateCommand(Probe);
                    await cmd.ExecuteScalarAsync(ct);
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
                {
                    // Pooled connections may be dead after an outage: start afresh on the next request.
                    probe.Clear();
                    db.Clear();
                    return TypedResults.Json(new HealthStatus("indisponible", "la base de données ne répond pas"),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                try
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(TimeSpan.FromSeconds(1));
                    await using var connection = await db.OpenConnectionAsync(wait.Token);
                    return TypedResults.Ok(new HealthStatus("ok", "la base de données répond"));
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
                {
                    return TypedResults.Ok(new HealthStatus("occupé", "la base de données répond ; toutes les connexions du portail sont occupées"));
                }
            })
            .WithTags("Santé")
            .WithSummary("État du portail : 200 si la base de données répond (« ok », ou « occupé » quand toutes les connexions du portail servent), 503 sinon.");
        return app;
    }

    public sealed record HealthStatus(string Status, string Database);
}
