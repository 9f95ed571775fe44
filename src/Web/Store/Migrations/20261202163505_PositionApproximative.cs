using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class PositionApproximative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "fiches_approximatives_idx",
                table: "fiches",
                column: "code_insee",
                filter: "position_approximative");

            migrationBuilder.CreateIndex(
                name: "fiches_code_insee_idx",
                table: "fiches",
                column: "code_insee");

            migrationBuilder.CreateIndex(
                name: "fiches_code_postal_idx",
                table: "fiches",
                column: "code_postal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "fiches_approximatives_idx",
                table: "fiches");

            migrationBuilder.DropIndex(
                name: "fiches_code_insee_idx",
                table: "fiches");

            migrationBuilder.DropIndex(
                name: "fiches_code_postal_idx",
                table: "fiches");

            migrationBuilder.DropColumn(
                name: "position_approximative",
                table: "lieux");

            migrationBuilder.DropColumn(
                name: "position_approximative",
                table: "fiches");
        }
    }
}
