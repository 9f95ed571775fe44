using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Sources;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Startup;

public static class StartupExtensions
{
    /// <summary>
    /// The store, the features whose services the portal and the command line share (import, coverage), and
    /// the initialization of the database at start-up. The top layer: it may use every feature, none uses it.
    /// </summary>
    public static IHostApplicationBuilder AddPortalServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPortalStore();
        builder.AddImport();
        builder.AddCouverture();
        builder.Services.AddSources();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }
}
