using NetTopologySuite.Geometries;

namespace OpenFabriques.Geo.Geometry;

/// <summary>What a point says about where it is, checked against France's territory.</summary>
public enum PositionPoint
{
    /// <summary>On French territory (in one of its boxes).</summary>
    EnFrance,

    /// <summary>(0, 0), « null island »: a placeholder a source wrote for a missing point.</summary>
    IleNulle,

    /// <summary>Outside France, but on French territory once latitude and longitude are swapped.</summary>
    Inverse,

    /// <summary>Outside France, swapped or not.</summary>
    HorsDeFrance,
}

/// <summary>
/// France's territory as NetTopologySuite envelopes in longitude/latitude (WGS 84): metropolitan France with Corsica,
/// the five overseas départements and the overseas collectivities, each box a little larger than the land it holds.
/// A coarse first check, made while reading; the loader then checks each point against its département's outline.
/// </summary>
public static class Territoire
{
    private static readonly (string Nom, Envelope Boite)[] Boites =
    [
        ("France métropolitaine", new Envelope(-5.6, 9.9, 41.2, 51.2)),
        ("Guadeloupe", new Envelope(-61.9, -60.9, 15.8, 16.6)),
        ("Martinique", new Envelope(-61.3, -60.7, 14.3, 14.95)),
        ("Guyane", new Envelope(-54.7, -51.5, 2.0, 6.0)),
        ("La Réunion", new Envelope(55.1, 56.0, -21.5, -20.8)),
        ("Mayotte", new Envelope(44.9, 45.4, -13.1, -12.5)),
        ("Saint-Pierre-et-Miquelon", new Envelope(-56.5, -56.1, 46.7, 47.2)),
        ("Saint-Martin et Saint-Barthélemy", new Envelope(-63.2, -62.7, 17.8, 18.2)),
        ("Wallis-et-Futuna", new Envelope(-178.3, -176.0, -14.5, -13.1)),
        ("Polynésie française", new Envelope(-155.0, -134.0, -28.0, -7.0)),
        ("Nouvelle-Calédonie", new Envelope(163.5, 168.2, -22.8, -19.5)),
    ];

    /// <summary>The name of the part of France whose box holds the point, or null.</summary>
    public static string? Partie(double longitude, double latitude)
    {
        var c = new Coordinate(longitude, latitude);
        foreach (var (nom, boite) in Boites)
            if (boite.Covers(c)) return nom;
        return null;
    }

    /// <summary>Where a point lies: in France, at (0, 0), in France once swapped, or outside.</summary>
    public static PositionPoint Position(double longitude, double latitude)
    {
        if (longitude == 0 && latitude == 0) return PositionPoint.IleNulle;
        if (Partie(longitude, latitude) is not null) return PositionPoint.EnFrance;
        return Math.Abs(longitude) <= 90 && Partie(latitude, longitude) is not null ? PositionPoint.Inverse : PositionPoint.HorsDeFrance;
    }
}
