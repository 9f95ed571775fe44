using Npgsql;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Departements;

public static class DepartementsApi
{
    public static IEndpointRouteBuilder MapDepartementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Départements");
        api.MapGet("/departements.geojson", IResult (HttpRequest request, NpgsqlDataSource db) =>
            {
                var carte = request.Query["carte"].ToString();
                if (carte is not ("" or "0" or "1")) return ParameterProblem.For("carte", "1 pour des contours simplifiés (carte d'ensemble), 0 ou absent sinon");
                return new GeoJsonFeatureCollectionResult(db, DepartementsSql.FeaturesWithCounts,
                    p => p.Add(new NpgsqlParameter("carte", NpgsqlTypes.NpgsqlDbType.Boolean) { Value = carte == "1" }));
            })
            .WithName("DepartementsGeoJson")
            .WithSummary("Les 101 départements (polygones) avec leur population et leur nombre de lieux.")
            .WithQueryParameters(new QueryParameter("carte", "1 pour des contours simplifiés (environ 500 m) et arrondis, plus légers pour une carte d'ensemble."));
        return app;
    }
}
