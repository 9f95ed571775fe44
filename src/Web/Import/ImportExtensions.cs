namespace OpenFabriques.Web.Import;

public static class ImportExtensions
{
    /// <summary>The loader of source files into the places tables.</summary>
    public static IHostApplicationBuilder AddImport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<LieuxLoader>();
        return builder;
    }
}
