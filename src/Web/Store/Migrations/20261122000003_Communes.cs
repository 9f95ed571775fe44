using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenFabriques.Web.Store.Migrations;

/// <summary>
/// The communes reference table (INSEE COG, postcodes, a point per commune): resolves a commune name or a
/// postcode offline, and gives the population by commune that coverage indicators need.
/// </summary>
[DbContext(typeof(PortalDb))]
[Migration("20261122000003_Communes")]
public sealed class Communes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE communes (
                code           text PRIMARY KEY,
                nom            text NOT NULL,
                nom_recherche  text NOT NULL,
                departement    text NOT NULL,
                population     integer NOT NULL,
                codes_postaux  text[] NOT NULL,
                lon            double precision,
                lat            double precision,
                source_point   text,
                geom           geometry(Point, 4326) GENERATED ALWAYS AS (
                                   CASE WHEN lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED
            );
            CREATE INDEX communes_nom_recherche_idx ON communes (nom_recherche text_pattern_ops);
            CREATE INDEX communes_codes_postaux_idx ON communes USING gin (codes_postaux);
            CREATE INDEX communes_geog_idx ON communes USING gist ((geom::geography));
            """);
    }
}
