using System.Globalization;
using System.Text;
using CsvHelper;
using Npgsql;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Couverture;

public static class CouvertureApi
{
    private static readonly string[] Colonnes =
        ["code", "nom", "region", "region_nom", "population", "lieux", "lieux_pour_100000", "service", "lieux_service", "lieux_service_pour_100000"];

    /// <summary><c>/exports/couverture.csv</c>: the numbers of /couverture, one row per département.</summary>
    public static IEndpointRouteBuilder MapCouvertureApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/exports").WithTags("Exports").RequireCors(WebExtensions.OpenDataCors)
            .MapGet("/couverture.csv", async Task<IResult> (HttpContext http, NpgsqlDataSource db) =>
            {
                var service = http.Request.Query["service"].ToString();
                if (service.Length > 0 && ServiceCatalog.Find(service) is null) return ParameterProblem.For("service", $"service inconnu « {service} »");
                var lignes = await Indicateurs.ParDepartementAsync(db, service.Length > 0 ? service : null, http.RequestAborted);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"openfabriques-couverture{(service.Length > 0 ? "-" + service : "")}.csv\"";
                return new StreamResult(async (body, ct) =>
                {
                    await using var text = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
                    await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
                    foreach (var h in Colonnes) csv.WriteField(h);
                    await csv.NextRecordAsync();
                    foreach (var l in lignes)
                    {
                        csv.WriteField(l.Code); csv.WriteField(l.Nom); csv.WriteField(l.Region); csv.WriteField(l.RegionNom);
                        csv.WriteField(l.Population); csv.WriteField(l.Lieux); csv.WriteField(l.LieuxPour100000.ToString("0.00", CultureInfo.InvariantCulture));
                        csv.WriteField(service); csv.WriteField(l.LieuxService); csv.WriteField(l.ServicePour100000.ToString("0.00", CultureInfo.InvariantCulture));
                        await csv.NextRecordAsync();
                    }
                    await csv.FlushAsync();
                });
            })
            .WithName("ExportCouverture")
            .WithSummary("Couverture par département : population, lieux, lieux pour 100 000 habitants, et pour un service.")
            .WithQueryParameters(new QueryParameter("service", "Identifiant de service (facultatif) : ajoute les lieux qui l'offrent et leur nombre pour 100 000 habitants."));
        return app;
    }
}
