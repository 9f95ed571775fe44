namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// A query parameter an endpoint reads from the query string itself (to validate it and name it in a
/// 400): declared as endpoint metadata so that the OpenAPI description documents it.
/// </summary>
public sealed record QueryParameter(string Name, string Description, string Type = "string", bool Repeatable = false)
{
    public static readonly QueryParameter[] Filters =
    [
        new("departement", "Code INSEE du département (01 à 95, 2A, 2B, 971 à 976) ; répétable, un lieu convient s'il est dans l'un d'eux.", Repeatable: true),
        new("service", "Identifiant de service (voir /exports/schema.json) ; répétable, un lieu convient s'il offre l'un d'eux.", Repeatable: true),
        new("label", "Label ou dispositif (ex. « France services », « Fabriques de Territoire »), sans tenir compte de la casse ni des accents."),
        new("q", "Texte cherché dans le nom, la commune, l'adresse et le code postal, sans tenir compte de la casse ni des accents."),
        new("bbox", "Rectangle minLon,minLat,maxLon,maxLat en WGS 84 ; minLon plus grand que maxLon : rectangle à cheval sur l'antiméridien."),
        new("lat", "Latitude du centre (WGS 84), avec lon et rayon_km.", "number"),
        new("lon", "Longitude du centre (WGS 84), avec lat et rayon_km.", "number"),
        new("rayon_km", "Rayon autour de lat, lon, en kilomètres (0,001 à 1 000).", "number"),
    ];

    public static readonly QueryParameter Excel = new("excel", "1 pour la variante Excel : séparateur « ; » et BOM UTF-8 (CSV seulement).");

    public static readonly QueryParameter[] Paging =
    [
        new("limit", "Nombre d'entités par page (100 par défaut, plafonné à 10 000).", "integer"),
        new("offset", "Rang de la première entité (0 par défaut).", "integer"),
        new("f", "json (défaut) ou html."),
    ];
}

public static class QueryParameterExtensions
{
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, params IEnumerable<QueryParameter> parameters)
        where TBuilder : IEndpointConventionBuilder
    {
        var list = parameters.ToArray();
        builder.Add(e => { foreach (var p in list) e.Metadata.Add(p); });
        return builder;
    }
}
