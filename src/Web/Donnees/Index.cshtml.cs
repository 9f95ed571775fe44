using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Taxonomy;
using OpenFabriques.Web.Lieux;
using OpenFabriques.Web.Sources;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Donnees;

/// <summary>The dataset page: what the data is, its licence and sources, downloads for the chosen filters, the data dictionary.</summary>
public sealed class IndexModel(NpgsqlDataSource db, PortalDb store, SourceRegistry registry) : PageModel
{
    public LieuFilter Filter { get; private set; } = new();
    public string? FilterError { get; private set; }
    public string Query { get; private set; } = "";
    public long Lieux { get; private set; }
    public long LieuxServices { get; private set; }
    /// <summary>A source as the page lists it: the registered one (null when a user imported a file of their own), its places, its last import.</summary>
    public sealed record SourceLigne(string Cle, Source? Enregistree, string Citation, long Lieux, DateTimeOffset? Import, string? Format);

    /// <summary>The registered sources first, in the registry's order, then any other source a user imported.</summary>
    public IReadOnlyList<SourceLigne> Sources { get; private set; } = [];
    public IReadOnlyList<Departement> Departements { get; private set; } = [];

    /// <summary>The labels of the stored places with their counts: the national programmes first, in the catalog's order.</summary>
    public IReadOnlyList<(string Label, long Lieux)> Labels { get; private set; } = [];
    public static IReadOnlyList<LieuColumns.Column> Dictionnaire => LieuColumns.Lieux;
    public static IReadOnlyList<LieuColumns.Column> DictionnaireServices => LieuColumns.LieuxServices;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departements = await store.DepartementsSansContours().ToListAsync(ct);
        var parsed = LieuFilter.Parse(Request.Query);
        if (parsed.Filter is null)
        {
            FilterError = $"Le filtre « {parsed.Parameter} » est invalide : {parsed.Error}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Filter = parsed.Filter ?? new LieuFilter();
        Query = Filter.ToQueryString();

        var (where, parameters) = Filter.ToSql();
        await using (var cmd = db.CreateCommand(LieuFilter.Into(DonneesSql.Counts, where)))
        {
            parameters(cmd.Parameters);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (Lieux, LieuxServices) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var stored = new Dictionary<string, (long Lieux, DateTimeOffset? Import, string? Format)>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand(DonneesSql.Sources))
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        var labels = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand(DonneesSql.Labels))
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) labels[reader.GetString(0)] = reader.GetInt64(1);
        }
        Labels = LabelCatalog.All.Select(l => (l.Slug, labels.GetValueOrDefault(l.Slug)))
            .Concat(labels.Where(x => LabelCatalog.Find(x.Key) is null).Select(x => (x.Key, x.Value)))
            .ToList();
        SourceLigne Ligne(string key) => stored.TryGetValue(key, out var x)
            ? new(key, registry.Find(key), registry.Citation(key), x.Lieux, x.Import, x.Format)
            : new(key, registry.Find(key), registry.Citation(key), 0, null, null);
        Sources = registry.All.Select(r => Ligne(r.Cle))
            .Concat(stored.Keys.Where(k => registry.Find(k) is null).Order(StringComparer.Ordinal).Select(Ligne))
            .ToList();
    }

    /// <summary>A link to a file or receipt with the current filters.</summary>
    public string Link(string path, bool excel = false)
    {
        var q = Query;
        if (excel) q += (q.Length == 0 ? "?" : "&") + "excel=1";
        return path + q;
    }

    public string Receipt(string file, bool excel = false) =>
        "/exports/manifest.json?fichier=" + file + (Query.Length > 0 ? "&" + Query[1..] : "") + (excel ? "&excel=1" : "");
}
