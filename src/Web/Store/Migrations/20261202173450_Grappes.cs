using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class Grappes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grappes",
                columns: table => new
                {
                    zoom = table.Column<short>(type: "smallint", nullable: false),
                    cx = table.Column<int>(type: "integer", nullable: false),
                    cy = table.Column<int>(type: "integer", nullable: false),
                    nombre = table.Column<int>(type: "integer", nullable: false),
                    lieu_id = table.Column<long>(type: "bigint", nullable: false),
                    lon = table.Column<double>(type: "double precision", nullable: false),
                    lat = table.Column<double>(type: "double precision", nullable: false),
                    ouest = table.Column<double>(type: "double precision", nullable: false),
                    sud = table.Column<double>(type: "double precision", nullable: false),
                    est = table.Column<double>(type: "double precision", nullable: false),
                    nord = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("grappes_pkey", x => new { x.zoom, x.cx, x.cy });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grappes");
        }
    }
}
