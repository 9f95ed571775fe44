using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class DistancesARevoir : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "distances_a_revoir",
                columns: table => new
                {
                    lieu_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("distances_a_revoir_pkey", x => x.lieu_id);
                });

            migrationBuilder.CreateIndex(
                name: "distances_communes_lieu_id_idx",
                table: "distances_communes",
                column: "lieu_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "distances_a_revoir");

            migrationBuilder.DropIndex(
                name: "distances_communes_lieu_id_idx",
                table: "distances_communes");
        }
    }
}
