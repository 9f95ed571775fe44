using System.Globalization;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Sources;
using OpenFabriques.Web.Startup;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// <c>sync</c>: refreshes every registered source (<c>data/sources.json</c>), or those named, from its producer's file
/// when the network answers, from the snapshot bundled with the portal when it does not (one plain sentence says so),
/// and withdraws the places a source no longer lists (as <c>import --prune</c>, so only when no row is rejected).
/// </summary>
public static class SyncVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> keys, bool offline, IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var registry = services.GetRequiredService<SourceRegistry>();
        var unknown = keys.Where(k => registry.Find(k) is null).ToList();
        if (unknown.Count > 0)
        {
            await errors.WriteLineAsync($"source(s) inconnue(s) : {string.Join(", ", unknown)} ; sources enregistrées : {string.Join(", ", registry.All.Select(s => s.Cle))}");
            return 2;
        }
        var sources = keys.Count == 0 ? registry.All : registry.All.Where(s => keys.Contains(s.Cle, StringComparer.Ordinal)).ToList();

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct, loadDefaultDataset: false);
        var loader = services.GetRequiredService<LieuxLoader>();
        var interactive = !Console.IsErrorRedirected && ReferenceEquals(errors, Console.Error);
        var code = 0;
        foreach (var source in sources)
        {
            var format = source.Lecture;
            await output.WriteLineAsync($"{source.Titre} ({source.Producteur})");
            var (path, temporary, location) = (source.Chemin, false, source.Chemin);
            if (source.Telechargement is { } url && !offline)
            {
                try
                {
                    (path, temporary) = await SourceFetcher.FetchAsync(url, errors, interactive, ct);
                    location = url;
                }
                catch (FetchException e)
                {
                    await output.WriteLineAsync($"  {e.Message.TrimEnd('.')} : la copie livrée avec le portail (données {source.DateTexte}) est chargée à la place.");
                }
            }
            else if (source.Telechargement is null)
            {
                await output.WriteLineAsync($"  le producteur ne publie pas de fichier à une adresse stable : la copie livrée avec le portail (données {source.DateTexte}) est chargée.");
            }
            if (!File.Exists(path))
            {
                await errors.WriteLineAsync($"erreur : la copie de « {source.Titre} » est introuvable ({path})");
                code = 3;
                continue;
            }
            try
            {
                var report = await ProgressDisplay.RunAsync(errors, interactive, progress =>
                    loader.ImportFileAsync(path, format.Reader(), source.Cle, ct, new LoadOptions { Prune = true, Progress = progress, DateDonnees = location == source.Chemin ? source.Jour : null }, location));
                await ImportVerb.PrintAsync(output, report, import: true, location, format.Name);
                if (report.RefusedBecause is not null) code = Math.Max(code, 1);
            }
            finally
            {
                if (temporary) File.Delete(path);
            }
        }
        await output.WriteLineAsync(string.Format(CultureInfo.GetCultureInfo("fr-FR"), "{0} source(s) synchronisée(s)", sources.Count));
        return code;
    }
}
