using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace OpenFabriques.Web.Store;

/// <summary>
/// The portal's tables, geometries as NetTopologySuite types (EF Core's PostGIS plugin), names in snake_case.
/// The model is the migrations' reference: <c>dotnet ef migrations add</c> compares it with the snapshot.
/// Bulk and streaming work (COPY, set-based import SQL, exports) stays SQL beside its feature, where it is faster.
/// </summary>
public sealed class PortalDb(DbContextOptions<PortalDb> options) : DbContext(options)
{
    /// <summary>The same point as a geography, for distances in metres with an index of its own (a cast would defeat it).</summary>
    public const string GeographySql = $"({PointSql})::geography"; // a generated column cannot read another one

    /// <summary>The point of a row with lon and lat, computed by PostgreSQL.</summary>
    public const string PointSql = "CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END";

    private static readonly string[] ImportCounts = ["Inserted", "Updated", "Unchanged", "Rejected", "Withdrawn"];

    public DbSet<DepartementRow> Departements => Set<DepartementRow>();
    public DbSet<ServiceRow> Services => Set<ServiceRow>();
    public DbSet<ImportRow> Imports => Set<ImportRow>();
    public DbSet<LieuRow> Lieux => Set<LieuRow>();
    public DbSet<LieuServiceRow> LieuxServices => Set<LieuServiceRow>();
    public DbSet<FicheRow> Fiches => Set<FicheRow>();
    public DbSet<FicheServiceRow> FichesServices => Set<FicheServiceRow>();
    public DbSet<CommuneRow> Communes => Set<CommuneRow>();
    public DbSet<DistanceCommuneRow> DistancesCommunes => Set<DistanceCommuneRow>();
    public DbSet<DistancesCalculRow> DistancesCalcul => Set<DistancesCalculRow>();
    public DbSet<DistanceARevoirRow> DistancesARevoir => Set<DistanceARevoirRow>();
    public DbSet<GrappeRow> Grappes => Set<GrappeRow>();
    public DbSet<DonneeReferenceRow> DonneesReference => Set<DonneeReferenceRow>();

