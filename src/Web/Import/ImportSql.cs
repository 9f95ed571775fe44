namespace OpenFabriques.Web.Import;

internal static class ImportSql
{
    public const string StartImport = """
        INSERT INTO imports (source, format, origin, sha256, started_at) VALUES ($1, $2, $3, $4, now()) RETURNING id
        """;

    public const string CreateStaging = """
        CREATE TEMP TABLE stage_lieux (
            line bigint NOT NULL, source_id text NOT NULL, nom text NOT NULL, adresse text, code_postal text,
            code_insee text, commune text, departement text, lon double precision, lat double precision,
            site_web text, telephone text, horaires text, typologie text, labels text[] NOT NULL,
            description text, date_maj date, row_hash text NOT NULL
        ) ON COMMIT DROP;
        CREATE TEMP TABLE stage_services (source_id text NOT NULL, slug text NOT NULL, libelle_source text NOT NULL) ON COMMIT DROP;
        """;

    public const string CopyLieux = """
        COPY stage_lieux (line, source_id, nom, adresse, code_postal, code_insee, commune, departement, lon, lat,
            site_web, telephone, horaires, typologie, labels, description, date_maj, row_hash) FROM STDIN (FORMAT BINARY)
        """;

    public const string CopyServices = "COPY stage_services (source_id, slug, libelle_source) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// A département code that names no département is dropped; a place without one gets the
    /// département whose polygon contains its point.
    /// </summary>
    public const string AssignDepartements = """
        UPDATE stage_lieux s SET departement = NULL
        WHERE departement IS NOT NULL AND NOT EXISTS (SELECT 1 FROM departements d WHERE d.code = s.departement);

        UPDATE stage_lieux s SET departement = d.code
        FROM departements d
        WHERE s.departement IS NULL AND s.lon IS NOT NULL
          AND ST_Intersects(d.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326));
        """;

    /// <summary>Inserts new places, updates changed ones (by row hash) and counts both.</summary>
    public const string Upsert = """
        WITH up AS (
            INSERT INTO lieux AS l (source, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, row_hash,
                import_id, imported_at)
            SELECT $1, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, row_hash,
                $2, now()
            FROM stage_lieux
            ON CONFLICT (source, source_id) DO UPDATE SET
                nom = excluded.nom, adresse = excluded.adresse, code_postal = excluded.code_postal,
                code_insee = excluded.code_insee, commune = excluded.commune, departement = excluded.departement,
                lon = excluded.lon, lat = excluded.lat, site_web = excluded.site_web, telephone = excluded.telephone,
                horaires = excluded.horaires, typologie = excluded.typologie, labels = excluded.labels,
                description = excluded.description, date_maj = excluded.date_maj, row_hash = excluded.row_hash,
                import_id = excluded.import_id, imported_at = excluded.imported_at
            WHERE l.row_hash IS DISTINCT FROM excluded.row_hash
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM up
        """;

    /// <summary>Removes the services of the places this import inserted or changed…</summary>
    public const string DeleteServices = """
        DELETE FROM lieux_services ls USING lieux l WHERE ls.lieu_id = l.id AND l.import_id = $1
        """;

    /// <summary>…and writes them anew from the staging table.</summary>
    public const string InsertServices = """
        INSERT INTO lieux_services (lieu_id, service_slug, libelle_source)
        SELECT l.id, s.slug, s.libelle_source
        FROM stage_services s
        JOIN lieux l ON l.source = $2 AND l.source_id = s.source_id AND l.import_id = $1
        """;

    public const string FinishImport = """
        UPDATE imports SET finished_at = now(), inserted = $2, updated = $3, unchanged = $4, rejected = $5 WHERE id = $1
        """;
}
