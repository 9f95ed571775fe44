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

    /// <summary>A distance in kilometres with one decimal: « 10,2 km » (beside a threshold, « 10 km » would be ambiguous).</summary>
    public static string Kilometres(double metres) => $"{(metres / 1000).ToString("0.0", Culture)} km";

    /// <summary>A range of distances: « 10,2 km », or « 10,2 à 14,8 km ».</summary>
    public static string Kilometres(double min, double max) =>
        Kilometres(min) == Kilometres(max) ? Kilometres(min) : $"{(min / 1000).ToString("0.0", Culture)} à {Kilometres(max)}";

    /// <summary>A share (0–100): « 12,3 % »; « n. d. » when unknown.</summary>
    public static string Pourcent(double? part) => part is { } p ? p.ToString("0.0", Culture) + "\u00a0%" : "n. d.";
}
