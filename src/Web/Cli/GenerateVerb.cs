using System.Text;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Generation;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Cli;

/// <summary><c>generate --count N [--seed S] --out f.csv</c>: synthetic places in the portal's CSV format.</summary>
public static class GenerateVerb
{
    public static async Task<int> RunAsync(int count, int seed, string path, TextWriter output, PortalOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

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
