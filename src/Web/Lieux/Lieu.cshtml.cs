using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Sources;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Lieux;

/// <summary>A place page, rendered on the server: what a resident needs, and schema.org data for search engines.</summary>
public sealed class LieuModel(NpgsqlDataSource db, PortalDb store, IOptions<PortalOptions> options, SourceRegistry registry) : PageModel
{
    /// <summary>The registered source of the place, when it is one (its title, producer, date and page).</summary>
    public Source? SourceEnregistree { get; private set; }

    /// <summary>How the page names the source: its citation, never its key alone.</summary>
    public string SourceCitation { get; private set; } = "";

    public sealed record Lieu(long Id, string Source, string SourceId, string Nom, string? Adresse, string? CodePostal, string? CodeInsee,
        string? Commune, string? Departement, string? DepartementNom, double? Lon, double? Lat, string? SiteWeb, string? Telephone,
        string? Horaires, string? Typologie, string[] Labels, string? Description, DateOnly? DateMaj, DateTimeOffset ImportedAt,
        bool PositionApproximative);

    public Lieu Place { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Libelle, string Groupe, string Source)> Services { get; private set; } = [];

    /// <summary>A source's record of this place: who says it, under which id, of when, and why it was joined to the others.</summary>
    public sealed record FicheSource(string Citation, string? Page, string SourceId, string Nom, DateOnly? DateMaj, string? Regle, double? DistanceM);

    /// <summary>Where the place's fields come from when several sources describe it: « le téléphone d'après … ».</summary>
    public IReadOnlyList<string> Provenance { get; private set; } = [];

    private static readonly (string Champ, string Libelle)[] Champs =
    [
        ("nom", "le nom et l'adresse"), ("point", "la position"), ("site_web", "le site web"), ("telephone", "le téléphone"),
        ("horaires", "les horaires"), ("description", "la présentation"),
    ];

    /// <summary>Every record of the place, the one its name and address come from first.</summary>
    public IReadOnlyList<FicheSource> Fiches { get; private set; } = [];
    public IReadOnlyList<(long Id, string Nom, string? Commune, double Distance)> Voisins { get; private set; } = [];
    public string JsonLd { get; private set; } = "{}";
    public string CarteJson { get; private set; } = "{}";
    public string Signalement { get; private set; } = "";

    /// <summary>A stored link shown as a link only when it is http(s), whatever stored it.</summary>
    private static string? Lien(string? url) => Geo.Formats.FieldRules.IsWebLink(url) ? url : null;

    public async Task<IActionResult> OnGetAsync(long id, string? slug, CancellationToken ct)
    {
        string? provenance;
        await using (var cmd = db.CreateCommand(LieuSql.Lieu))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return NotFound();
            string? T(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            Place = new Lieu(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), T(4), T(5), T(6), T(7), T(8), T(9),
                r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDouble(11), Lien(T(12)), T(13), T(14), T(15),
                r.GetFieldValue<string[]>(16), T(17), r.IsDBNull(18) ? null : r.GetFieldValue<DateOnly>(18), r.GetFieldValue<DateTimeOffset>(19), r.GetBoolean(21));
            provenance = T(20);
        }
        var canonical = Slug(Place.Nom);
        if (slug is not null && slug != canonical) return RedirectPermanent($"/lieux/{id}/{canonical}");

