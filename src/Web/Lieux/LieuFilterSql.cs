namespace OpenFabriques.Web.Lieux;

/// <summary>The fragments a <see cref="LieuFilter"/> combines, on the places table aliased <c>l</c>.</summary>
internal static class LieuFilterSql
{
    public const string Departements = "l.departement = ANY(@departements)";

    public const string Services = """
        EXISTS (SELECT 1 FROM lieux_services fs WHERE fs.lieu_id = l.id AND fs.service_slug = ANY(@services))
        """;

    public const string Label = """
        EXISTS (SELECT 1 FROM unnest(l.labels) AS fl(label) WHERE lower(unaccent(fl.label)) = lower(unaccent(@label)))
        """;

    public const string Text = """
        lower(unaccent(concat_ws(' ', l.nom, l.commune, l.adresse, l.code_postal))) LIKE lower(unaccent(@q))
        """;

    /// <summary>The bounding box in the column's SRID, so that the GiST index on geom is used.</summary>
    public const string Bbox = "l.geom && ST_MakeEnvelope(@minlon, @minlat, @maxlon, @maxlat, 4326)";

    /// <summary>A box across the antimeridian (minimum longitude east of the maximum): its two halves.</summary>
    public const string BboxAntimeridien = """
        (l.geom && ST_MakeEnvelope(@minlon, @minlat, 180, @maxlat, 4326) OR l.geom && ST_MakeEnvelope(-180, @minlat, @maxlon, @maxlat, 4326))
        """;

    /// <summary>Within a radius, on the sphere, using the GiST index on geog.</summary>
    public const string Cercle = """
        ST_DWithin(l.geog, ST_SetSRID(ST_MakePoint(@clon, @clat), 4326)::geography, @rayon_m)
        """;
}
