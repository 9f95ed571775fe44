using Npgsql;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Lieux;

public static class LieuxApi
{
    public static IEndpointRouteBuilder MapLieuxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Lieux");
        api.MapGet("/lieux.geojson", (NpgsqlDataSource db) => new GeoJsonFeatureCollectionResult(db, LieuxSql.MapFeatures))
            .WithName("LieuxGeoJson")
            .WithSummary("Les lieux localisés, en GeoJSON léger pour la carte (nom, commune, département, services).");
        return app;
    }
}