    /// <summary>The départements without their outlines, for lists and menus.</summary>
    public IQueryable<Departement> DepartementsSansContours() =>
        Departements.AsNoTracking().OrderBy(d => d.Code).Select(d => new Departement(d.Code, d.Nom, d.Region, d.RegionNom, d.Population));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis").HasPostgresExtension("unaccent").HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<DepartementRow>(e =>
        {
            e.ToTable("departements", t => t.HasCheckConstraint("departements_population_check", "population > 0"));
            e.HasKey(d => d.Code).HasName("departements_pkey");
            e.Property(d => d.Geom).HasColumnType("geometry(MultiPolygon,4326)");
            e.Property(d => d.GeomCarte).HasColumnType("geometry(Geometry,4326)")
                .HasComputedColumnSql("ST_SimplifyPreserveTopology(geom, 0.005)", stored: true);
            e.HasIndex(d => d.Geom).HasDatabaseName("departements_geom_idx").HasMethod("gist");
        });
        modelBuilder.Entity<ServiceRow>(e => e.HasKey(s => s.Slug).HasName("services_pkey"));
        modelBuilder.Entity<ImportRow>(e =>
        {
            e.HasKey(i => i.Id).HasName("imports_pkey");
            e.Property(i => i.Id).UseIdentityAlwaysColumn();
            foreach (var count in ImportCounts) e.Property(count).HasDefaultValue(0);
        });
        modelBuilder.Entity<LieuRow>(e =>
        {
            e.ToTable("lieux", t =>
            {
                t.HasCheckConstraint("lieux_check", "(lon IS NULL) = (lat IS NULL)");
                t.HasCheckConstraint("lieux_lat_check", "lat >= -90 AND lat <= 90");
                t.HasCheckConstraint("lieux_lon_check", "lon >= -180 AND lon <= 180");
            });
            e.HasKey(l => l.Id).HasName("lieux_pkey");
            // A place's id is the id of the first record that made it (fiches' sequence): stable across imports.
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Geom).HasColumnType("geometry(Point,4326)").HasComputedColumnSql(PointSql, stored: true);
            e.Property(l => l.Labels).HasDefaultValueSql("'{}'::text[]");
            e.Property(l => l.Geog).HasColumnType("geography(Point,4326)").HasComputedColumnSql(GeographySql, stored: true);
            e.HasIndex(l => l.Geom).HasDatabaseName("lieux_geom_idx").HasMethod("gist");
            e.HasIndex(l => l.Geog).HasDatabaseName("lieux_geog_idx").HasMethod("gist");
            e.HasIndex(l => l.Departement).HasDatabaseName("lieux_departement_idx");
            e.Property(l => l.Provenance).HasColumnType("jsonb");
        });
        modelBuilder.Entity<LieuServiceRow>(e =>
        {
            e.ToTable("lieux_services");
            e.HasKey(s => new { s.LieuId, s.ServiceSlug }).HasName("lieux_services_pkey");
            e.HasIndex(s => new { s.ServiceSlug, s.LieuId }).HasDatabaseName("lieux_services_slug_idx");
            // No foreign key: the loader rebuilds a place's services with the place, and deletes them with it.
        });
        modelBuilder.Entity<FicheRow>(e =>
        {
            e.ToTable("fiches", t => t.HasCheckConstraint("fiches_check", "(lon IS NULL) = (lat IS NULL)"));
            e.HasKey(f => f.Id).HasName("fiches_pkey");
            e.Property(f => f.Id).UseIdentityAlwaysColumn();
            e.HasAlternateKey(f => new { f.Source, f.SourceId }).HasName("fiches_source_source_id_key");
            e.Property(f => f.Labels).HasDefaultValueSql("'{}'::text[]");
            // Matching searches a box in degrees on this geometry's index, then measures on the sphere: three times faster
            // than ST_DWithin on a geography index (scripts/bench/fusion.sh).
            e.Property(f => f.Geom).HasColumnType("geometry(Point,4326)").HasComputedColumnSql(PointSql, stored: true);
            e.HasIndex(f => f.Geom).HasDatabaseName("fiches_geom_idx").HasMethod("gist");
            e.HasIndex(f => f.LieuId).HasDatabaseName("fiches_lieu_id_idx");
            // The few records placed at their commune's point, found from a located record of the same commune.
            e.HasIndex(f => f.CodeInsee, "fiches_approximatives_idx").HasDatabaseName("fiches_approximatives_idx").HasFilter("position_approximative");
        });
        modelBuilder.Entity<FicheServiceRow>(e =>
        {
            e.ToTable("fiches_services");
            // No foreign key: the loader writes and deletes a record's services with it (a per-row check doubled the time
            // of writing them).
            e.HasKey(s => new { s.FicheId, s.ServiceSlug }).HasName("fiches_services_pkey");
        });
        modelBuilder.Entity<CommuneRow>(e =>
        {
            e.HasKey(c => c.Code).HasName("communes_pkey");
            e.Property(c => c.Geom).HasColumnType("geometry(Point,4326)").HasComputedColumnSql(PointSql, stored: true);
            e.Property(c => c.Geog).HasColumnType("geography(Point,4326)").HasComputedColumnSql(GeographySql, stored: true);
            e.HasIndex(c => c.Geog).HasDatabaseName("communes_geog_idx").HasMethod("gist");
            e.HasIndex(c => c.CodesPostaux).HasDatabaseName("communes_codes_postaux_idx").HasMethod("gin");
            e.HasIndex(c => c.NomRecherche).HasDatabaseName("communes_nom_recherche_idx").HasOperators("text_pattern_ops");
        });
        modelBuilder.Entity<DistanceCommuneRow>(e =>
        {
            e.ToTable("distances_communes");
            e.HasKey(d => new { d.Service, d.Commune }).HasName("distances_communes_pkey");
            // The answers that name a place an import changed: the first thing an incremental computation looks up.
            e.HasIndex(d => d.LieuId).HasDatabaseName("distances_communes_lieu_id_idx");
        });
        modelBuilder.Entity<GrappeRow>(e =>
        {
            e.ToTable("grappes");
            e.HasKey(g => new { g.Zoom, g.Cx, g.Cy }).HasName("grappes_pkey");
        });
        modelBuilder.Entity<DistanceARevoirRow>(e =>
        {
            e.ToTable("distances_a_revoir");
            e.HasKey(d => d.LieuId).HasName("distances_a_revoir_pkey");
            e.Property(d => d.LieuId).ValueGeneratedNever();
        });
        modelBuilder.Entity<DistancesCalculRow>(e =>
        {
            e.ToTable("distances_calcul", t => t.HasCheckConstraint("distances_calcul_seul_check", "seul"));
            e.HasKey(d => d.Seul).HasName("distances_calcul_pkey");
            e.Property(d => d.Seul).ValueGeneratedNever(); // every insert says seul = true (the check allows nothing else)
        });
        modelBuilder.Entity<DonneeReferenceRow>(e =>
        {
            e.ToTable("donnees_reference");
            e.HasKey(d => d.Fichier).HasName("donnees_reference_pkey");
        });
    }
}

/// <summary>A département as lists show it: no outline.</summary>
public sealed record Departement(string Code, string Nom, string Region, string RegionNom, int Population);

public sealed class DepartementRow
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public required string Region { get; set; }
    public required string RegionNom { get; set; }
    public int Population { get; set; }
    public required MultiPolygon Geom { get; set; }

    /// <summary>The outline simplified once for the maps (computed by PostGIS).</summary>
    public Geometry? GeomCarte { get; set; }
}

public sealed class ServiceRow
{
    public required string Slug { get; set; }
    public required string Libelle { get; set; }
    public required string Groupe { get; set; }
    public int Ordre { get; set; }
}

public sealed class ImportRow
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string Format { get; set; }
    public required string Origin { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Withdrawn { get; set; }
}

