using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace OpenFabriques.Web.Store;

#pragma warning disable EF1001 // Npgsql's history repository is the one to extend; only the column names change.
/// <summary>
/// The migrations' history table keeps the column names it was created with ("MigrationId", "ProductVersion"):
/// the snake_case convention of the model must not rename them, or an existing database would not know which
/// migrations it has.
/// </summary>
internal sealed class HistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        history.Property(h => h.MigrationId).HasColumnName("MigrationId");
        history.Property(h => h.ProductVersion).HasColumnName("ProductVersion");
    }
}
#pragma warning restore EF1001
