using Npgsql;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Lieux;

public static class LieuxApi
{
    public static IEndpointRouteBuilder MapLieuxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Lieux");
        api.MapGet("/lieux.geojson", IResult (HttpRequest request, NpgsqlDataSource db) =>
            {
                var parsed = LieuFilter.Parse(request.Query);
                if (parsed.Filter is not { } filter) return parsed.Problem();
                var (where, parameters) = filter.ToSql();
                return new GeoJsonFeatureCollectionResult(db, LieuFilter.Into(LieuxSql.MapFeatures, where), parameters);
            })
            .WithName("LieuxGeoJson")
            .WithSummary("Les lieux localisés, en GeoJSON léger pour la carte (nom, commune, département, services).")
            .WithQueryParameters(QueryParameter.Filters);
        return app;
    }
}
