using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Sources;

/// <summary>
/// A registered source of places (<c>data/sources.json</c>): what a user needs to cite it — its title, producer,
/// licence and the date of its data — where it is published, and how the portal reads its bundled snapshot.
/// </summary>
public sealed record Source
{
    /// <summary>The key places are stored under (<c>lieux.source</c>); never shown to people in place of the title.</summary>
    [JsonPropertyName("cle")] public required string Cle { get; init; }

    [JsonPropertyName("titre")] public required string Titre { get; init; }

    [JsonPropertyName("producteur")] public required string Producteur { get; init; }

    [JsonPropertyName("licence")] public required string Licence { get; init; }

    /// <summary>Date of the data (of the snapshot as published), ISO 8601 to the day (2024-08-01) or the month (2019-06).</summary>
    [JsonPropertyName("date")] public required string Date { get; init; }

    /// <summary>The page that publishes it (data.gouv.fr, the producer's repository).</summary>
    [JsonPropertyName("page")] public string? Page { get; init; }

    /// <summary>The file to download to refresh it, when the producer publishes one at a stable address.</summary>
    [JsonPropertyName("telechargement")] public string? Telechargement { get; init; }

    /// <summary>The import format of its file (<c>scripts/openfabriques formats</c>).</summary>
    [JsonPropertyName("format")] public required string Format { get; init; }

    /// <summary>The bundled snapshot, relative to the registry's folder.</summary>
    [JsonPropertyName("fichier")] public required string Fichier { get; init; }

    /// <summary>The bundled snapshot's full path (set when the registry is read).</summary>
    [JsonIgnore] public string Chemin { get; init; } = "";

    /// <summary>What was removed from the published file before it was committed (personal data), if anything.</summary>
    [JsonPropertyName("retire")] public string? Retire { get; init; }

    /// <summary>« Title — producer, données de juin 2019 »: how every page, export and receipt names it.</summary>
    public string Citation => $"{Titre} — {Producteur}, données {DateTexte}";

    /// <summary>The import format of its file, resolved when the registry is read.</summary>
    [JsonIgnore] public SourceFormats.Entry Lecture { get; init; } = null!;

    /// <summary>The date as a day (the first of the month when only the month is known); null when <see cref="Date"/> is neither.</summary>
    public DateOnly? Jour => Parse(Date)?.Jour;

    /// <summary>The date in words: « du 1 août 2024 », « de juin 2019 ».</summary>
    public string DateTexte => Parse(Date) switch
    {
        { Mois: false } d => "du " + d.Jour.ToString("d MMMM yyyy", Fr),
        { } m => Elision(m.Jour.ToString("MMMM yyyy", Fr)),
        null => Date,
    };

    private static (DateOnly Jour, bool Mois)? Parse(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (day, false)
        : DateOnly.TryParseExact(date, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? (month, true)
        : null;

    private static string Elision(string mois) => "aeiou".Contains(mois[0], StringComparison.Ordinal) ? "d'" + mois : "de " + mois;

    internal static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
}

/// <summary>The registry of sources, read once from <c>data/sources.json</c>; a key it does not hold still has a name.</summary>
public sealed class SourceRegistry
{
    private readonly Dictionary<string, Source> byKey;

    public SourceRegistry(IReadOnlyList<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        All = sources;
        byKey = sources.ToDictionary(s => s.Cle, StringComparer.Ordinal);
    }

    /// <summary>Every registered source, in the order of the file (the order the default dataset loads them).</summary>
    public IReadOnlyList<Source> All { get; }

    public Source? Find(string? key) => key is not null && byKey.TryGetValue(key, out var s) ? s : null;

    /// <summary>How people read a source's name: its citation when registered, else the key as imported.</summary>
    public string Citation(string key) => Find(key)?.Citation ?? key;

    /// <summary>A source's title when registered, else its key.</summary>
    public string Titre(string key) => Find(key)?.Titre ?? key;

    public static SourceRegistry Load(string path)
    {
        using var file = File.OpenRead(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sources = (JsonSerializer.Deserialize<List<Source>>(file) ?? throw new InvalidDataException($"{path} : liste de sources attendue"))
            .Select(s => s with { Chemin = Path.GetFullPath(Path.Combine(folder, s.Fichier)) })
            .ToList();
        var badFormat = sources.FirstOrDefault(s => SourceFormats.Find(s.Format) is null);
        if (badFormat is not null) throw new InvalidDataException($"{path} : format inconnu « {badFormat.Format} » pour « {badFormat.Cle} »");
        sources = sources.Select(s => s with { Lecture = SourceFormats.Find(s.Format)! }).ToList();
        var badDate = sources.FirstOrDefault(s => s.Jour is null);
        if (badDate is not null) throw new InvalidDataException($"{path} : date « {badDate.Date} » de la source « {badDate.Cle} » (attendu AAAA-MM-JJ ou AAAA-MM)");
        var badLink = sources.FirstOrDefault(s => !FieldRules.IsWebLink(s.Page) || !FieldRules.IsWebLink(s.Telechargement));
        if (badLink is not null) throw new InvalidDataException($"{path} : la page et le téléchargement de « {badLink.Cle} » sont des URL http(s)");
        var twice = sources.GroupBy(s => s.Cle, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidDataException($"{path} : la source « {twice.Key} » est enregistrée deux fois");
        return new SourceRegistry(sources);
    }
}

public static class SourcesExtensions
{
    /// <summary>The registry of sources, from the data folder's <c>sources.json</c>.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddSingleton(sp => SourceRegistry.Load(sp.GetRequiredService<IOptions<PortalOptions>>().Value.DataPath(sp.GetRequiredService<IOptions<PortalOptions>>().Value.SourcesFile)));
        services.AddSingleton<SourcesChargees>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
