using System.Globalization;
using CsvHelper;

namespace OpenFabriques.Web.Tests;

/// <summary>What several tests do the way a reader of the exports would.</summary>
internal static class Outils
{
    /// <summary>Downloads a CSV export: one dictionary per row, by column name.</summary>
    public static async Task<List<Dictionary<string, string>>> CsvAsync(this HttpClient client, string url)
    {
        using var reader = new StringReader(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    /// <summary>The great-circle distance in metres on the sphere of the Earth's mean radius.</summary>
    public static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        const double r = 6_371_008.8;
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * r * Math.Asin(Math.Sqrt(a));
    }
}
