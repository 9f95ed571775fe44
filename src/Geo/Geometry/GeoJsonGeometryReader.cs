using System.Text.Json;
using NetTopologySuite.Geometries;

namespace OpenFabriques.Geo.Geometry;

/// <summary>Reads GeoJSON Polygon and MultiPolygon geometries (RFC 7946, lon/lat) into NetTopologySuite.</summary>
public static class GeoJsonGeometryReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The polygonal geometry of a GeoJSON geometry object.</summary>
    /// <exception cref="FormatException">Not a Polygon or MultiPolygon.</exception>
    public static MultiPolygon ReadPolygonal(JsonElement geometry)
    {
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        return type switch
        {
            "Polygon" => Factory.CreateMultiPolygon([Polygon(coordinates)]),
            "MultiPolygon" => Factory.CreateMultiPolygon(coordinates.EnumerateArray().Select(Polygon).ToArray()),
            _ => throw new FormatException($"géométrie {type} : attendu Polygon ou MultiPolygon"),
        };
    }

    private static Polygon Polygon(JsonElement rings)
    {
        var linear = rings.EnumerateArray()
            .Select(r => Factory.CreateLinearRing(r.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray()))
            .ToArray();
        return Factory.CreatePolygon(linear[0], linear[1..]);
    }
}
