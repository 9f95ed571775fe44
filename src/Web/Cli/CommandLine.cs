using Microsoft.Extensions.Options;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// The command-line verbs (import, validate, formats, generate), run by the same program as the
/// portal with the same configuration and services: <c>scripts/openfabriques &lt;verb&gt; …</c>.
/// </summary>
public static class CommandLine
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "import", "validate", "formats", "generate", "help", "--help",
    };

    public const string Usage = """
        usage : openfabriques <verbe> [options]

          import   --format <nom> <fichier-ou-url> [--source <clé>] [--prune] [--strict] [--report <f.csv>]
                   charge un fichier dans la base (une seule transaction : tout ou rien)
          validate --format <nom> <fichier-ou-url> [--report <f.csv>]
                   lit et signale les lignes rejetées, n'écrit rien
          formats  liste les formats lus
          generate --count <N> [--seed <S>] --out <f.csv>
                   écrit N lieux synthétiques au format « openfabriques »

        Codes de sortie : 0 réussi ; 1 rien d'importé, ou fichier refusé (--strict), ou lignes rejetées (validate) ;
        2 commande incomprise ; 3 source illisible ou injoignable.
        """;

    /// <summary>Runs a verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        try
        {
            switch (args[0])
            {
                case "formats":
                    foreach (var f in SourceFormats.All) await output.WriteLineAsync($"{f.Name,-24}{f.Description}");
                    return 0;
                case "generate":
                    return await GenerateVerb.RunAsync(args[1..], output, BuildHost(settings).Services.GetRequiredService<IOptions<PortalOptions>>().Value, cancellationToken);
                case "import":
                case "validate":
                    using (var host = BuildHost(settings))
                        return await ImportVerb.RunAsync(args[0], args[1..], host.Services, output, errors, cancellationToken);
                default:
                    await output.WriteLineAsync(Usage);
                    return 0;
            }
        }
        catch (UsageException e)
        {
            await errors.WriteLineAsync($"erreur : {e.Message}\n\n{Usage}");
            return 2;
        }
        catch (Exception e) when (e is FetchException or SourceFormatException or System.Text.Json.JsonException or IOException)
        {
            await errors.WriteLineAsync($"erreur : {e.Message}");
            return 3;
        }
    }

    private static IHost BuildHost(IDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortalStore();
        return builder.Build();
    }
}
