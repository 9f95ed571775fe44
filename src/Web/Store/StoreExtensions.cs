using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OpenFabriques.Web.Import;

namespace OpenFabriques.Web.Store;

public static class StoreExtensions
{
    public const string ConnectionStringName = "OpenFabriques";

    /// <summary>Options, the PostGIS data source, the EF Core context and the database initializer.</summary>
    public static IHostApplicationBuilder AddPortalStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section));

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddDbContext<PortalDb>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

        builder.Services.AddSingleton<LieuxLoader>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }
}
