using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Exports;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;

namespace OpenFabriques.Web.Carte;

/// <summary>
/// <c>/api/carte/grappes</c>: what the map shows of a view — the filtered places of the cells of the screen that the
/// view covers, grouped by cell at its zoom, every place on its own from <see cref="ZoomLieux"/> on. Its size follows
/// the screen, not the number of places; a cluster's count is the number of places it stands for, so the counts of a
/// view add up to the places of its cells. Without filters, up to <see cref="Grappes.ZoomMax"/>, the cells are read from
/// <c>grappes</c>, rebuilt by each import (<see cref="Grappes.ReconstruireAsync"/>); otherwise they are computed from
/// the places of the cells' box.
/// </summary>
public static class CarteApi
{
    /// <summary>The side of a cell, in pixels of the map.</summary>
    public const int CellulePx = Grappes.CellulePx;

    /// <summary>From this zoom on (a few streets across), every place is shown on its own.</summary>
    public const int ZoomLieux = 14;

    /// <summary>Web Mercator stops short of the poles.</summary>
    private const double LatMax = 85.0511;

    public static IEndpointRouteBuilder MapCarteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Carte");
        api.MapGet("/carte/grappes", async Task<IResult> (HttpRequest request, NpgsqlDataSource db, CancellationToken ct) =>
            {
                if (request.Query["zoom"].Count != 1
                    || !int.TryParse(request.Query["zoom"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var zoom) || zoom > 22)
                    return ParameterProblem.For("zoom", "attendu : un entier de 0 à 22, le niveau de zoom de la carte");
                var parsed = LieuFilter.Parse(request.Query);
                if (parsed.Filter is not { } filter) return parsed.Problem();
                if (filter.Bbox is not { } b) return ParameterProblem.For("bbox", "obligatoire : la vue de la carte, minLon,minLat,maxLon,maxLat");
                if (b.MinLon > b.MaxLon) return ParameterProblem.For("bbox", "la carte ne demande pas de vue à cheval sur l'antiméridien");

                var version = await DatasetVersion.ReadAsync(db, ct);
                if (version.IsNotModified(request)) return Results.StatusCode(StatusCodes.Status304NotModified);
                version.Apply(request.HttpContext.Response);

                var monde = 256 * Math.Pow(2, Math.Min(zoom, ZoomLieux));
                var (cx0, cx1) = (Colonne(b.MinLon, monde), Colonne(b.MaxLon, monde));
                var (cy0, cy1) = (Ligne(b.MaxLat, monde), Ligne(b.MinLat, monde));
                // The box of the whole cells, so that a cluster at the view's edge counts all its places.
                var cellules = filter with { Bbox = (Lon(cx0, monde), Lat(cy1 + 1, monde), Lon(cx1 + 1, monde), Lat(cy0, monde)) };
                var (where, parameters) = cellules.ToSql();
                if (zoom >= ZoomLieux) return new GeoJsonFeatureCollectionResult(db, LieuFilter.Into(LieuxSql.MapFeatures, where), parameters);

                var sansFiltre = zoom <= Grappes.ZoomMax && filter is { Departements.Count: 0, Services.Count: 0, Label: null, Q: null, Cercle: null };
                return new GeoJsonFeatureCollectionResult(db, sansFiltre ? GrappesSql.Stockees : LieuFilter.Into(GrappesSql.Calculees, where), p =>
                {
                    if (!sansFiltre) parameters(p);
                    p.Add(new NpgsqlParameter("zoom", NpgsqlDbType.Smallint) { Value = (short)zoom });
                    p.Add(new NpgsqlParameter("monde", NpgsqlDbType.Double) { Value = monde });
                    p.Add(new NpgsqlParameter("cellule", NpgsqlDbType.Double) { Value = (double)CellulePx });
                    p.Add(new NpgsqlParameter("cx0", NpgsqlDbType.Integer) { Value = cx0 });
                    p.Add(new NpgsqlParameter("cx1", NpgsqlDbType.Integer) { Value = cx1 });
                    p.Add(new NpgsqlParameter("cy0", NpgsqlDbType.Integer) { Value = cy0 });
                    p.Add(new NpgsqlParameter("cy1", NpgsqlDbType.Integer) { Value = cy1 });
                });
            })
            .WithName("CarteGrappes")
            .WithSummary("Les lieux d'une vue de la carte, regroupés par cellules de 60 pixels à ce zoom (un lieu seul est donné tel quel).")
            .WithQueryParameters(QueryParameter.Filters);
        return app;
    }

    private static double X(double lon, double monde) => (lon + 180) / 360 * monde;

    private static double Y(double lat, double monde)
    {
        var phi = Math.Clamp(lat, -LatMax, LatMax) * Math.PI / 180;
        return (1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * monde;
    }

    private static int Colonne(double lon, double monde) => (int)Math.Floor(X(lon, monde) / CellulePx);

    private static int Ligne(double lat, double monde) => (int)Math.Floor(Y(lat, monde) / CellulePx);

    private static double Lon(int colonne, double monde) => Math.Clamp(colonne * CellulePx / monde * 360 - 180, -180, 180);

    private static double Lat(int ligne, double monde) =>
        Math.Clamp(Math.Atan(Math.Sinh(Math.PI * (1 - 2 * ligne * CellulePx / monde))) * 180 / Math.PI, -90, 90);
}
