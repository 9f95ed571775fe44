using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace OpenFabriques.Web.Store.Migrations
{
    /// <inheritdoc />
    public partial class Geographie : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The GiST indexes on the expression geom::geography give way to indexes on real geography columns,
            // which queries and LINQ name directly (a cast in a query would defeat them). Same names.
            migrationBuilder.Sql("DROP INDEX IF EXISTS lieux_geog_idx; DROP INDEX IF EXISTS communes_geog_idx;");

            migrationBuilder.AddColumn<Point>(
                name: "geog",
                table: "lieux",
                type: "geography(Point,4326)",
                nullable: true,
                computedColumnSql: "(CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)::geography",
                stored: true);

            migrationBuilder.AddColumn<Point>(
                name: "geog",
                table: "communes",
                type: "geography(Point,4326)",
                nullable: true,
                computedColumnSql: "(CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)::geography",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "lieux_geog_idx",
                table: "lieux",
                column: "geog")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "communes_geog_idx",
                table: "communes",
                column: "geog")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "lieux_geog_idx",
                table: "lieux");

            migrationBuilder.DropIndex(
                name: "communes_geog_idx",
                table: "communes");

            migrationBuilder.DropColumn(
                name: "geog",
                table: "lieux");

            migrationBuilder.DropColumn(
                name: "geog",
                table: "communes");

            migrationBuilder.Sql("""
                CREATE INDEX lieux_geog_idx ON lieux USING gist ((geom::geography));
                CREATE INDEX communes_geog_idx ON communes USING gist ((geom::geography));
                """);
        }
    }
}
