using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace OpenFabriques.Web.Infrastructure;

public static class WebExtensions
{
    /// <summary>CORS policy of the open data: any origin may GET.</summary>
    public const string OpenDataCors = "donnees-ouvertes";

    /// <summary>Razor Pages, compression of text responses (HTML, JSON, GeoJSON, CSV), problem details.</summary>
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages();
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
        return builder;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders);
        app.UseResponseCompression();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>
    /// The portal's address as this request reached it (scheme and host), for the absolute links that leave
    /// the site: JSON-LD, e-mails, the embeddable cards and their snippets.
    /// </summary>
    public static string Origine(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}";
    }

    /// <summary>The path of the embeddable cards: the only pages other sites may frame.</summary>
    public const string Integrer = "/integrer";

    /// <summary>
    /// No content sniffing, no full URL in the Referer sent to other sites, and no framing by another site
    /// (clickjacking) except for the embeddable cards, made for that.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var integrable = context.Request.Path.StartsWithSegments(Integrer, StringComparison.Ordinal);
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (integrable) h.ContentSecurityPolicy = "frame-ancestors *";
            else
            {
                h.ContentSecurityPolicy = "frame-ancestors 'self'";
                h.XFrameOptions = "SAMEORIGIN";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
