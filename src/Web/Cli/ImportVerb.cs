using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Model;
using OpenFabriques.Web.Import;
using OpenFabriques.Web.Startup;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Cli;

/// <summary>What <c>import</c> and <c>validate</c> were asked, as parsed by <see cref="CommandLine"/>.</summary>
public sealed record ImportArguments(bool Import, SourceFormats.Entry Format, string Location, string? Source, bool Prune, bool Strict, string? Report);

/// <summary><c>import</c> and <c>validate</c>: read a source file or URL in a named format, report, and (import) load it.</summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(ImportArguments args, IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        var (import, format, location) = (args.Import, args.Format, args.Location);
        var source = args.Source ?? format.DefaultSource;

        var interactive = !Console.IsErrorRedirected && ReferenceEquals(errors, Console.Error);
        var (path, temporary) = await SourceFetcher.FetchAsync(location, errors, interactive, ct);
        try
        {
            var report = await ProgressDisplay.RunAsync(errors, interactive, async progress =>
            {
                if (!import) return await ValidateAsync(path, format.Reader(), source, progress, ct);
                var initializer = services.GetRequiredService<DatabaseInitializer>();
                await initializer.InitializeAsync(ct, loadDefaultDataset: false);
                var loader = services.GetRequiredService<LieuxLoader>();
                return await loader.ImportFileAsync(path, format.Reader(), source, ct,
                    new LoadOptions { Prune = args.Prune, Strict = args.Strict, Progress = progress }, location);
            });
            await PrintAsync(output, report, import, location, format.Name);
            if (args.Report is { } reportPath) await WriteReportAsync(reportPath, report);
            if (report.RefusedBecause is not null) return 1;
            if (!import) return report.Rejected.Count > 0 ? 1 : 0;
            return report.Loaded == 0 ? 1 : 0;
        }
        finally
        {
            if (temporary) File.Delete(path);
        }
    }

    private static async Task<ImportReport> ValidateAsync(string path, ILieuReader reader, string source, IProgress<long> progress, CancellationToken ct)
    {
        var rejected = new List<RowError>();
        var warnings = new List<RowError>();
        var ids = new Dictionary<(string?, string), long>();
        var read = 0;
        await using var stream = File.OpenRead(path);
        progress.Report(0);
        await foreach (var item in reader.ReadAsync(stream, ct))
        {
            warnings.AddRange(item.Warnings);
            if (item.Error is null && item.Record is null) continue;
            if (++read % 10_000 == 0) progress.Report(read);
            if (item.Error is { } e) rejected.Add(e);
            else if (!ids.TryAdd((item.Record!.Source, item.Record.SourceId), item.Line))
                rejected.Add(new RowError(item.Line, "source_id", $"identifiant « {item.Record.SourceId} » déjà présent ligne {ids[(item.Record.Source, item.Record.SourceId)]}"));
        }
        progress.Report(read);
        return new ImportReport { Source = source, Read = read, Rejected = rejected, Warnings = warnings, Unchanged = read - rejected.Count };
    }

    internal static async Task PrintAsync(TextWriter o, ImportReport r, bool import, string location, string format)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        await o.WriteLineAsync($"{(import ? "import" : "validation")} de {location} (format {format}, source par défaut {r.Source})");
        await o.WriteLineAsync(string.Format(fr, "  lignes lues    {0,10:N0}", r.Read));
        if (import)
        {
            await o.WriteLineAsync(string.Format(fr, "  ajoutés        {0,10:N0}", r.Inserted));
            await o.WriteLineAsync(string.Format(fr, "    dont à un lieu d'une autre source {0,4:N0}", r.Fusionnes));
            await o.WriteLineAsync(string.Format(fr, "  modifiés       {0,10:N0}", r.Updated));
            await o.WriteLineAsync(string.Format(fr, "  inchangés      {0,10:N0}", r.Unchanged));
            await o.WriteLineAsync(string.Format(fr, "  retirés        {0,10:N0}", r.Withdrawn));
        }
        else
        {
            await o.WriteLineAsync(string.Format(fr, "  acceptées      {0,10:N0}", r.Read - r.Rejected.Count));
        }
        await o.WriteLineAsync(string.Format(fr, "  rejetées       {0,10:N0}", r.Rejected.Count));
        await o.WriteLineAsync(string.Format(fr, "  avertissements {0,10:N0}", r.Warnings.Count));
        foreach (var e in r.Rejected.Take(20)) await o.WriteLineAsync($"  rejet ligne {e.Line}{(e.Field is null ? "" : $", {e.Field}")} : {e.Message}");
        if (r.Rejected.Count > 20) await o.WriteLineAsync($"  … et {r.Rejected.Count - 20} autres rejets (--report pour la liste complète)");
        foreach (var w in r.Warnings.Take(10)) await o.WriteLineAsync($"  avertissement ligne {w.Line}{(w.Field is null ? "" : $", {w.Field}")} : {w.Message}");
        if (r.Warnings.Count > 10) await o.WriteLineAsync($"  … et {r.Warnings.Count - 10} autres avertissements (--report pour la liste complète)");
        if (r.PruneSkippedBecause is { } skipped) await o.WriteLineAsync($"  --prune non appliqué : {skipped}");
        if (r.RefusedBecause is { } refused) await o.WriteLineAsync($"  fichier refusé : {refused}");
        else if (import && r.ImportId is { } id)
            await o.WriteLineAsync(string.Format(fr, "  import n° {0} enregistré en {1:0.0} s", id, r.Duree?.TotalSeconds ?? 0));
        if (r.Distances is { } d) await o.WriteLineAsync($"  distances aux lieux recalculées {d.Resume()}");
        if (r.DistancesNonCalculees is { } pourquoi)
            await o.WriteLineAsync($"  distances aux lieux non recalculées ({pourquoi}) : le portail les recalculera");
    }

    private static async Task WriteReportAsync(string path, ImportReport r)
    {
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        await using var csv = new CsvHelper.CsvWriter(file, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "ligne", "champ", "gravite", "message" }) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var (e, gravity) in r.Rejected.Select(e => (e, "rejet")).Concat(r.Warnings.Select(w => (w, "avertissement"))).OrderBy(x => x.Item1.Line))
        {
            csv.WriteField(e.Line);
            csv.WriteField(e.Field ?? "");
            csv.WriteField(gravity);
            csv.WriteField(e.Message);
            await csv.NextRecordAsync();
        }
    }
}
