using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using NpgsqlTypes;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Infrastructure;

namespace OpenFabriques.Web.Lieux;

/// <summary>
/// The filters shared by the map, <c>/api/lieux</c>, the exports and the OGC API: <c>departement</c> and
/// <c>service</c> (repeatable; a place matches any of the values given), <c>label</c>, <c>q</c> (text,
/// accent- and case-insensitive), <c>bbox=minLon,minLat,maxLon,maxLat</c>, and <c>lat</c>+<c>lon</c>+<c>rayon_km</c>.
/// </summary>
public sealed record LieuFilter
{
    public IReadOnlyList<string> Departements { get; init; } = [];
    public IReadOnlyList<string> Services { get; init; } = [];
    public string? Label { get; init; }
    public string? Q { get; init; }
    public (double MinLon, double MinLat, double MaxLon, double MaxLat)? Bbox { get; init; }
    public (double Lat, double Lon, double RayonKm)? Cercle { get; init; }

    /// <summary>The parameter names, as they appear in URLs.</summary>
    public static readonly string[] Names = ["departement", "service", "label", "q", "bbox", "lat", "lon", "rayon_km"];

    public bool IsEmpty => Departements.Count == 0 && Services.Count == 0 && Label is null && Q is null && Bbox is null && Cercle is null;

    /// <summary>Reads the filters of a query string; a bad value is an error naming its parameter.</summary>
    public static LieuFilterResult Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var departements = new List<string>();
        foreach (var raw in Values(query, "departement"))
        {
            var code = InseeCodes.NormaliseDepartement(raw);
            if (code is null) return LieuFilterResult.Fail("departement", $"« {raw} » n'est pas un code de département (01 à 95, 2A, 2B, 971 à 976)");
            if (!departements.Contains(code)) departements.Add(code);
        }
        var services = new List<string>();
        foreach (var raw in Values(query, "service"))
        {
            if (ServiceCatalog.Find(raw) is null)
                return LieuFilterResult.Fail("service", $"service inconnu « {raw} » ; valeurs possibles : {string.Join(", ", ServiceCatalog.All.Select(s => s.Slug))}");
            if (!services.Contains(raw)) services.Add(raw);
        }
        var label = Single(query, "label", out var labelError);
        if (labelError is not null) return labelError;
        if (label is { Length: > 200 }) return LieuFilterResult.Fail("label", "200 caractères au plus");
        // A programme's label in any of its wordings (« France Services », « CNFS ») is its slug, as stored.
        if (label is not null) label = LabelCatalog.Slug(label) ?? label;
        var q = Single(query, "q", out var qError);
        if (qError is not null) return qError;
        if (q is { Length: > 200 }) return LieuFilterResult.Fail("q", "200 caractères au plus");

        (double, double, double, double)? bbox = null;
        var bboxText = Single(query, "bbox", out var bboxError);
        if (bboxError is not null) return bboxError;
        if (bboxText is not null)
        {
            var parts = bboxText.Split(',');
            if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                return LieuFilterResult.Fail("bbox", "attendu : minLon,minLat,maxLon,maxLat (quatre nombres, point décimal)");
            var v = parts.Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            // OGC API – Features: a minimum longitude greater than the maximum is a box across the antimeridian.
            if (v.Any(x => !double.IsFinite(x)) || v.Where((_, i) => i % 2 == 0).Any(x => x is < -180 or > 180) || v[1] < -90 || v[3] > 90 || v[1] > v[3])
                return LieuFilterResult.Fail("bbox", "longitudes entre -180 et 180, latitudes entre -90 et 90, latitude minimale avant la maximale");
            bbox = (v[0], v[1], v[2], v[3]);
        }

        (double, double, double)? cercle = null;
        var (lat, latError) = Number(query, "lat", -90, 90);
        if (latError is not null) return latError;
        var (lon, lonError) = Number(query, "lon", -180, 180);
        if (lonError is not null) return lonError;
        var (rayon, rayonError) = Number(query, "rayon_km", 0.001, 1000);
        if (rayonError is not null) return rayonError;
        if (rayon is not null && (lat is null || lon is null))
            return LieuFilterResult.Fail(lat is null ? "lat" : "lon", "rayon_km demande aussi lat et lon");
        if (rayon is not null) cercle = (lat!.Value, lon!.Value, rayon.Value);

