using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Departements;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Sources;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Startup;

/// <summary>
/// Brings a database to a usable state: migrations, the service taxonomy, the départements,
/// and the default dataset when no place is stored yet. Every step is idempotent.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    LieuxLoader loader,
    SourceRegistry registry,
    IOptions<PortalOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken, bool loadDefaultDataset = true)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            await db.Database.MigrateAsync(cancellationToken);
        }
        // The pool learnt the database's types before the migrations could create PostGIS: relearn them, so that
        // NetTopologySuite geometries are written as parameters (the départements' outlines).
        await dataSource.ReloadTypesAsync(cancellationToken);
        await UpsertServicesAsync(cancellationToken);

        var o = options.Value;
        var loaded = await DepartementsLoader.LoadIfEmptyAsync(dataSource, o.DataPath("departements.geojson"), cancellationToken);
        if (loaded > 0) LogDepartements(logger, loaded);
        var communes = await Communes.CommunesLoader.LoadIfChangedAsync(dataSource, o.DataPath("communes.csv"), cancellationToken);
        if (communes > 0) LogCommunes(logger, communes);

        await Import.Grappes.ConstruireSiAbsentesAsync(dataSource, cancellationToken);
        if (loadDefaultDataset && DefaultSources(o.DefaultSources) is { Count: > 0 } sources && await IsEmptyAsync("lieux", cancellationToken))
        {
            foreach (var source in sources)
            {
                var path = source.Chemin;
                var report = await loader.ImportFileAsync(path, source.Lecture.Reader(), source.Cle, cancellationToken, new LoadOptions { DateDonnees = source.Jour });
                LogDefaultDataset(logger, source.Cle, report.Inserted, report.Updated, report.Rejected.Count, path);
            }
        }

    }

    /// <summary>The registered sources the setting names (« * »: all), in the registry's order.</summary>
    private List<Source> DefaultSources(string setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return [];
        if (setting.Trim() == "*") return [.. registry.All];
        var keys = setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var key in keys)
        {
            if (registry.Find(key) is null)
                throw new InvalidDataException($"DefaultSources : « {key} » n'est pas une source de sources.json ({string.Join(", ", registry.All.Select(s => s.Cle))})");
        }
        return registry.All.Where(s => keys.Contains(s.Cle, StringComparer.Ordinal)).ToList();
    }

    private async Task UpsertServicesAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var ordre = 0;
        foreach (var s in ServiceCatalog.All)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(StoreSql.UpsertService)
            {
                Parameters = { new() { Value = s.Slug }, new() { Value = s.Libelle }, new() { Value = s.Groupe }, new() { Value = ordre++ } },
            });
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> IsEmptyAsync(string table, CancellationToken cancellationToken)
    {
        var sql = table switch { "lieux" => StoreSql.AnyLieu, _ => throw new ArgumentOutOfRangeException(nameof(table)) };
        await using var cmd = dataSource.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync(cancellationToken) is null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} communes")]
    private static partial void LogCommunes(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} départements")]
    private static partial void LogDepartements(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default dataset, source {Source}: {Inserted} places added, {Updated} updated, {Rejected} rejected, from {Path}")]
    private static partial void LogDefaultDataset(ILogger logger, string source, int inserted, int updated, int rejected, string path);
}
