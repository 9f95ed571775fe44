using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenFabriques.Web.Store.Migrations;

/// <summary>
/// The baseline of the EF Core model (NetTopologySuite types, snake_case names): the tables already exist,
/// made by the SQL migrations before it, so it changes nothing in the database. It brings the model snapshot
/// that <c>dotnet ef migrations add</c> compares the model with, so that the next change is generated.
/// </summary>
public partial class ModeleNetTopologySuite : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
