using Microsoft.EntityFrameworkCore;

namespace OpenFabriques.Web.Store;

/// <summary>
/// The plain tables of the portal. Geometry columns exist in the database (created by the migrations)
/// but not in this model: spatial queries are explicit PostGIS SQL next to the feature that runs them.
/// </summary>
public sealed class PortalDb(DbContextOptions<PortalDb> options) : DbContext(options)
{
    public DbSet<DepartementRow> Departements => Set<DepartementRow>();
    public DbSet<ServiceRow> Services => Set<ServiceRow>();
    public DbSet<ImportRow> Imports => Set<ImportRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DepartementRow>(e =>
        {
            e.ToTable("departements");
            e.HasKey(d => d.Code);
        });
        modelBuilder.Entity<ServiceRow>(e =>
        {
            e.ToTable("services");
            e.HasKey(s => s.Slug);
        });
        modelBuilder.Entity<ImportRow>(e =>
        {
            e.ToTable("imports");
            e.HasKey(i => i.Id);
        });
        // The tables are written in SQL with snake_case columns (RegionNom → region_nom).
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
            property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

public sealed class DepartementRow
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public required string Region { get; set; }
    public required string RegionNom { get; set; }
    public int Population { get; set; }
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
