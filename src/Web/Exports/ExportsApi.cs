using Npgsql;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;
using OpenFabriques.Web.Sources;

namespace OpenFabriques.Web.Exports;

public static class ExportsApi
{
    /// <summary>
    /// <c>/exports/lieux.csv</c>, <c>/exports/lieux-services.csv</c>, <c>/exports/lieux.geojson</c> (same filters as the
    /// map), <c>/exports/manifest.json</c> (the receipt of a download) and <c>/exports/schema.json</c> (Table Schema).
    /// </summary>
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports").WithTags("Exports").RequireCors(WebExtensions.OpenDataCors);
        foreach (var file in ExportFile.All)
        {
            exports.MapGet($"/{file.Name}.{file.Extension}", (HttpContext http, NpgsqlDataSource db) => DownloadAsync(http, db, file))
                .WithName($"Export-{file.Name}-{file.Extension}")
                .WithSummary(file == ExportFile.LieuxServices ? "Une ligne par lieu et par service (CSV)."
                    : file == ExportFile.LieuxGeoJson ? "Un lieu par entité GeoJSON (RFC 7946), services en tableau."
                    : file == ExportFile.Sources ? "Une ligne par fiche d'une source, avec le lieu qu'elle décrit et la règle qui l'y a réunie (CSV)."
                    : "Un lieu par ligne (CSV).")
                .WithQueryParameters(file.Extension == "csv" ? [.. QueryParameter.Filters, QueryParameter.Excel] : QueryParameter.Filters);
        }
        exports.MapGet("/manifest.json", ManifestAsync)
            .WithName("ExportManifest")
            .WithSummary("Le reçu d'un téléchargement : URL, filtres, nombre de lignes, SHA-256, licence, sources et dates.")
            .WithQueryParameters([new QueryParameter("fichier", "lieux.csv (défaut), lieux-services.csv, lieux.geojson ou sources.csv."), .. QueryParameter.Filters, QueryParameter.Excel]);
        exports.MapGet("/schema.json", (HttpRequest request) =>
            {
                var name = request.Query["fichier"].ToString();
                var file = name is "" or "lieux.csv" ? ExportFile.Lieux : name == "lieux-services.csv" ? ExportFile.LieuxServices
                    : name == "sources.csv" ? ExportFile.Sources : null;
                return file is null
                    ? ParameterProblem.For("fichier", "lieux.csv, lieux-services.csv ou sources.csv")
                    : Results.Json(TableSchema.For(file), contentType: "application/schema+json");
            })
            .WithName("ExportSchema")
            .WithSummary("Table Schema des exports CSV.")
            .WithQueryParameters(new QueryParameter("fichier", "lieux.csv (défaut), lieux-services.csv ou sources.csv."));
        return app;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, NpgsqlDataSource db, ExportFile file)
    {
        var parsed = LieuFilter.Parse(http.Request.Query);
        if (parsed.Filter is not { } filter) return parsed.Problem();
        if (!TryExcel(http.Request, file, out var excel, out var problem)) return problem!;
        var version = await DatasetVersion.ReadAsync(db, http.RequestAborted);
        version.Apply(http.Response);
        if (version.IsNotModified(http.Request)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var slug = filter.Slug();
        var fileName = $"openfabriques-{file.Name}-{version.Date}{(slug.Length > 0 ? "-" + slug : "")}{(excel ? "-excel" : "")}.{file.Extension}";
        http.Response.ContentType = $"{file.MediaType}; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // Streamed as the query reads: no length known beforehand, so a download restarts rather than resumes.
        http.Response.Headers.AcceptRanges = "none";
        return new StreamResult((body, ct) => file.WriteAsync(body, db, filter, excel, ct));
    }

    private static async Task<IResult> ManifestAsync(HttpContext http, NpgsqlDataSource db, SourceRegistry registry)
    {
        var request = http.Request;
        var name = request.Query["fichier"].ToString();
        var file = ExportFile.All.FirstOrDefault(f => $"{f.Name}.{f.Extension}" == (name.Length == 0 ? "lieux.csv" : name));
        if (file is null) return ParameterProblem.For("fichier", "lieux.csv, lieux-services.csv, lieux.geojson ou sources.csv");
        var parsed = LieuFilter.Parse(request.Query);
        if (parsed.Filter is not { } filter) return parsed.Problem();
        if (!TryExcel(request, file, out var excel, out var problem)) return problem!;

        var ct = http.RequestAborted;
        if (http.IsHead()) return TypedResults.Json(new { }); // the headers of the receipt, without writing the export it hashes
        var version = await DatasetVersion.ReadAsync(db, ct);
        using var hashing = new HashingStream();
        var rows = await file.WriteAsync(hashing, db, filter, excel, ct);
        var query = filter.ToQueryString();
        if (excel) query += (query.Length == 0 ? "?" : "&") + "excel=1";
        var path = file.Path + query;

        var sources = new List<object>();
        var citations = new List<string>();
        var (where, parameters) = filter.ToSql();
        await using (var cmd = db.CreateCommand(LieuFilter.Into(ExportsSql.Sources, where)))
        {
            parameters(cmd.Parameters);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(0);
                var registered = registry.Find(key);
                citations.Add(registry.Citation(key));
                sources.Add(new
                {
                    source = key,
                    titre = registered?.Titre ?? key,
                    producteur = registered?.Producteur,
                    date_donnees = registered?.Date,
                    licence = registered?.Licence,
                    page = registered?.Page,
                    citation = registry.Citation(key),
                    lieux = reader.GetInt32(1),
                    dernier_import = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2),
                    origine = reader.IsDBNull(3) ? null : PublicOrigin(reader.GetString(3)),
                    sha256_origine = reader.IsDBNull(4) ? null : reader.GetString(4),
                });
            }
        }

        return TypedResults.Json(new
        {
            fichier = path,
            url = $"{request.Origine()}{path}",
            format = file.MediaType,
            filtres = Filtres(filter),
            excel,
            lignes = rows,
            octets = hashing.Bytes,
            sha256 = hashing.Sha256(),
            licence = new { nom = TableSchema.Licence, url = TableSchema.LicenceUrl },
            schema = file.Extension == "csv" ? $"/exports/schema.json?fichier={file.Name}.csv" : null,
            sources,
            version_donnees = version.ETag,
            donnees_du = version.FinishedAt,
            genere_le = DateTimeOffset.UtcNow,
            citation = $"OpenFabriques, « {file.Name}.{file.Extension} », données du {version.Date}, {path}, Licence Ouverte 2.0, sha256 {hashing.Sha256()[..12]}…, d'après : {string.Join(" ; ", citations)}",
        });
    }

    /// <summary>A URL as it is; of a file on the server, its name only.</summary>
    private static string PublicOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? origin : System.IO.Path.GetFileName(origin);

    private static Dictionary<string, object?> Filtres(LieuFilter f) => new()
    {
        ["departement"] = f.Departements,
        ["service"] = f.Services,
        ["label"] = f.Label,
        ["q"] = f.Q,
        ["bbox"] = f.Bbox is { } b ? new[] { b.MinLon, b.MinLat, b.MaxLon, b.MaxLat } : null,
        ["lat"] = f.Cercle?.Lat,
        ["lon"] = f.Cercle?.Lon,
        ["rayon_km"] = f.Cercle?.RayonKm,
    };

    private static bool TryExcel(HttpRequest request, ExportFile file, out bool excel, out IResult? problem)
    {
        problem = null;
        var value = request.Query["excel"].ToString();
        excel = value is "1" or "true" or "oui";
        if (value is "" or "0" or "false" or "non" || excel)
        {
            if (excel && file.Extension != "csv") problem = ParameterProblem.For("excel", "la variante Excel n'existe que pour les fichiers CSV");
            return problem is null;
        }
        problem = ParameterProblem.For("excel", "1 pour la variante Excel (« ; » et BOM), 0 ou absent sinon");
        return false;
    }
}
