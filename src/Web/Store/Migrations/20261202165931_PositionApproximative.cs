using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class PositionApproximative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fiches_services_fiche_id_fkey",
                table: "fiches_services");

            migrationBuilder.DropForeignKey(
                name: "lieux_services_lieu_id_fkey",
                table: "lieux_services");

            migrationBuilder.DropIndex(
                name: "lieux_source_source_id_idx",
                table: "lieux");

            migrationBuilder.DropIndex(
                name: "fiches_geog_idx",
                table: "fiches");

            migrationBuilder.DropColumn(
                name: "geog",
                table: "fiches");

            migrationBuilder.AddColumn<bool>(
                name: "position_approximative",
                table: "lieux",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "position_approximative",
                table: "fiches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Point>(
                name: "geom",
                table: "fiches",
                type: "geometry(Point,4326)",
                nullable: true,
                computedColumnSql: "CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "fiches_approximatives_idx",
                table: "fiches",
                column: "code_insee",
                filter: "position_approximative");

            migrationBuilder.CreateIndex(
                name: "fiches_geom_idx",
                table: "fiches",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "fiches_approximatives_idx",
                table: "fiches");

            migrationBuilder.DropIndex(
                name: "fiches_geom_idx",
                table: "fiches");

            migrationBuilder.DropColumn(
                name: "geom",
                table: "fiches");

            migrationBuilder.DropColumn(
                name: "position_approximative",
                table: "lieux");

            migrationBuilder.DropColumn(
                name: "position_approximative",
                table: "fiches");

            migrationBuilder.AddColumn<Point>(
                name: "geog",
                table: "fiches",
                type: "geography(Point,4326)",
                nullable: true,
                computedColumnSql: "(CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)::geography",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "lieux_source_source_id_idx",
                table: "lieux",
                columns: new[] { "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "fiches_geog_idx",
                table: "fiches",
                column: "geog")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.AddForeignKey(
                name: "fiches_services_fiche_id_fkey",
                table: "fiches_services",
                column: "fiche_id",
                principalTable: "fiches",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "lieux_services_lieu_id_fkey",
                table: "lieux_services",
                column: "lieu_id",
                principalTable: "lieux",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
