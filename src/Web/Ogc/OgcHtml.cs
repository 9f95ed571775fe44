using System.Text;
using System.Text.Json;
using static System.Net.WebUtility;

namespace OpenFabriques.Web.Ogc;

/// <summary>The HTML views of the OGC API: plain, accessible pages for people who open the links in a browser.</summary>
internal static class OgcHtml
{
    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncode(title)} — OpenFabriques OGC API</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><header class="entete"><p class="marque"><a href="/">OpenFabriques</a></p>
        <nav aria-label="Fil d'Ariane"><ul><li><a href="/ogc?f=html">OGC API</a></li><li><a href="/ogc/collections?f=html">Collections</a></li></ul></nav></header>
        <main id="contenu"><h1>{HtmlEncode(title)}</h1>{body}</main></body></html>
        """;

    public static string Landing(IEnumerable<object> links)
    {
        var sb = new StringBuilder("<p>Service OGC API – Features (partie 1) d'OpenFabriques.</p><ul>");
        foreach (var l in links.Select(l => JsonSerializer.SerializeToElement(l)))
            sb.Append($"<li><a href=\"{HtmlEncode(l.GetProperty("href").GetString())}\">{HtmlEncode(l.GetProperty("title").GetString())}</a> ({HtmlEncode(l.GetProperty("type").GetString())})</li>");
        return Page("OpenFabriques — OGC API Features", sb.Append("</ul>").ToString());
    }

    public static string Conformance(IEnumerable<string> classes) =>
        Page("Conformité", "<ul>" + string.Concat(classes.Select(c => $"<li>{HtmlEncode(c)}</li>")) + "</ul>");

    public static string Collections(IEnumerable<object> collections)
    {
        var sb = new StringBuilder("<table><caption>Collections</caption><thead><tr><th scope=\"col\">Identifiant</th><th scope=\"col\">Titre</th><th scope=\"col\">Description</th></tr></thead><tbody>");
        foreach (var c in collections.Select(c => JsonSerializer.SerializeToElement(c)))
        {
            var id = c.GetProperty("id").GetString();
            sb.Append($"<tr><td><a href=\"/ogc/collections/{HtmlEncode(id)}/items?f=html\">{HtmlEncode(id)}</a></td><td>{HtmlEncode(c.GetProperty("title").GetString())}</td><td>{HtmlEncode(c.GetProperty("description").GetString())}</td></tr>");
        }
        return Page("Collections", sb.Append("</tbody></table>").ToString());
    }

    public static string Items(OgcLayer c, IReadOnlyList<JsonElement> features, long matched, int offset, string? prev, string? next)
    {
        var columns = c == OgcLayer.Lieux ? new[] { "nom", "commune", "departement", "services" } : ["code", "nom", "population", "lieux"];
        var sb = new StringBuilder($"<p>{matched} entités ; entités {(features.Count == 0 ? 0 : offset + 1)} à {offset + features.Count}.</p>");
        sb.Append($"<table><caption>{HtmlEncode(c.Title)}</caption><thead><tr><th scope=\"col\">id</th>");
        foreach (var col in columns) sb.Append($"<th scope=\"col\">{HtmlEncode(col)}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var f in features)
        {
            var id = f.GetProperty("id").ToString();
            sb.Append($"<tr><td><a href=\"/ogc/collections/{c.Id}/items/{HtmlEncode(id)}?f=html\">{HtmlEncode(id)}</a></td>");
            foreach (var col in columns) sb.Append($"<td>{HtmlEncode(f.GetProperty("properties").TryGetProperty(col, out var v) ? Texte(v) : "")}</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table><nav aria-label=\"Pages\"><ul>");
        if (prev is not null) sb.Append($"<li><a rel=\"prev\" href=\"{HtmlEncode(prev)}\">Page précédente</a></li>");
        if (next is not null) sb.Append($"<li><a rel=\"next\" href=\"{HtmlEncode(next)}\">Page suivante</a></li>");
        return Page(c.Title, sb.Append("</ul></nav>").ToString());
    }

    public static string Item(OgcLayer c, JsonElement feature)
    {
        var sb = new StringBuilder("<dl>");
        foreach (var p in feature.GetProperty("properties").EnumerateObject())
            sb.Append($"<dt>{HtmlEncode(p.Name)}</dt><dd>{HtmlEncode(p.Value.ValueKind == JsonValueKind.Null ? "—" : Texte(p.Value))}</dd>");
        var g = feature.GetProperty("geometry");
        if (g.ValueKind == JsonValueKind.Object && g.GetProperty("type").GetString() == "Point")
            sb.Append($"<dt>coordonnées (lon, lat)</dt><dd>{HtmlEncode(g.GetProperty("coordinates").ToString())}</dd>");
        return Page($"{c.Title} {feature.GetProperty("id")}", sb.Append("</dl>").ToString());
    }

    /// <summary>A property as text for a reader: a list as its items (a service by its label), comma-separated.</summary>
    private static string Texte(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Texte)),
        JsonValueKind.Object when value.TryGetProperty("libelle", out var libelle) => libelle.ToString(),
        JsonValueKind.Null => "",
        _ => value.ToString(),
    };
}
