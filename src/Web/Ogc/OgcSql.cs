namespace OpenFabriques.Web.Ogc;

/// <summary>Queries of the OGC API collections; <c>{filtre}</c> is a <see cref="Lieux.LieuFilter"/> condition.</summary>
internal static class OgcSql
{
    public const string LieuxCount = "SELECT count(*) FROM lieux l WHERE l.geom IS NOT NULL AND {filtre}";

    /// <summary>A page of located places in their public shape (<see cref="Lieux.LieuPublic"/>, as the exports), in id order.</summary>
    public const string LieuxPage = $$"""
        SELECT {{Lieux.LieuPublic.Colonnes}}
        FROM lieux l
        {{Lieux.LieuPublic.Services}}
        WHERE l.geom IS NOT NULL AND {filtre}
        ORDER BY l.id
        LIMIT @limit OFFSET @offset
        """;

    public const string LieuxExtent = """
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM lieux) x
        """;

    public const string DepartementsCount = """
        SELECT count(*) FROM departements d
        WHERE (@minlon::float8 IS NULL OR d.geom && ST_MakeEnvelope(@minlon, @minlat, CASE WHEN @minlon <= @maxlon THEN @maxlon ELSE 180 END, @maxlat, 4326)
               OR @minlon > @maxlon AND d.geom && ST_MakeEnvelope(-180, @minlat, @maxlon, @maxlat, 4326))
          AND (cardinality(@codes::text[]) = 0 OR d.code = ANY(@codes))
        """;

    public const string DepartementsPage = """
        SELECT json_build_object(
            'type', 'Feature',
            'id', d.code,
            'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(d.geom), 5)::json,
            'properties', json_build_object('code', d.code, 'nom', d.nom, 'region', d.region, 'region_nom', d.region_nom,
                'population', d.population,
                'lieux', (SELECT count(*) FROM lieux l WHERE l.departement = d.code)))::text
        FROM departements d
        WHERE (@minlon::float8 IS NULL OR d.geom && ST_MakeEnvelope(@minlon, @minlat, CASE WHEN @minlon <= @maxlon THEN @maxlon ELSE 180 END, @maxlat, 4326)
               OR @minlon > @maxlon AND d.geom && ST_MakeEnvelope(-180, @minlat, @maxlon, @maxlat, 4326))
          AND (cardinality(@codes::text[]) = 0 OR d.code = ANY(@codes))
        ORDER BY d.code
        LIMIT @limit OFFSET @offset
        """;
}
