using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenFabriques.Web.Store.Migrations;

/// <summary>
/// The reference files' fingerprints, so that a new communes.csv replaces the communes; and the precomputed distance from each commune to the nearest place, for every place (service '') and for
/// the places offering each service; recomputed after each import that changes the places
/// (<see cref="OpenFabriques.Web.Couverture.CouvertureDistances"/>).
/// </summary>
[DbContext(typeof(PortalDb))]
[Migration("20261122000005_DistancesCommunes")]
public sealed class DistancesCommunes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            -- service '': the nearest place of all, for every commune that has a point (lieu_id and distance_m
            -- null when there is no place at all); a service: the nearest place offering it, only when it
            -- lies within the largest distance of the indicators (30 km); no row means farther. Derived from
            -- communes and lieux, rewritten as a whole: no foreign key to check row by row.
            CREATE TABLE distances_communes (
                service     text NOT NULL,
                commune     text NOT NULL,
                lieu_id     bigint,
                distance_m  double precision,
                PRIMARY KEY (service, commune)
            );
            -- The SHA-256 of each reference file loaded (communes.csv): a new file replaces the table's rows.
            CREATE TABLE donnees_reference (
                fichier     text PRIMARY KEY,
                sha256      text NOT NULL,
                charge_le   timestamptz NOT NULL
            );
            -- When and from which data the distances were computed (one row).
            CREATE TABLE distances_calcul (
                seul        boolean PRIMARY KEY DEFAULT true CHECK (seul),
                import_id   bigint NOT NULL,
                calcule_le  timestamptz NOT NULL,
                duree_ms    integer NOT NULL,
                communes    integer NOT NULL,
                services    integer NOT NULL
            );
            """);
    }
}
