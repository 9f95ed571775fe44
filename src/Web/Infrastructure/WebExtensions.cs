using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Infrastructure;

public static class WebExtensions
{
    /// <summary>CORS policy of the open data: any origin may GET.</summary>
    public const string OpenDataCors = "donnees-ouvertes";

    /// <summary>Razor Pages, compression of text responses (HTML, JSON, GeoJSON, CSV), problem details, load limits.</summary>
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // One folder per feature: a feature's pages sit beside its API and SQL (Carte/, Lieux/, Departements/…),
        // so the pages' root is the project's; every page names its route with @page.
        builder.Services.AddRazorPages(o => o.RootDirectory = "/");
        builder.Services.AddProblemDetails();
        builder.Services.AddCors(o => o.AddPolicy(OpenDataCors, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").WithExposedHeaders("Content-Disposition", "ETag")));
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "text/csv", "application/problem+json"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        builder.AddPortalLimits();
        return builder;
    }

    /// <summary>
    /// The pipeline: security headers, compression, errors answered the portal's way, the request guard,
    /// routing, CORS, the load limits, then static assets and endpoints.
    /// </summary>
    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var csp = app.Services.GetRequiredService<ContentSecurityPolicy>();
        app.Use((context, next) => SecurityHeaders(context, next, csp));
        app.UseResponseCompression();
        app.UseErreurs();
        app.UseRequestGuard();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>
    /// The portal's public address for the absolute links that leave the site (OGC links, receipts, JSON-LD,
    /// e-mails, the embeddable cards and their snippets): <c>OpenFabriques:PublicUrl</c> when set, so that a
    /// forged Host header never reaches them; else the scheme and host this request came with.
    /// </summary>
    public static string Origine(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = request.HttpContext.RequestServices.GetService<IOptions<PortalOptions>>()?.Value.PublicUrl;
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
    }

    /// <summary>The path of the embeddable cards: the only pages other sites may frame.</summary>
    public const string Integrer = "/integrer";

    /// <summary>
    /// A Content-Security-Policy that runs no inline script, no content sniffing, no full URL in the Referer
    /// sent to other sites, and no framing by another site (clickjacking) except for the embeddable cards,
    /// made for that.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next, ContentSecurityPolicy csp)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var integrable = context.Request.Path.StartsWithSegments(Integrer, StringComparison.Ordinal);
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.ContentSecurityPolicy = csp.For(integrable, ImportMapScript.For(context)?.Hash);
            if (!integrable) h.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