        SourceEnregistree = registry.Find(Place.Source);
        SourceCitation = registry.Citation(Place.Source);
        var fiches = await store.Fiches.AsNoTracking().Where(f => f.LieuId == id)
            .OrderBy(f => f.PositionApproximative).ThenByDescending(f => f.DateMaj ?? f.DateDonnees).ThenByDescending(f => f.ImportedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Source, f.SourceId, f.Nom, f.DateMaj, f.FusionRegle, f.FusionDistanceM })
            .ToListAsync(ct);
        Fiches = fiches.Select(f => new FicheSource(registry.Citation(f.Source), registry.Find(f.Source)?.Page, f.SourceId, f.Nom, f.DateMaj,
            f.FusionRegle, f.FusionDistanceM)).ToList();
        if (provenance is not null)
        {
            using var champs = JsonDocument.Parse(provenance);
            Provenance = Champs.Where(c => champs.RootElement.TryGetProperty(c.Champ, out _))
                .Select(c => $"{c.Libelle} d'après {registry.Titre(champs.RootElement.GetProperty(c.Champ).GetString()!)}").ToList();
        }

        var services = await store.LieuxServices.Where(ls => ls.LieuId == id)
            .Join(store.Services, ls => ls.ServiceSlug, s => s.Slug, (ls, s) => new { s.Slug, s.Libelle, s.Groupe, ls.LibelleSource, s.Ordre })
            .OrderBy(x => x.Ordre)
            .ToListAsync(ct);
        Services = services.Select(x => (x.Slug, x.Libelle, x.Groupe, x.LibelleSource)).ToList();
        // The nearest other places: KNN on the geography index (o.geog <-> @ici), distances on the spheroid.
        if (Place.Lon is { } lonIci && Place.Lat is { } latIci)
        {
            var ici = new NetTopologySuite.Geometries.Point(lonIci, latIci) { SRID = 4326 };
            var voisins = await store.Lieux.AsNoTracking()
                .Where(o => o.Id != id && o.Geog != null)
                .OrderBy(o => EF.Functions.DistanceKnn(o.Geog!, ici))
                .Take(5)
                .Select(o => new { o.Id, o.Nom, o.Commune, Distance = o.Geog!.Distance(ici) })
                .ToListAsync(ct);
            Voisins = voisins.Select(v => (v.Id, v.Nom, v.Commune, Math.Round(v.Distance))).ToList();
        }

        JsonLd = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Place",
            ["name"] = Place.Nom,
            ["url"] = $"{Request.Origine()}/lieux/{id}/{canonical}",
            ["address"] = new Dictionary<string, object?>
            {
                ["@type"] = "PostalAddress", ["streetAddress"] = Place.Adresse, ["postalCode"] = Place.CodePostal,
                ["addressLocality"] = Place.Commune, ["addressCountry"] = "FR",
            },
            ["geo"] = Place.Lat is { } lat && !Place.PositionApproximative ? new Dictionary<string, object?> { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = Place.Lon } : null,
            ["telephone"] = Place.Telephone,
            ["sameAs"] = Place.SiteWeb,
            ["description"] = Place.Description,
            ["amenityFeature"] = Services.Select(s => new Dictionary<string, object?> { ["@type"] = "LocationFeatureSpecification", ["name"] = s.Libelle, ["value"] = true }),
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        CarteJson = JsonSerializer.Serialize(new
        {
            tileUrl = options.Value.TileUrl, tileAttribution = options.Value.TileAttribution,
            lat = Place.Lat, lon = Place.Lon, nom = Place.Nom,
            voisins = Voisins.Select(v => new { id = v.Id, nom = v.Nom }),
        });
        var address = options.Value.SignalementEmail;
        var subject = Uri.EscapeDataString($"Erreur sur la fiche {id} : {Place.Nom}");
        var body = Uri.EscapeDataString($"Fiche : {Request.Origine()}/lieux/{id}\nSource : {SourceCitation} (identifiant {Place.SourceId})\n\nCe qui est faux :\n");
        Signalement = string.IsNullOrEmpty(address) ? "/donnees#titre-licence" : $"mailto:{address}?subject={subject}&body={body}";
        return Page();
    }

    /// <summary>The readable part of a place URL: lower case ASCII words joined by hyphens.</summary>
    public static string Slug(string nom)
    {
        ArgumentNullException.ThrowIfNull(nom);
        var sb = new StringBuilder();
        foreach (var ch in nom.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-');
        return s.Length > 60 ? s[..60].TrimEnd('-') : s;
    }
}
