namespace OpenFabriques.Web.Lieux;

internal static class LieuxSql
{
    /// <summary>
    /// The map's feed: one light GeoJSON Feature per located place, the light projection of <see cref="LieuPublic"/>
    /// (its names for name, commune, département; services by slug, the page knows their labels), coordinates rounded to 4 decimals (about 10 m): the lightest
    /// feed that draws the map (5,000 places ≈ 150 KB compressed); distances come from the API.
    /// </summary>
    public const string MapFeatures = $"""
        SELECT {MapFeature}::text
        FROM lieux l
        WHERE l.geom IS NOT NULL AND {"{filtre}"}
        ORDER BY l.id
        """;

    /// <summary>The map feed's Feature of the place <c>l</c> (also a lone place of the map's clusters).</summary>
    public const string MapFeature = """
        json_build_object(
            'type', 'Feature',
            'id', l.id,
            'properties', json_build_object(
                'nom', l.nom,
                'commune', l.commune,
                'departement', l.departement,
                'services', coalesce((
                    SELECT json_agg(ls.service_slug)
                    FROM lieux_services ls WHERE ls.lieu_id = l.id), '[]'::json)),
            'geometry', ST_AsGeoJSON(l.geom, 4)::json)
        """;

    /// <summary>
    /// A page of places in their public shape (<see cref="LieuPublic"/>), nearest first when a point is given (@lon/@lat,
    /// KNN on the geography index), else in name order; then the distance in metres on the spheroid.
    /// </summary>
    public const string Page = $$"""
        SELECT {{LieuPublic.Colonnes}},
               CASE WHEN @lon::float8 IS NULL OR l.geom IS NULL THEN NULL
                    ELSE round(ST_Distance(l.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography)) END
        FROM lieux l
        {{LieuPublic.Services}}
        WHERE {filtre} AND (@lon::float8 IS NULL OR l.geom IS NOT NULL)
        ORDER BY CASE WHEN @lon::float8 IS NULL THEN NULL ELSE l.geog <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography END,
                 l.nom, l.id
        LIMIT @limit OFFSET @offset
        """;

    public const string Count = "SELECT count(*) FROM lieux l WHERE {filtre} AND (@lon::float8 IS NULL OR l.geom IS NOT NULL)";

    /// <summary>How many of the filtered places offer each service (the filter on services itself left out).</summary>
    public const string ServiceCounts = """
        SELECT ls.service_slug, count(*) FROM lieux l JOIN lieux_services ls ON ls.lieu_id = l.id
        WHERE {filtre} GROUP BY ls.service_slug
        """;

    /// <summary>The nearest places to a point in their public shape, KNN on the geography index, then the distance in metres.</summary>
    public const string Nearest = $$"""
        SELECT {{LieuPublic.Colonnes}}, round(ST_Distance(l.geog, p.pt))
        FROM lieux l
        {{LieuPublic.Services}}
        CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS pt) p
        WHERE l.geom IS NOT NULL AND {filtre}
        ORDER BY l.geog <-> p.pt
        LIMIT @limit
        """;
}
