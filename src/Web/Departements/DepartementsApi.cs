using Npgsql;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Departements;

public static class DepartementsApi
{
    public static IEndpointRouteBuilder MapDepartementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Départements");
        api.MapGet("/departements.geojson", (NpgsqlDataSource db) =>
                new GeoJsonFeatureCollectionResult(db, DepartementsSql.FeaturesWithCounts))
            .WithName("DepartementsGeoJson")
            .WithSummary("Les 101 départements (polygones) avec leur population et leur nombre de lieux.");
        return app;
    }
}
