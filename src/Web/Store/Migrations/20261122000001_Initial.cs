using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenFabriques.Web.Store.Migrations;

/// <summary>The first schema: départements, services, imports, lieux and their services.</summary>
[DbContext(typeof(PortalDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(UpSql);
    }

    private const string UpSql = """
        CREATE EXTENSION IF NOT EXISTS postgis;
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;

        CREATE TABLE departements (
            code        text PRIMARY KEY,
            nom         text NOT NULL,
            region      text NOT NULL,
            region_nom  text NOT NULL,
            population  integer NOT NULL CHECK (population > 0),
            geom        geometry(MultiPolygon, 4326) NOT NULL
        );
        CREATE INDEX departements_geom_idx ON departements USING gist (geom);

        CREATE TABLE services (
            slug     text PRIMARY KEY,
            libelle  text NOT NULL,
            groupe   text NOT NULL,
            ordre    integer NOT NULL
        );

        CREATE TABLE imports (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source       text NOT NULL,
            format       text NOT NULL,
            origin       text NOT NULL,
            sha256       text NOT NULL,
            started_at   timestamptz NOT NULL,
            finished_at  timestamptz,
            inserted     integer NOT NULL DEFAULT 0,
            updated      integer NOT NULL DEFAULT 0,
            unchanged    integer NOT NULL DEFAULT 0,
            rejected     integer NOT NULL DEFAULT 0,
            withdrawn    integer NOT NULL DEFAULT 0
        );

        CREATE TABLE lieux (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source       text NOT NULL,
            source_id    text NOT NULL,
            nom          text NOT NULL,
            adresse      text,
            code_postal  text,
            code_insee   text,
            commune      text,
            departement  text REFERENCES departements (code),
            lon          double precision CHECK (lon BETWEEN -180 AND 180),
            lat          double precision CHECK (lat BETWEEN -90 AND 90),
            geom         geometry(Point, 4326) GENERATED ALWAYS AS (
                             CASE WHEN lon IS NOT NULL AND lat IS NOT NULL
                                  THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED,
            site_web     text,
            telephone    text,
            horaires     text,
            typologie    text,
            labels       text[] NOT NULL DEFAULT '{}',
            description  text,
            date_maj     date,
            row_hash     text NOT NULL,
            import_id    bigint NOT NULL REFERENCES imports (id),
            imported_at  timestamptz NOT NULL,
            UNIQUE (source, source_id),
            CHECK ((lon IS NULL) = (lat IS NULL))
        );
        CREATE INDEX lieux_geom_idx ON lieux USING gist (geom);
        CREATE INDEX lieux_geog_idx ON lieux USING gist ((geom::geography));
        CREATE INDEX lieux_departement_idx ON lieux (departement);

        CREATE TABLE lieux_services (
            lieu_id         bigint NOT NULL REFERENCES lieux (id) ON DELETE CASCADE,
            service_slug    text NOT NULL REFERENCES services (slug),
            libelle_source  text NOT NULL,
            PRIMARY KEY (lieu_id, service_slug)
        );
        CREATE INDEX lieux_services_slug_idx ON lieux_services (service_slug, lieu_id);
        """;
}