        return LieuFilterResult.Ok(new LieuFilter
        {
            Departements = departements, Services = services, Label = label, Q = q, Bbox = bbox, Cercle = cercle,
        });
    }

    /// <summary>The point given by <c>lat</c> and <c>lon</c>, when both are (with or without a radius).</summary>
    public static (double Lat, double Lon)? Point(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (lat, _) = Number(query, "lat", -90, 90);
        var (lon, _) = Number(query, "lon", -180, 180);
        return lat is { } a && lon is { } o ? (a, o) : null;
    }

    /// <summary>
    /// A query template with <c>{filtre}</c> where the condition of <see cref="ToSql"/> goes (the
    /// condition is made of fixed fragments; values travel as parameters).
    /// </summary>
    public static string Into(string template, string condition)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace("{filtre}", condition, StringComparison.Ordinal);
    }

    /// <summary>
    /// A SQL condition on the places table aliased <c>l</c> (always valid, "true" with no filter) and its
    /// parameters. Fragments are fixed; values only ever travel as parameters.
    /// </summary>
    public (string Sql, Action<NpgsqlParameterCollection> Parameters) ToSql()
    {
        var conditions = new List<string>();
        var values = new List<NpgsqlParameter>();
        if (Departements.Count > 0)
        {
            conditions.Add(LieuFilterSql.Departements);
            values.Add(new("departements", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Departements.ToArray() });
        }
        if (Services.Count > 0)
        {
            conditions.Add(LieuFilterSql.Services);
            values.Add(new("services", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Services.ToArray() });
        }
        if (Label is not null)
        {
            conditions.Add(LieuFilterSql.Label);
            values.Add(new("label", NpgsqlDbType.Text) { Value = Label });
        }
        if (Q is not null)
        {
            conditions.Add(LieuFilterSql.Text);
            values.Add(new("q", NpgsqlDbType.Text) { Value = "%" + EscapeLike(Q) + "%" });
        }
        if (Bbox is { } b)
        {
            conditions.Add(b.MinLon <= b.MaxLon ? LieuFilterSql.Bbox : LieuFilterSql.BboxAntimeridien);
            values.Add(new("minlon", NpgsqlDbType.Double) { Value = b.MinLon });
            values.Add(new("minlat", NpgsqlDbType.Double) { Value = b.MinLat });
            values.Add(new("maxlon", NpgsqlDbType.Double) { Value = b.MaxLon });
            values.Add(new("maxlat", NpgsqlDbType.Double) { Value = b.MaxLat });
        }
        if (Cercle is { } c)
        {
            conditions.Add(LieuFilterSql.Cercle);
            values.Add(new("clat", NpgsqlDbType.Double) { Value = c.Lat });
            values.Add(new("clon", NpgsqlDbType.Double) { Value = c.Lon });
            values.Add(new("rayon_m", NpgsqlDbType.Double) { Value = c.RayonKm * 1000 });
        }
        var sql = conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
        return (sql, p => { foreach (var v in values) p.Add(v.Clone()); });
    }

    /// <summary>The filters as a query string (stable order), for links, file names and receipts.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(Departements.Select(d => new KeyValuePair<string, string?>("departement", d)));
        pairs.AddRange(Services.Select(s => new KeyValuePair<string, string?>("service", s)));
        if (Label is not null) pairs.Add(new("label", Label));
        if (Q is not null) pairs.Add(new("q", Q));
        if (Bbox is { } b) pairs.Add(new("bbox", string.Join(',', new[] { b.MinLon, b.MinLat, b.MaxLon, b.MaxLat }.Select(Invariant))));
        if (Cercle is { } c)
        {
            pairs.Add(new("lat", Invariant(c.Lat)));
            pairs.Add(new("lon", Invariant(c.Lon)));
            pairs.Add(new("rayon_km", Invariant(c.RayonKm)));
        }
        return pairs.Count == 0 ? "" : QueryString.Create(pairs).ToString();
    }

    /// <summary>A short ASCII description for file names: "dep-12-service-coworking".</summary>
    public string Slug()
    {
        var parts = new List<string>();
        if (Departements.Count > 0) parts.Add("dep-" + string.Join('-', Departements));
        if (Services.Count > 0) parts.Add("service-" + string.Join('-', Services));
        if (Label is not null) parts.Add("label");
        if (Q is not null) parts.Add("recherche");
        if (Bbox is not null) parts.Add("bbox");
        if (Cercle is not null) parts.Add("rayon");
        var slug = string.Join('-', parts).ToLowerInvariant();
        return slug.Length > 80 ? slug[..80] : slug;
    }

    private static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string EscapeLike(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? Single(IQueryCollection query, string name, out LieuFilterResult? error)
    {
        error = null;
        var values = query[name];
        if (values.Count > 1)
        {
            error = LieuFilterResult.Fail(name, "une seule valeur attendue");
            return null;
        }
        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
    }

    private static (double? Value, LieuFilterResult? Error) Number(IQueryCollection query, string name, double min, double max)
    {
        var text = Single(query, name, out var error);
        if (error is not null) return (null, error);
        if (text is null) return (null, null);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            return (null, LieuFilterResult.Fail(name, $"nombre entre {min.ToString(CultureInfo.InvariantCulture)} et {max.ToString(CultureInfo.InvariantCulture)} attendu (point décimal), pas « {text} »"));
        return (v, null);
    }
}

/// <summary>A parsed filter, or the parameter at fault and why.</summary>
public sealed record LieuFilterResult(LieuFilter? Filter, string? Parameter, string? Error)
{
    public static LieuFilterResult Ok(LieuFilter filter) => new(filter, null, null);
    public static LieuFilterResult Fail(string parameter, string error) => new(null, parameter, error);

    /// <summary>The 400 problem+json response that names the parameter.</summary>
    public IResult Problem() => ParameterProblem.For(Parameter!, Error!);
}
