using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;

namespace OpenFabriques.Web.Ogc;

/// <summary>
/// OGC API – Features, Part 1 (Core, GeoJSON, HTML), so that QGIS, GDAL (OAPIF driver) and other GIS
/// clients plug straight in: <c>/ogc</c>, <c>/ogc/conformance</c>, <c>/ogc/collections</c>,
/// <c>/ogc/collections/{lieux|departements}</c>, <c>…/items</c> (bbox, limit, offset, property filters) and <c>…/items/{id}</c>.
/// </summary>
public static class OgcApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    private static readonly string[] Conformance =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    ];

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc").WithTags("OGC API – Features").RequireCors(WebExtensions.OpenDataCors);
        ogc.MapGet("", Landing).WithSummary("Page d'accueil OGC API – Features.");
        ogc.MapGet("/conformance", (HttpRequest r) => Respond(r, new { conformsTo = Conformance }, () => OgcHtml.Conformance(Conformance)))
            .WithSummary("Classes de conformité.");
        ogc.MapGet("/collections", async (HttpRequest r, NpgsqlDataSource db) =>
            {
                var collections = new[] { await CollectionAsync(r, db, OgcLayer.Lieux), await CollectionAsync(r, db, OgcLayer.Departements) };
                return Respond(r, new
                {
                    links = new[] { Link(r, "/ogc/collections", "self", "application/json"), Link(r, "/ogc/collections?f=html", "alternate", "text/html") },
                    collections,
                }, () => OgcHtml.Collections(collections));
            })
            .WithSummary("Les collections : lieux, departements.");
        ogc.MapGet("/collections/{collectionId}", async (HttpRequest r, NpgsqlDataSource db, string collectionId) =>
                OgcLayer.Find(collectionId) is { } c
                    ? Respond(r, await CollectionAsync(r, db, c), null)
                    : NotFound(collectionId))
            .WithSummary("Description d'une collection.");
        ogc.MapGet("/collections/{collectionId}/items", ItemsAsync)
            .WithSummary("Les entités d'une collection, paginées (limit 100 par défaut, 10 000 au plus ; offset ; liens next/prev).")
            .WithQueryParameters([.. QueryParameter.Paging, .. QueryParameter.Filters]);
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", ItemAsync).WithSummary("Une entité.")
            .WithQueryParameters(QueryParameter.Paging[2]);
        return app;
    }

    private static IResult Landing(HttpRequest r)
    {
        var body = new
        {
            title = "OpenFabriques — OGC API Features",
            description = "Tiers-lieux, Fabriques de territoire et lieux de médiation numérique de France, et les départements.",
            links = new[]
            {
                Link(r, "/ogc", "self", "application/json", "Cette page"),
                Link(r, "/ogc?f=html", "alternate", "text/html", "Cette page en HTML"),
                Link(r, "/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "Description OpenAPI"),
                Link(r, "/api-docs", "service-doc", "text/html", "Documentation de l'API"),
                Link(r, "/ogc/conformance", "conformance", "application/json", "Conformité"),
                Link(r, "/ogc/collections", "data", "application/json", "Collections"),
            },
        };
        return Respond(r, body, () => OgcHtml.Landing(body.links));
    }

    private static async Task<object> CollectionAsync(HttpRequest r, NpgsqlDataSource db, OgcLayer c)
    {
        double[] bbox = [-61.9, -21.4, 55.9, 51.1];
        if (c == OgcLayer.Lieux)
        {
            await using var cmd = db.CreateCommand(OgcSql.LieuxExtent);
            await using var reader = await cmd.ExecuteReaderAsync(r.HttpContext.RequestAborted);
            if (await reader.ReadAsync() && !reader.IsDBNull(0)) bbox = [reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)];
        }
        var items = $"/ogc/collections/{c.Id}/items";
        return new
        {
            id = c.Id,
            title = c.Title,
            description = c.Description,
            itemType = "feature",
            crs = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
            extent = new { spatial = new { bbox = new[] { bbox }, crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84" } },
            links = new[]
            {
                Link(r, $"/ogc/collections/{c.Id}", "self", "application/json"),
                Link(r, items, "items", "application/geo+json", "Entités (GeoJSON)"),
                Link(r, items + "?f=html", "items", "text/html", "Entités (HTML)"),
            },
        };
    }

    private static async Task<IResult> ItemsAsync(HttpRequest r, NpgsqlDataSource db, string collectionId)
    {
        if (OgcLayer.Find(collectionId) is not { } c) return NotFound(collectionId);
        foreach (var key in r.Query.Keys)
        {
            if (!c.Parameters.Contains(key))
                return ParameterProblem.For(key, $"paramètre inconnu ; paramètres acceptés : {string.Join(", ", c.Parameters)}");
        }
        if (!QueryNumbers.TryInt(r, "limit", DefaultLimit, 1, int.MaxValue, out var limit, out var problem)) return problem!;
        limit = Math.Min(limit, MaxLimit); // the standard caps, it does not refuse
        if (!QueryNumbers.TryInt(r, "offset", 0, 0, int.MaxValue, out var offset, out problem)) return problem!;
        var parsed = LieuFilter.Parse(r.Query);
        if (parsed.Filter is not { } filter) return parsed.Problem();

        var ct = r.HttpContext.RequestAborted;
        var (countSql, pageSql, parameters) = c == OgcLayer.Lieux ? LieuxQueries(filter) : DepartementQueries(filter);
        long matched;
        await using (var count = db.CreateCommand(countSql))
        {
            parameters(count.Parameters);
            matched = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var features = new List<JsonElement>();
        await using (var page = db.CreateCommand(pageSql))
        {
            parameters(page.Parameters);
            page.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
            page.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
            await using var reader = await page.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) features.Add(Feature(c, reader));
        }

        var query = filter.ToQueryString();
        string PageUrl(int o, string? f = null)
        {
            var q = QueryHelpers.AddQueryString($"/ogc/collections/{c.Id}/items{query}", "limit", limit.ToString(CultureInfo.InvariantCulture));
            q = QueryHelpers.AddQueryString(q, "offset", o.ToString(CultureInfo.InvariantCulture));
            return f is null ? q : QueryHelpers.AddQueryString(q, "f", f);
        }
        var links = new List<object>
        {
            Link(r, PageUrl(offset), "self", "application/geo+json", "Cette page"),
            Link(r, PageUrl(offset, "html"), "alternate", "text/html", "Cette page en HTML"),
            Link(r, $"/ogc/collections/{c.Id}", "collection", "application/json", c.Title),
        };
        if (offset + features.Count < matched) links.Add(Link(r, PageUrl(offset + limit), "next", "application/geo+json", "Page suivante"));
        if (offset > 0) links.Add(Link(r, PageUrl(Math.Max(0, offset - limit)), "prev", "application/geo+json", "Page précédente"));

        var body = new Dictionary<string, object>
        {
            ["type"] = "FeatureCollection",
            ["features"] = features,
            ["numberMatched"] = matched,
            ["numberReturned"] = features.Count,
            ["timeStamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["links"] = links,
        };
        return Respond(r, body, () => OgcHtml.Items(c, features, matched, offset, offset > 0 ? PageUrl(Math.Max(0, offset - limit), "html") : null,
            offset + features.Count < matched ? PageUrl(offset + limit, "html") : null), "application/geo+json");
    }

    private static async Task<IResult> ItemAsync(HttpRequest r, NpgsqlDataSource db, string collectionId, string featureId)
    {
        if (OgcLayer.Find(collectionId) is not { } c) return NotFound(collectionId);
        LieuFilter filter;
        if (c == OgcLayer.Lieux)
        {
            if (!long.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return NotFound(featureId);
            filter = new LieuFilter();
            var (countSql, pageSql, parameters) = LieuxQueries(filter);
            _ = countSql;
            return await OneAsync(r, db, c, pageSql.Replace("ORDER BY l.id", "AND l.id = @id ORDER BY l.id", StringComparison.Ordinal),
                p => { parameters(p); p.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = id }); }, featureId);
        }
        var code = Geo.Codes.InseeCodes.NormaliseDepartement(featureId);
        if (code is null) return NotFound(featureId);
        filter = new LieuFilter { Departements = [code] };
        var (_, depSql, depParameters) = DepartementQueries(filter);
        return await OneAsync(r, db, c, depSql, depParameters, featureId);
    }

    private static async Task<IResult> OneAsync(HttpRequest r, NpgsqlDataSource db, OgcLayer c, string sql, Action<NpgsqlParameterCollection> parameters, string featureId)
    {
        await using var cmd = db.CreateCommand(sql);
        parameters(cmd.Parameters);
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = 1 });
        cmd.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = 0 });
        await using var reader = await cmd.ExecuteReaderAsync(r.HttpContext.RequestAborted);
        if (!await reader.ReadAsync()) return NotFound(featureId);
        var feature = Feature(c, reader).Deserialize<Dictionary<string, object>>()!;
        feature["links"] = new[]
        {
            Link(r, $"/ogc/collections/{c.Id}/items/{featureId}", "self", "application/geo+json"),
            Link(r, $"/ogc/collections/{c.Id}/items/{featureId}?f=html", "alternate", "text/html"),
            Link(r, $"/ogc/collections/{c.Id}", "collection", "application/json", c.Title),
        };
        var element = JsonSerializer.SerializeToElement(feature);
        return Respond(r, feature, () => OgcHtml.Item(c, element), "application/geo+json");
    }

    /// <summary>The feature of the current row: a place as the GeoJSON export writes it, a département as PostGIS wrote it.</summary>
    private static JsonElement Feature(OgcLayer c, NpgsqlDataReader reader) =>
        c == OgcLayer.Lieux ? LieuPublic.Feature(reader) : JsonDocument.Parse(reader.GetString(0)).RootElement.Clone();

    private static (string Count, string Page, Action<NpgsqlParameterCollection> Parameters) LieuxQueries(LieuFilter filter)
    {
        var (where, parameters) = filter.ToSql();
        return (LieuFilter.Into(OgcSql.LieuxCount, where), LieuFilter.Into(OgcSql.LieuxPage, where), parameters);
    }

    private static (string Count, string Page, Action<NpgsqlParameterCollection> Parameters) DepartementQueries(LieuFilter filter) =>
        (OgcSql.DepartementsCount, OgcSql.DepartementsPage, p =>
        {
            var b = filter.Bbox;
            p.Add(new NpgsqlParameter("minlon", NpgsqlDbType.Double) { Value = b is null ? DBNull.Value : b.Value.MinLon });
            p.Add(new NpgsqlParameter("minlat", NpgsqlDbType.Double) { Value = b is null ? DBNull.Value : b.Value.MinLat });
            p.Add(new NpgsqlParameter("maxlon", NpgsqlDbType.Double) { Value = b is null ? DBNull.Value : b.Value.MaxLon });
            p.Add(new NpgsqlParameter("maxlat", NpgsqlDbType.Double) { Value = b is null ? DBNull.Value : b.Value.MaxLat });
            p.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Departements.ToArray() });
        });


    private static bool WantsHtml(HttpRequest r)
    {
        var f = r.Query["f"].ToString();
        if (f.Length > 0) return f == "html";
        var accept = r.Headers.Accept.ToString();
        var html = accept.IndexOf("text/html", StringComparison.Ordinal);
        var json = accept.IndexOf("json", StringComparison.Ordinal);
        return html >= 0 && (json < 0 || html < json);
    }

    private static IResult Respond(HttpRequest r, object body, Func<string>? html, string contentType = "application/json")
    {
        var f = r.Query["f"].ToString();
        if (f.Length > 0 && f is not ("json" or "html")) return ParameterProblem.For("f", "json ou html");
        if (html is not null && WantsHtml(r)) return Results.Content(html(), "text/html; charset=utf-8");
        return Results.Json(body, contentType: contentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string what) => TypedResults.Problem(
        title: "Introuvable", detail: $"« {what} » n'existe pas ici.", statusCode: StatusCodes.Status404NotFound);

    private static object Link(HttpRequest r, string path, string rel, string type, string? title = null) =>
        new { href = $"{r.Origine()}{path}", rel, type, title };
}
