namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// What is refused before any endpoint runs, the same way everywhere: a URL longer than
/// <see cref="MaxUrlLength"/> (414), and control characters in the path or the query string (400 naming the
/// parameter: no parameter of the portal takes one, and PostgreSQL refuses NUL in text). HEAD is served as
/// GET: Kestrel sends the same status and headers without the body, and the exports skip their query.
/// </summary>
public static class RequestGuard
{
    /// <summary>The longest URL (path and query) the portal reads; Kestrel's own limit is set above it so that this answer is ours.</summary>
    public const int MaxUrlLength = 8192;

    private sealed record HeadRequest;

    /// <summary>Whether this request came as HEAD (it is routed as GET): its body will not be sent.</summary>
    public static bool IsHead(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<HeadRequest>() is not null;
    }

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(GuardAsync);

    private static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        if (path.Length + query.Length > MaxUrlLength)
            return Erreurs.RefuseAsync(context, StatusCodes.Status414UriTooLong, null, Erreurs.DefaultMessage(StatusCodes.Status414UriTooLong));
        if (HasControl(path))
            return Erreurs.RefuseAsync(context, StatusCodes.Status400BadRequest, null, "L'adresse contient un caractère de contrôle.");
        foreach (var (name, values) in request.Query)
        {
            if (HasControl(name) || values.Any(HasControl))
                return Erreurs.RefuseAsync(context, StatusCodes.Status400BadRequest, Printable(name),
                    "la valeur contient un caractère de contrôle (octet nul, tabulation, retour à la ligne…), qu'aucun paramètre n'accepte");
        }
        if (HttpMethods.IsHead(request.Method))
        {
            context.Features.Set(new HeadRequest());
            request.Method = HttpMethods.Get;
        }
        return next(context);
    }

    private static bool HasControl(string? text) => text is not null && text.Any(char.IsControl);

    /// <summary>A parameter name as it can be shown: control characters written as U+XXXX.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
}
