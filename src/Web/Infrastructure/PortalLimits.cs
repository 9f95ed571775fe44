using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// Bounds that keep the portal answering under a crowd: exports (which hold a database connection while
/// they stream) and the other database-backed requests each have their own number of turns and a bounded
/// queue, so that downloads can never take the connections that pages need; beyond the queue the answer is
/// a 503 with Retry-After, never a time-out or a 500. Static files, the health probe and error pages are
/// not counted. Kestrel reads URLs a little longer than the portal accepts, so that the 414 is the portal's.
/// </summary>
public static class PortalLimits
{
    private const string Exports = "exports";
    private const string Requetes = "requetes";

    public static WebApplicationBuilder AddPortalLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 4 * RequestGuard.MaxUrlLength);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var kind = Kind(http);
                if (kind is null) return RateLimitPartition.GetNoLimiter("");
                var options = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter(kind, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = kind == Exports ? options.MaxConcurrentExports : options.MaxConcurrentRequests,
                    QueueLimit = kind == Exports ? options.ExportQueue : options.RequestQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
        return builder;
    }

    /// <summary>
    /// Which bound a request counts against; null for what holds no database connection while it streams. A HEAD on
    /// an export runs no export query (only the dataset version for its headers), so it never waits for a download's turn.
    /// </summary>
    private static string? Kind(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/exports", out var rest))
            return rest.Value is "/schema.json" || http.IsHead() ? null : Exports;
        if (path.StartsWithSegments("/healthz") || path.StartsWithSegments(Erreurs.Page) || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/favicon.svg")
            || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api-docs"))
            return null;
        return Requetes;
    }
}
