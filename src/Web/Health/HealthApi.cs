using Npgsql;

namespace OpenFabriques.Web.Health;

public static class HealthApi
{
    private const string Probe = "SELECT 1";

    /// <summary><c>/healthz</c>: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<IResult> (NpgsqlDataSource db, CancellationToken ct) =>
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(3));
                    await using var cmd = db.CreateCommand(Probe);
                    await cmd.ExecuteScalarAsync(timeout.Token);
                    return TypedResults.Ok(new HealthStatus("ok", "la base de données répond"));
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
                {
                    // Pooled connections may be dead after an outage: start afresh on the next request.
                    db.Clear();
                    return TypedResults.Json(new HealthStatus("indisponible", "la base de données ne répond pas"),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithTags("Santé")
            .WithSummary("État du portail : 200 si la base de données répond, 503 sinon.");
        return app;
    }

    public sealed record HealthStatus(string Status, string Database);
}
