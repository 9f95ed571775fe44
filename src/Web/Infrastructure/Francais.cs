using System.Globalization;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>How the pages write numbers for people (fr-FR).</summary>
public static class Francais
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A distance: « 350 m », « 1,5 km », « 27 km ».</summary>
    public static string Distance(double metres) => metres < 1000
        ? $"{metres.ToString("0", Culture)} m"
        : $"{(metres / 1000).ToString(metres < 10_000 ? "0.0" : "0", Culture)} km";
}
