using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OpenFabriques.Web.Store;

public static class StoreExtensions
{
    /// <summary>EF Core on PostGIS: NetTopologySuite types, snake_case names.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(dataSource, o => o.UseNetTopologySuite()).UseSnakeCaseNamingConvention()
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository, HistoryRepository>();
    }

    public const string ConnectionStringName = "OpenFabriques";

    /// <summary>Key of the data source the health probe uses, apart from the portal's pool.</summary>
    public const string HealthDataSource = "sante";

    /// <summary>Options, the PostGIS data sources and the EF Core context: the bottom layer, which knows no feature.</summary>
    public static IHostApplicationBuilder AddPortalStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section));

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        builder.Services.AddSingleton(_ =>
        {
            var source = new NpgsqlDataSourceBuilder(connectionString);
            // PostgreSQL's JIT compiles large queries before their first row: 200-300 ms of latency on a
            // streamed export for no gain on the portal's queries.
            if (source.ConnectionStringBuilder.Options is not { } options || !options.Contains("jit", StringComparison.Ordinal))
                source.ConnectionStringBuilder.Options = $"{source.ConnectionStringBuilder.Options} -c jit=off".Trim();
            source.UseNetTopologySuite();
            return source.Build();
        });
        // The health probe's own two connections: a pool that pages have exhausted does not look like a database that is down.
        builder.Services.AddKeyedSingleton(HealthDataSource, (_, _) =>
        {
            var source = new NpgsqlDataSourceBuilder(connectionString);
            source.ConnectionStringBuilder.MaxPoolSize = 2;
            source.ConnectionStringBuilder.Timeout = 3;
            source.ConnectionStringBuilder.CommandTimeout = 3;
            return source.Build();
        });
        builder.Services.AddDbContext<PortalDb>((sp, options) => Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        return builder;
    }
}