public sealed class LieuRow
{
    /// <summary>Which source each field of the place was taken from (JSON: field → source key), when records were merged.</summary>
    public string? Provenance { get; set; }

    public long Id { get; set; }
    public required string Source { get; set; }
    public required string SourceId { get; set; }
    public required string Nom { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? CodeInsee { get; set; }
    public string? Commune { get; set; }
    public string? Departement { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }

    /// <summary>The point from lon and lat (computed by PostGIS), null for a place without a position.</summary>
    public Point? Geom { get; set; }

    /// <summary>The same point as a geography: distances in metres, KNN on its own GiST index.</summary>
    public Point? Geog { get; set; }
    public string? SiteWeb { get; set; }
    public string? Telephone { get; set; }
    public string? Horaires { get; set; }
    public string? Typologie { get; set; }
    public string[] Labels { get; set; } = [];
    public string? Description { get; set; }
    public DateOnly? DateMaj { get; set; }

    /// <summary>Whether the point is its commune's, not the place's own (no source gives one).</summary>
    public bool PositionApproximative { get; set; }
    public required string RowHash { get; set; }
    public long ImportId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// A source record: what one source says of one place, identified by (source, source_id). Records that describe the
/// same real place share their <see cref="LieuId"/>; the place (<see cref="LieuRow"/>) is made from them.
/// </summary>
public sealed class FicheRow
{
    public long Id { get; set; }

    /// <summary>The place this record belongs to (null only while an import places it).</summary>
    public long? LieuId { get; set; }
    public required string Source { get; set; }
    public required string SourceId { get; set; }
    public required string Nom { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? CodeInsee { get; set; }
    public string? Commune { get; set; }
    public string? Departement { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public Point? Geom { get; set; }
    public string? SiteWeb { get; set; }
    public string? Telephone { get; set; }
    public string? Horaires { get; set; }
    public string? Typologie { get; set; }
    public string[] Labels { get; set; } = [];
    public string? Description { get; set; }
    public DateOnly? DateMaj { get; set; }

    /// <summary>The date of the source's data (its registry date), when the row gives none: ranks records of a place.</summary>
    public DateOnly? DateDonnees { get; set; }

    /// <summary>Whether the point is its commune's: the source gives no address nor point (a list of labelled places).</summary>
    public bool PositionApproximative { get; set; }

    /// <summary>The rule that joined this record to its place's other records (nom, adresse, commune, liste), null when it made the place.</summary>
    public string? FusionRegle { get; set; }

    /// <summary>The record it was matched with, and how far apart they were, in metres.</summary>
    public long? FusionAvec { get; set; }
    public double? FusionDistanceM { get; set; }
    public required string RowHash { get; set; }
    public long ImportId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class FicheServiceRow
{
    public long FicheId { get; set; }
    public required string ServiceSlug { get; set; }
    public required string LibelleSource { get; set; }
}

public sealed class LieuServiceRow
{
    public long LieuId { get; set; }
    public required string ServiceSlug { get; set; }
    public required string LibelleSource { get; set; }
}

public sealed class CommuneRow
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public required string NomRecherche { get; set; }
    public required string Departement { get; set; }
    public int Population { get; set; }
    public string[] CodesPostaux { get; set; } = [];
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public string? SourcePoint { get; set; }
    public Point? Geom { get; set; }
    public Point? Geog { get; set; }
}

public sealed class DistanceCommuneRow
{
    public required string Service { get; set; }
    public required string Commune { get; set; }
    public long? LieuId { get; set; }
    public double? DistanceM { get; set; }
}

public sealed class DistancesCalculRow
{
    public bool Seul { get; set; } = true;
    public long ImportId { get; set; }
    public DateTimeOffset CalculeLe { get; set; }
    public int DureeMs { get; set; }
    public int Communes { get; set; }
    public int Services { get; set; }
}

/// <summary>
/// The map's clusters of all the located places, per zoom (0 to 10; deeper views are grouped on the fly) and cell of 60 pixels in Web Mercator: how many
/// places, the first one's id (the place itself when alone), their mean point and the box that holds them. Rebuilt
/// by each import that changes the places, in its transaction (<c>Import/Grappes</c>); a view of the map without
/// filters reads it.
/// </summary>
public sealed class GrappeRow
{
    public short Zoom { get; set; }
    public int Cx { get; set; }
    public int Cy { get; set; }
    public int Nombre { get; set; }
    public long LieuId { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public double Ouest { get; set; }
    public double Sud { get; set; }
    public double Est { get; set; }
    public double Nord { get; set; }
}

/// <summary>
/// A place an import changed (added, moved, its services changed, withdrawn) since the distances were last computed:
/// written in the import's transaction, consumed by the next computation, which then recomputes only the communes that
/// place can affect.
/// </summary>
public sealed class DistanceARevoirRow
{
    public long LieuId { get; set; }
}

public sealed class DonneeReferenceRow
{
    public required string Fichier { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ChargeLe { get; set; }
}
