using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class Fiches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropUniqueConstraint(
                name: "lieux_source_source_id_key",
                table: "lieux");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "lieux",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddColumn<string>(
                name: "provenance",
                table: "lieux",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fiches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    lieu_id = table.Column<long>(type: "bigint", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    nom = table.Column<string>(type: "text", nullable: false),
                    adresse = table.Column<string>(type: "text", nullable: true),
                    code_postal = table.Column<string>(type: "text", nullable: true),
                    code_insee = table.Column<string>(type: "text", nullable: true),
                    commune = table.Column<string>(type: "text", nullable: true),
                    departement = table.Column<string>(type: "text", nullable: true),
                    lon = table.Column<double>(type: "double precision", nullable: true),
                    lat = table.Column<double>(type: "double precision", nullable: true),
                    geog = table.Column<Point>(type: "geography(Point,4326)", nullable: true, computedColumnSql: "(CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)::geography", stored: true),
                    site_web = table.Column<string>(type: "text", nullable: true),
                    telephone = table.Column<string>(type: "text", nullable: true),
                    horaires = table.Column<string>(type: "text", nullable: true),
                    typologie = table.Column<string>(type: "text", nullable: true),
                    labels = table.Column<string[]>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    description = table.Column<string>(type: "text", nullable: true),
                    date_maj = table.Column<DateOnly>(type: "date", nullable: true),
                    date_donnees = table.Column<DateOnly>(type: "date", nullable: true),
                    fusion_regle = table.Column<string>(type: "text", nullable: true),
                    fusion_avec = table.Column<long>(type: "bigint", nullable: true),
                    fusion_distance_m = table.Column<double>(type: "double precision", nullable: true),
                    row_hash = table.Column<string>(type: "text", nullable: false),
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("fiches_pkey", x => x.id);
                    table.UniqueConstraint("fiches_source_source_id_key", x => new { x.source, x.source_id });
                    table.CheckConstraint("fiches_check", "(lon IS NULL) = (lat IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "fiches_services",
                columns: table => new
                {
                    fiche_id = table.Column<long>(type: "bigint", nullable: false),
                    service_slug = table.Column<string>(type: "text", nullable: false),
                    libelle_source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("fiches_services_pkey", x => new { x.fiche_id, x.service_slug });
                    table.ForeignKey(
                        name: "fiches_services_fiche_id_fkey",
                        column: x => x.fiche_id,
                        principalTable: "fiches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "lieux_source_source_id_idx",
                table: "lieux",
                columns: new[] { "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "fiches_geog_idx",
                table: "fiches",
                column: "geog")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "fiches_lieu_id_idx",
                table: "fiches",
                column: "lieu_id");

            // Every stored place was one source's record: it becomes that record, with the same id, alone in its place;
            // new records take ids after them, so that a place's id (its first record's) is never taken twice.
            migrationBuilder.Sql("""
                INSERT INTO fiches (id, lieu_id, source, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                    lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, row_hash, import_id, imported_at)
                OVERRIDING SYSTEM VALUE
                SELECT id, id, source, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                    lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, row_hash, import_id, imported_at
                FROM lieux;
                INSERT INTO fiches_services (fiche_id, service_slug, libelle_source)
                SELECT lieu_id, service_slug, libelle_source FROM lieux_services;
                SELECT setval(pg_get_serial_sequence('fiches', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM lieux), false);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fiches_services");

            migrationBuilder.DropTable(
                name: "fiches");

            migrationBuilder.DropIndex(
                name: "lieux_source_source_id_idx",
                table: "lieux");

            migrationBuilder.DropColumn(
                name: "provenance",
                table: "lieux");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "lieux",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddUniqueConstraint(
                name: "lieux_source_source_id_key",
                table: "lieux",
                columns: new[] { "source", "source_id" });
        }
    }
}
