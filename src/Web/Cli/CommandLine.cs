using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Startup;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// The command-line verbs (import, validate, sync, doublons, distances, formats, generate), run by the same program as the portal with
/// the same configuration and services: <c>scripts/openfabriques &lt;verbe&gt; …</c>. Parsed by
/// System.CommandLine: typed options, <c>--help</c> for each verb with examples, suggestions for a mistyped verb.
/// Exit codes: 0 done; 1 nothing imported, file refused (--strict) or rows rejected (validate); 2 command not
/// understood; 3 source unreadable or unreachable.
/// </summary>
public static class CommandLine
{
    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether the program's arguments are a command (a verb, mistyped or not, or a help request) rather than
    /// the portal's own settings (<c>--urls …</c>, <c>key=value</c>).
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && (HelpWords.Contains(args[0]) || !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal));
    }

    /// <summary>Runs a verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR"); // System.CommandLine's own messages
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];

        var root = Root(settings);
        var result = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false };
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) await errors.WriteLineAsync(error.Message);
            var command = result.CommandResult.Command;
            if (command is RootCommand && result.UnmatchedTokens is [var word, ..] && Closest(word, root.Subcommands.Select(c => c.Name)) is { } verb)
                await errors.WriteLineAsync($"Vouliez-vous dire « {verb} » ?");
            await errors.WriteLineAsync($"Aide : openfabriques {(command is RootCommand ? "" : command.Name + " ")}--help");
            return 2;
        }
        try
        {
            return await result.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is FetchException or SourceFormatException or System.Text.Json.JsonException or IOException)
        {
            await errors.WriteLineAsync($"erreur : {e.Message}");
            return 3;
        }
    }

    /// <summary>The verb nearest to a mistyped word (at most two letters changed, added or removed).</summary>
    private static string? Closest(string word, IEnumerable<string> verbs)
    {
        static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }
        return verbs.Select(v => (Verb: v, Distance: Distance(word.ToLowerInvariant(), v))).Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance).Select(x => x.Verb).FirstOrDefault();
    }

    private static RootCommand Root(IDictionary<string, string?>? settings)
    {
        var root = new RootCommand("""
            OpenFabriques en ligne de commande : importer des lieux dans la base du portail, valider un fichier,
            rafraîchir les sources enregistrées, relire les fiches réunies, calculer les distances aux lieux, lister les formats lus, produire des lieux synthétiques.
            Codes de sortie : 0 réussi ; 1 rien d'importé, fichier refusé (--strict) ou lignes rejetées (validate) ;
            2 commande incomprise ; 3 source illisible ou injoignable.
            """);
        root.Subcommands.Add(Import(settings, import: true));
        root.Subcommands.Add(Import(settings, import: false));
        root.Subcommands.Add(Sync(settings));
        root.Subcommands.Add(Doublons(settings));
        root.Subcommands.Add(Distances(settings));
        root.Subcommands.Add(Formats());
        root.Subcommands.Add(Generate(settings));
        return root;
    }

    private static Command Import(IDictionary<string, string?>? settings, bool import)
    {
        var format = new Option<string>("--format")
        {
            Description = $"Format du fichier : {string.Join(", ", SourceFormats.All.Select(f => f.Name))} (voir « formats »).",
            Required = true,
            HelpName = "nom",
        };
        format.CompletionSources.Add(SourceFormats.All.Select(f => f.Name).ToArray());
        format.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (SourceFormats.Find(name) is null)
                r.AddError($"format inconnu « {name} » ; formats lus : {string.Join(", ", SourceFormats.All.Select(f => f.Name))}");
        });
        var location = new Argument<string>("fichier-ou-url") { Description = "Chemin d'un fichier, ou URL http(s) à télécharger d'abord." };
        var report = new Option<string?>("--report") { Description = "Écrit toutes les lignes rejetées et les avertissements dans ce fichier CSV.", HelpName = "rejets.csv" };
        var command = new Command(import ? "import" : "validate", import
            ? """
              Charge un fichier dans la base, en une seule transaction : tout ou rien.
              Exemples :
                openfabriques import --format lmn lieux-mediation-numerique.csv
                openfabriques import --format france-services https://exemple.fr/liste-fs.csv --source france-services --prune
                openfabriques import --format anct-tiers-lieux-2019 tiers-lieux-2019.csv --strict --report rejets.csv
              """
            : """
              Lit un fichier et signale les lignes rejetées, sans rien écrire dans la base.
              Exemple :
                openfabriques validate --format lmn lieux.json --report rejets.csv
              """)
        {
            format, location, report,
        };
        var source = new Option<string?>("--source") { Description = "Clé de la source des lieux (par défaut : le nom du format).", HelpName = "clé" };
        source.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } key && !System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9][a-z0-9_-]{0,62}$"))
                r.AddError($"--source attend une clé en minuscules, chiffres, - ou _ (« {key} » ne convient pas)");
        });
        var prune = new Option<bool>("--prune") { Description = "Retire les lieux de cette source que le fichier ne contient plus (si aucune ligne n'est rejetée)." };
        var strict = new Option<bool>("--strict") { Description = "Refuse tout le fichier si une ligne est rejetée." };
        if (import)
        {
            command.Options.Add(source);
            command.Options.Add(prune);
            command.Options.Add(strict);
        }
        command.SetAction(async (parse, ct) =>
        {
            var arguments = new ImportArguments(import, SourceFormats.Find(parse.GetRequiredValue(format))!, parse.GetRequiredValue(location),
                import ? parse.GetValue(source) : null, import && parse.GetValue(prune), import && parse.GetValue(strict), parse.GetValue(report));
            using var host = BuildHost(settings);
            return await ImportVerb.RunAsync(arguments, host.Services, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static Command Sync(IDictionary<string, string?>? settings)
    {
        var keys = new Argument<string[]>("source") { Description = "Clés des sources à rafraîchir (toutes par défaut).", Arity = ArgumentArity.ZeroOrMore };
        var offline = new Option<bool>("--hors-ligne") { Description = "Ne télécharge rien : charge les copies livrées avec le portail." };
        var command = new Command("sync", """
            Rafraîchit les sources enregistrées (data/sources.json) depuis le fichier de leur producteur, ou, sans réseau,
            depuis la copie livrée avec le portail ; retire les lieux qu'une source ne publie plus (si aucune ligne n'est rejetée).
            Exemples :
              openfabriques sync
              openfabriques sync france-services
              openfabriques sync --hors-ligne
            """)
        {
            keys, offline,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(settings);
            return await SyncVerb.RunAsync(parse.GetValue(keys) ?? [], parse.GetValue(offline), host.Services,
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static Command Doublons(IDictionary<string, string?>? settings)
    {
        var output = new Option<string?>("--out") { Description = "Fichier CSV à écrire (sinon la sortie standard).", HelpName = "doublons.csv" };
        var command = new Command("doublons", """
            Écrit les fiches de sources différentes réunies en un même lieu : les deux fiches, la règle (nom, adresse, liste),
            la distance et la ressemblance des noms, pour les relire et corriger data/fusions.csv.
            Exemple :
              openfabriques doublons --out doublons.csv
            """)
        {
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(settings);
            return await DoublonsVerb.RunAsync(parse.GetValue(output), host.Services, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static Command Distances(IDictionary<string, string?>? settings)
    {
        var complet = new Option<bool>("--complet") { Description = "Tout recalculer, même quand peu de lieux ont changé depuis le dernier calcul." };
        var command = new Command("distances", """
            Calcule les distances des communes aux lieux (page /couverture) : autour des lieux changés depuis le dernier
            calcul quand ils sont peu nombreux, sinon tout. Les imports le font d'eux-mêmes ; utile après une interruption.
            Exemples :
              openfabriques distances
              openfabriques distances --complet
            """)
        {
            complet,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(settings);
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct, loadDefaultDataset: false);
            var calcul = await host.Services.GetRequiredService<CouvertureDistances>().RecalculerAsync(ct, complet: parse.GetValue(complet));
            await parse.InvocationConfiguration.Output.WriteLineAsync(calcul is null ? "rien à recalculer" : $"distances recalculées {calcul.Resume()}");
            return 0;
        });
        return command;
    }

    private static Command Formats()
    {
        var command = new Command("formats", "Liste les formats que « import » et « validate » savent lire.");
        command.SetAction(async (parse, _) =>
        {
            foreach (var f in SourceFormats.All) await parse.InvocationConfiguration.Output.WriteLineAsync($"{f.Name,-24}{f.Description}");
            return 0;
        });
        return command;
    }

    private static Command Generate(IDictionary<string, string?>? settings)
    {
        var count = Count("--count", 1, 50_000_000, "Nombre de lieux à produire.");
        count.Required = true;
        var seed = Count("--seed", 0, int.MaxValue, "Graine du hasard : la même graine donne les mêmes lieux (1 par défaut).");
        seed.DefaultValueFactory = _ => 1;
        var output = new Option<string>("--out") { Description = "Fichier CSV à écrire (format « openfabriques »).", Required = true, HelpName = "fichier.csv" };
        var command = new Command("generate", """
            Écrit des lieux synthétiques au format « openfabriques », placés dans les contours réels des départements.
            Exemple :
              openfabriques generate --count 100000 --seed 1 --out synthetique.csv
            """)
        {
            count, seed, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(settings);
            var options = host.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
            return await GenerateVerb.RunAsync(parse.GetValue(count), parse.GetValue(seed), parse.GetRequiredValue(output),
                parse.InvocationConfiguration.Output, options, ct);
        });
        return command;
    }

    /// <summary>A whole-number option within bounds, whose error says so in words.</summary>
    private static Option<int> Count(string name, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            r.AddError($"{name} attend un nombre entier entre {min.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} et {max.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))}, pas « {text} »");
            return 0;
        },
    };

    private static IHost BuildHost(IDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortalServices();
        return builder.Build();
    }
}
