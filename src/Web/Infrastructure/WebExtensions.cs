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
        app.UseResponseCompression();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.MapStaticAssets();
        return app;
    }
}
