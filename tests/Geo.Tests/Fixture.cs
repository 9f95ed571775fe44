using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Geo.Tests;

/// <summary>Reads a fixture file under Fixtures/ with a reader.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<List<ReadItem>> ReadAsync(ILieuReader reader, string name)
    {
        await using var stream = File.OpenRead(Path(name));
        return await ReadAsync(reader, stream);
    }

    public static async Task<List<ReadItem>> ReadAsync(ILieuReader reader, Stream stream)
    {
        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(stream)) items.Add(item);
        return items;
    }

    public static List<LieuRecord> Records(this List<ReadItem> items) => items.Where(i => i.Record is not null).Select(i => i.Record!).ToList();

    public static List<(long Line, string? Field)> Errors(this List<ReadItem> items) =>
        items.Where(i => i.Error is not null).Select(i => (i.Error!.Line, i.Error.Field)).ToList();

    public static List<RowError> Warnings(this List<ReadItem> items) => items.SelectMany(i => i.Warnings).ToList();
}
