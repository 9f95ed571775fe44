using System.Globalization;
using System.Text;
using CsvHelper;
using Npgsql;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Couverture;

public static class CouvertureApi
{
    private static readonly string[] Colonnes =
    [
        "code", "nom", "region", "region_nom", "population", "lieux", "lieux_pour_100000", "service", "lieux_service", "lieux_service_pour_100000",
        "population_sans_point", .. CouvertureDistances.SeuilsKm.Select(km => $"population_au_dela_{km}km"),
        .. CouvertureDistances.SeuilsKm.Select(km => $"population_au_dela_{km}km_service"),
    ];

    /// <summary><c>/exports/couverture.csv</c>: the numbers of /couverture, one row per département.</summary>
    public static IEndpointRouteBuilder MapCouvertureApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/exports").WithTags("Exports").RequireCors(WebExtensions.OpenDataCors)
            .MapGet("/couverture.csv", async Task<IResult> (HttpContext http, NpgsqlDataSource db) =>
            {
                var service = http.Request.Query["service"].ToString();
                if (service.Length > 0 && ServiceCatalog.Find(service) is null) return ParameterProblem.For("service", $"service inconnu « {service} »");
                var lignes = await Indicateurs.ParDepartementAsync(db, null, http.RequestAborted);
                var avecService = service.Length > 0 ? await Indicateurs.ParDepartementAsync(db, service, http.RequestAborted) : null;
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"openfabriques-couverture{(service.Length > 0 ? "-" + service : "")}.csv\"";
                return new StreamResult(async (body, ct) =>
                {
                    await using var text = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
                    await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
                    foreach (var h in Colonnes) csv.WriteField(h);
                    await csv.NextRecordAsync();
                    for (var i = 0; i < lignes.Count; i++)
                    {
                        var l = lignes[i];
                        var s = avecService?[i] ?? l;
                        csv.WriteField(l.Code); csv.WriteField(l.Nom); csv.WriteField(l.Region); csv.WriteField(l.RegionNom);
                        csv.WriteField(l.Population); csv.WriteField(l.Lieux); csv.WriteField(l.LieuxPour100000.ToString("0.00", CultureInfo.InvariantCulture));
                        csv.WriteField(service); csv.WriteField(s.LieuxService); csv.WriteField(s.ServicePour100000.ToString("0.00", CultureInfo.InvariantCulture));
                        csv.WriteField(l.PopulationSansPoint);
                        foreach (var n in l.PopulationAuDela) csv.WriteField(n);
                        foreach (var n in s.PopulationAuDela) csv.WriteField(avecService is null ? "" : n.ToString(CultureInfo.InvariantCulture));
                        await csv.NextRecordAsync();
                    }
                    await csv.FlushAsync();
                });
            })
            .WithName("ExportCouverture")
            .WithSummary("Couverture par département : population, lieux, lieux pour 100 000 habitants, population à plus de 10, 20 et 30 km "
                + "d'un lieu (et de sans point), et les mêmes chiffres pour un service.")
            .WithQueryParameters(new QueryParameter("service", "Identifiant de service (facultatif) : ajoute les lieux qui l'offrent et leur nombre pour 100 000 habitants."));

        app.MapGroup("/exports").WithTags("Exports").RequireCors(WebExtensions.OpenDataCors)
            .MapGet("/couverture-communes.csv", ExportCommunesAsync)
            .WithName("ExportCouvertureCommunes")
            .WithSummary("Distance de chaque commune au lieu le plus proche (offrant un service) : de quoi recalculer les parts de population éloignée.")
            .WithQueryParameters(
                new QueryParameter("departement", "Code INSEE du département (facultatif)."),
                new QueryParameter("service", "Identifiant de service (facultatif) : distance au lieu le plus proche qui l'offre, donnée jusqu'à 30 km."));
        return app;
    }

    private static readonly string[] ColonnesCommunes =
        ["code", "nom", "departement", "population", "point", "longitude", "latitude", "service", "lieu_id", "lieu_nom", "distance_km"];

    private static async Task<IResult> ExportCommunesAsync(HttpContext http, NpgsqlDataSource db)
    {
        var service = http.Request.Query["service"].ToString();
        if (service.Length > 0 && ServiceCatalog.Find(service) is null) return ParameterProblem.For("service", $"service inconnu « {service} »");
        var raw = http.Request.Query["departement"].ToString();
        string? departement = null;
        if (raw.Length > 0 && (departement = Geo.Codes.InseeCodes.NormaliseDepartement(raw)) is null)
            return ParameterProblem.For("departement", $"« {raw} » n'est pas un code de département");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"openfabriques-couverture-communes{(departement is null ? "" : "-" + departement)}{(service.Length > 0 ? "-" + service : "")}.csv\"";
        return new StreamResult(async (body, ct) =>
        {
            await using var cmd = db.CreateCommand(CouvertureSql.Communes);
            cmd.Parameters.Add(new NpgsqlParameter("service", NpgsqlTypes.NpgsqlDbType.Text) { Value = service });
            cmd.Parameters.Add(new NpgsqlParameter("departement", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)departement ?? DBNull.Value });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await using var text = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
            await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
            foreach (var h in ColonnesCommunes) csv.WriteField(h);
            await csv.NextRecordAsync();
            while (await r.ReadAsync(ct))
            {
                csv.WriteField(r.GetString(0)); csv.WriteField(SpreadsheetSafety.Neutralise(r.GetString(1))); csv.WriteField(r.GetString(2));
                csv.WriteField(r.GetInt32(3)); csv.WriteField(r.GetString(4) == "departement" ? "aucun" : r.GetString(4));
                csv.WriteField(r.IsDBNull(5) ? "" : r.GetDouble(5).ToString("0.#####", CultureInfo.InvariantCulture));
                csv.WriteField(r.IsDBNull(6) ? "" : r.GetDouble(6).ToString("0.#####", CultureInfo.InvariantCulture));
                csv.WriteField(service);
                csv.WriteField(r.IsDBNull(7) ? "" : r.GetInt64(7).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.IsDBNull(8) ? "" : SpreadsheetSafety.Neutralise(r.GetString(8)));
                csv.WriteField(r.IsDBNull(9) ? "" : (r.GetDouble(9) / 1000).ToString("0.000", CultureInfo.InvariantCulture));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
        });
    }
}
