using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// One way to answer an error, whoever raised it (a bad parameter, an unknown path, a refused method, a
/// database that does not answer, a request turned away under load): problem+json (RFC 9457) for API
/// clients, the site's HTML page <c>/erreur/{code}</c> with its navigation for browsers.
/// </summary>
public static class Erreurs
{
    /// <summary>The page that renders an error for browsers.</summary>
    public const string Page = "/erreur";

    /// <summary>Seconds a client should wait before trying again after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>What a guard found wrong, for the error page: the parameter at fault and why.</summary>
    public sealed record Detail(string? Parameter, string Message);

    private static readonly string[] ApiPrefixes = ["/api/", "/exports/", "/ogc", "/healthz", "/openapi/"];

    /// <summary>
    /// Whether the client wants problem+json rather than a page: the API, export and OGC paths (and the
    /// SVG card), or a client that asks for JSON and not HTML.
    /// </summary>
    public static bool WantsProblem(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? "";
        if (ApiPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase) || path.Equals(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && path.StartsWith(WebExtensions.Integrer, StringComparison.Ordinal))
            return true;
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether an exception means "the database cannot serve now" (down, restarting, out of connections, a
    /// pool exhausted, a query cancelled by its time-out) rather than a defect: a 503 with Retry-After.
    /// </summary>
    public static bool IsUnavailable(Exception? e) => e switch
    {
        null => false,
        PostgresException p => p.SqlState is "53300" or "53400" or "57P01" or "57P02" or "57P03" or "57014" or "08000" or "08003" or "08006",
        NpgsqlException { IsTransient: true } => true,
        TimeoutException or SocketException => true,
        _ => IsUnavailable(e.InnerException),
    };

    /// <summary>French title of a status, for both forms of answer.</summary>
    public static string Title(int status) => status switch
    {
        400 => "Requête invalide",
        404 => "Page introuvable",
        405 => "Méthode non permise",
        414 => "Adresse trop longue",
        429 or 503 => "Service momentanément indisponible",
        >= 500 => "Erreur du serveur",
        _ => "Requête refusée",
    };

    /// <summary>Refuses a request with <paramref name="status"/>, naming the parameter at fault.</summary>
    public static Task RefuseAsync(HttpContext context, int status, string? parameter, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(new Detail(parameter, message));
        context.Response.StatusCode = status;
        return RespondAsync(context);
    }

    /// <summary>
    /// Writes the body of an error whose status is already set: problem+json, or the HTML page rendered by
    /// running the pipeline again on <c>/erreur/{code}</c> as a GET (a POST or a HEAD that failed still gets
    /// a page, or its headers).
    /// </summary>
    public static async Task RespondAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted) return;
        var status = response.StatusCode;
        if (status == StatusCodes.Status503ServiceUnavailable) response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A failure while rendering the error page itself gets the plain answer: no second round.
        if (WantsProblem(context.Request) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await Problem(context, status).ExecuteAsync(context);
            return;
        }

        var request = context.Request;
        var (path, query, method) = (request.Path, request.QueryString, request.Method);
        var endpoint = context.GetEndpoint();
        context.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = path.Value ?? "",
            OriginalPathBase = request.PathBase.Value ?? "",
            OriginalQueryString = query.HasValue ? query.Value : null,
            OriginalStatusCode = status,
            Endpoint = endpoint,
        });
        context.SetEndpoint(null);
        context.Features.Get<IRouteValuesFeature>()?.RouteValues.Clear();
        request.Path = $"{Page}/{status}";
        request.QueryString = QueryString.Empty;
        if (!HttpMethods.IsHead(method)) request.Method = HttpMethods.Get;
        try
        {
            await Next(context)(context);
        }
        finally
        {
            request.Path = path;
            request.QueryString = query;
            request.Method = method;
            context.SetEndpoint(endpoint);
        }
    }

    /// <summary>The problem+json answer of <paramref name="status"/>, with the parameter at fault if a guard named one.</summary>
    public static IResult Problem(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detail = context.Features.Get<Detail>();
        var extensions = new Dictionary<string, object?>();
        if (detail?.Parameter is { } parameter) extensions["parameter"] = parameter;
        if (status == StatusCodes.Status503ServiceUnavailable) extensions["retry_after"] = RetryAfterSeconds;
        return TypedResults.Problem(
            title: detail?.Parameter is { } p ? $"Paramètre « {p} » invalide" : Title(status),
            detail: detail?.Message ?? DefaultMessage(status),
            statusCode: status,
            extensions: extensions);
    }

    /// <summary>What the portal says of a status when nothing more precise is known.</summary>
    public static string DefaultMessage(int status) => status switch
    {
        404 => "Cette adresse ne correspond à aucune page ni à aucune donnée du portail.",
        405 => "Cette adresse ne s'obtient qu'avec GET ou HEAD.",
        414 => $"L'adresse dépasse {RequestGuard.MaxUrlLength} caractères.",
        503 => $"La base de données ne répond pas ou le portail est trop sollicité ; réessayez dans {RetryAfterSeconds} secondes.",
        >= 500 => "Une erreur inattendue est survenue ; elle a été consignée.",
        _ => "La requête n'a pas pu être traitée.",
    };

    /// <summary>
    /// Errors answered the portal's way: exceptions (503 when the database cannot serve, 500 otherwise) and
    /// every 4xx/5xx without a body, including those of routing (404, 405) and of the rate limiter.
    /// </summary>
    public static WebApplication UseErreurs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            ExceptionHandler = RespondAsync,
        });
        app.UseStatusCodePages(context => RespondAsync(context.HttpContext));
        app.Use((context, next) =>
        {
            context.Items[NextKey] = next;
            return next(context);
        });
        return app;
    }

    private const string NextKey = "erreurs.suite";

    /// <summary>The rest of the pipeline after the error handlers (guard, routing, endpoints), to render the error page through it.</summary>
    private static RequestDelegate Next(HttpContext context) => (RequestDelegate)context.Items[NextKey]!;

    private sealed class StatusCodeReExecuteFeature : IStatusCodeReExecuteFeature
    {
        public string OriginalPathBase { get; set; } = "";
        public string OriginalPath { get; set; } = "";
        public string? OriginalQueryString { get; set; }
        public int OriginalStatusCode { get; set; }
        public Endpoint? Endpoint { get; set; }
        public RouteValueDictionary? RouteValues { get; set; }
    }
}

/// <summary>A page's refusal of a bad parameter: the error page (or problem+json) that names it.</summary>
public sealed class RefusResult(string parameter, string message) : Microsoft.AspNetCore.Mvc.IActionResult
{
    public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The status alone: the error handlers write the answer, as for any other 400 without a body.
        context.HttpContext.Features.Set(new Erreurs.Detail(parameter, message));
        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
