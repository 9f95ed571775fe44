using System.Text;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Generation;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Cli;

/// <summary><c>generate --count N [--seed S] --out f.csv</c>: synthetic places in the portal's CSV format.</summary>
public static class GenerateVerb
{
    public static async Task<int> RunAsync(string[] words, TextWriter output, PortalOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = Arguments.Parse(words, ["--count", "--seed", "--out"], []);
        if (args.Positional is { } extra) throw new UsageException($"argument en trop : {extra}");
        var count = args.Number("--count", 0, 1, 50_000_000);
        if (count == 0) throw new UsageException("--count est obligatoire");
        var seed = args.Number("--seed", 1, 0, int.MaxValue);
        var path = args.Required("--out");

        SyntheticPlaces generator;
        await using (var departements = File.OpenRead(options.DataPath("departements.geojson")))
            generator = new SyntheticPlaces(departements);
        await using (var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        await using (var csv = new LieuCsvWriter(file))
        {
            await csv.WriteHeaderAsync();
            foreach (var lieu in generator.Generate(count, seed))
            {
                ct.ThrowIfCancellationRequested();
                await csv.WriteAsync(lieu, null, SyntheticPlaces.Source);
            }
        }
        await output.WriteLineAsync($"{count} lieux synthétiques (graine {seed}) écrits dans {path}");
        return 0;
    }
}
