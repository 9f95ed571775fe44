using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace OpenFabriques.Geo.Geometry;

/// <summary>Reads GeoJSON geometries (RFC 7946, lon/lat, SRID 4326) into NetTopologySuite, with GeoJSON4STJ.</summary>
public static class GeoJsonGeometryReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    /// <summary>Any GeoJSON geometry object.</summary>
    /// <exception cref="JsonException">Not a GeoJSON geometry.</exception>
    public static NetTopologySuite.Geometries.Geometry Read(JsonElement geometry) =>
        geometry.Deserialize<NetTopologySuite.Geometries.Geometry>(Options) ?? throw new JsonException("géométrie absente");

    /// <summary>The polygonal geometry of a GeoJSON geometry object, as a MultiPolygon.</summary>
    /// <exception cref="FormatException">Not a Polygon or MultiPolygon.</exception>
    public static MultiPolygon ReadPolygonal(JsonElement geometry) => Polygonal(Read(geometry));

    /// <summary>A Polygon or MultiPolygon as a MultiPolygon (SRID 4326).</summary>
    /// <exception cref="FormatException">Not a Polygon or MultiPolygon.</exception>
    public static MultiPolygon Polygonal(NetTopologySuite.Geometries.Geometry geometry) => geometry switch
    {
        MultiPolygon multi => multi,
        Polygon polygon => Factory.CreateMultiPolygon([polygon]),
        var other => throw new FormatException($"géométrie {other.GeometryType} : attendu Polygon ou MultiPolygon"),
    };
}
