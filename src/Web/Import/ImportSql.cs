namespace OpenFabriques.Web.Import;

internal static class ImportSql
{
    /// <summary>
    /// Memory for the sorts and hashes of this import's statements (the server's default, 4 MB, sends the merging's sorts
    /// to disk at 100,000 places); for this transaction only.
    /// </summary>
    public const string MemoireTravail = "SET LOCAL work_mem = '64MB'";

    public const string StartImport = """
        INSERT INTO imports (source, format, origin, sha256, started_at) VALUES ($1, $2, $3, $4, now()) RETURNING id
        """;

    /// <summary>Staging: one row per accepted record, its services as two aligned arrays (slug, source wording).</summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE stage_lieux (
            line bigint NOT NULL, source text, source_id text NOT NULL, nom text NOT NULL, adresse text,
            code_postal text, code_insee text, commune text, departement text, lon double precision,
            lat double precision, site_web text, telephone text, horaires text, typologie text,
            labels text[] NOT NULL, description text, date_maj date,
            services text[] NOT NULL, services_source text[] NOT NULL, position_approximative boolean NOT NULL
        ) ON COMMIT DROP
        """;

    public const string CopyLieux = """
        COPY stage_lieux (line, source, source_id, nom, adresse, code_postal, code_insee, commune, departement, lon, lat,
            site_web, telephone, horaires, typologie, labels, description, date_maj, services, services_source,
            position_approximative)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>The source every staged row is loaded under.</summary>
    public const string ResolveSources = "UPDATE stage_lieux SET source = $1 WHERE source IS NULL";

    /// <summary>Rows whose (source, source_id) a previous row of the file already has: reported, then dropped.</summary>
    public const string Duplicates = """
        DELETE FROM stage_lieux s
        USING (SELECT source, source_id, min(line) AS first FROM stage_lieux GROUP BY source, source_id HAVING count(*) > 1) d
        WHERE s.source = d.source AND s.source_id = d.source_id AND s.line > d.first
        RETURNING s.line, s.source_id, d.first
        """;

    /// <summary>
    /// Rows a reader places in their commune (no point of their own) whose commune the reference does not know or
    /// cannot place: reported, then dropped.
    /// </summary>
    public const string CommunesInconnues = """
        DELETE FROM stage_lieux s
        WHERE s.position_approximative AND s.lon IS NULL
          AND NOT EXISTS (SELECT 1 FROM communes c WHERE c.code = s.code_insee AND c.lon IS NOT NULL)
        RETURNING s.line, coalesce(s.code_insee, '')
        """;

    /// <summary>…the others take their commune's point, name, département and (when it has only one) postcode.</summary>
    public const string PointsDesCommunes = """
        UPDATE stage_lieux s SET lon = c.lon, lat = c.lat, commune = coalesce(s.commune, c.nom),
            departement = coalesce(s.departement, c.departement),
            code_postal = coalesce(s.code_postal, CASE WHEN cardinality(c.codes_postaux) = 1 THEN c.codes_postaux[1] END)
        FROM communes c
        WHERE s.position_approximative AND s.lon IS NULL AND c.code = s.code_insee
        """;

    /// <summary>A département code that names no département is dropped.</summary>
    public const string DropUnknownDepartements = """
        UPDATE stage_lieux s SET departement = NULL
        WHERE departement IS NOT NULL AND NOT EXISTS (SELECT 1 FROM departements d WHERE d.code = s.departement)
        RETURNING s.line
        """;

    /// <summary>A place without a département gets the one whose polygon contains its point.</summary>
    public const string DepartementsFromPoints = """
        UPDATE stage_lieux s SET departement = d.code
        FROM departements d
        WHERE s.departement IS NULL AND s.lon IS NOT NULL
          AND ST_Intersects(d.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326))
        """;

    /// <summary>
    /// Places whose point lies more than $1 metres outside the département their codes give: reported,
    /// not moved (the boundaries are drawn at 1:10,000,000, so a point near a border may fall just across it).
    /// </summary>
    public const string FarFromDepartement = """
        SELECT s.line, s.departement,
               (SELECT o.code FROM departements o WHERE ST_Intersects(o.geom, p.pt) LIMIT 1),
               round(ST_Distance(d.geom::geography, p.pt::geography) / 1000)::int
        FROM stage_lieux s
        JOIN departements d ON d.code = s.departement
        CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) AS pt) p
        WHERE s.lon IS NOT NULL
          AND NOT ST_Intersects(d.geom, p.pt)
          AND NOT ST_DWithin(d.geom::geography, p.pt::geography, $1)
        ORDER BY s.line
        """;

    /// <summary>Service slugs of the file that the taxonomy does not have (a reader's fault, never stored).</summary>
    public const string UnknownServices = """
        SELECT DISTINCT x.slug FROM stage_lieux s CROSS JOIN LATERAL unnest(s.services) AS x(slug)
        WHERE NOT EXISTS (SELECT 1 FROM services sv WHERE sv.slug = x.slug)
        """;

    /// <summary>
    /// Inserts new records and updates changed ones, keeping their ids in <c>changed</c>. A record is
    /// unchanged when the digest of everything its row says (services included) is the one stored. $2 is the date
    /// of the source's data (its registry date), kept to rank the records of a place.
    /// </summary>
    public const string CreateChanged = """
        CREATE TEMP TABLE changed (id bigint PRIMARY KEY, source text NOT NULL, source_id text NOT NULL, inserted boolean NOT NULL)
        ON COMMIT DROP
        """;

    public const string Upsert = """
        WITH up AS (
            INSERT INTO fiches AS l (id, lieu_id, source, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, date_donnees, position_approximative,
                row_hash, import_id, imported_at)
            OVERRIDING SYSTEM VALUE
            SELECT nid, nid, source, source_id, nom, adresse, code_postal, code_insee, commune, departement,
                lon, lat, site_web, telephone, horaires, typologie, labels, description, date_maj, $2::date, position_approximative,
                -- the flag is hashed only when set: the digests of every located record stay those stored before it existed
                md5(row(source, source_id, nom, adresse, code_postal, code_insee, commune, departement, lon, lat,
                    site_web, telephone, horaires, typologie, labels, description, date_maj, services, services_source)::text
                    || CASE WHEN position_approximative THEN ':approximative' ELSE '' END),
                $1, now()
            -- a new record starts as a place of its own, under its own id (matching may move it to another place);
            -- an existing record keeps its id and place (the id drawn for it is left unused, as an identity would)
            FROM (SELECT nextval(pg_get_serial_sequence('fiches', 'id')) AS nid, * FROM stage_lieux) s
            ON CONFLICT (source, source_id) DO UPDATE SET
                nom = excluded.nom, adresse = excluded.adresse, code_postal = excluded.code_postal,
                code_insee = excluded.code_insee, commune = excluded.commune, departement = excluded.departement,
                lon = excluded.lon, lat = excluded.lat, site_web = excluded.site_web, telephone = excluded.telephone,
                horaires = excluded.horaires, typologie = excluded.typologie, labels = excluded.labels,
                description = excluded.description, date_maj = excluded.date_maj, date_donnees = excluded.date_donnees,
                position_approximative = excluded.position_approximative, row_hash = excluded.row_hash,
                import_id = excluded.import_id, imported_at = excluded.imported_at
            WHERE l.row_hash IS DISTINCT FROM excluded.row_hash
            RETURNING l.id, l.source, l.source_id, (xmax = 0) AS inserted
        )
        INSERT INTO changed SELECT * FROM up
        """;

    public const string CountChanged = """
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM changed
        """;

    /// <summary>Removes the services of the records this import changed…</summary>
    public const string DeleteServices = """
        DELETE FROM fiches_services ls USING changed c WHERE ls.fiche_id = c.id AND NOT c.inserted
        """;

    /// <summary>…and writes those of every record it inserted or changed (one entry per canonical service already).</summary>
    public const string InsertServices = """
        INSERT INTO fiches_services (fiche_id, service_slug, libelle_source)
        SELECT c.id, x.slug, x.wording
        FROM changed c
        JOIN stage_lieux s ON s.source = c.source AND s.source_id = c.source_id
        CROSS JOIN LATERAL unnest(s.services, s.services_source) AS x(slug, wording)
        ORDER BY c.id
        """;

    /// <summary>
    /// Withdraws the records of the file's sources that the file no longer has; their places are rebuilt from the
    /// records left (a place another source still lists stays).
    /// </summary>
    public const string Prune = """
        WITH retirees AS (
            DELETE FROM fiches l
            WHERE l.source IN (SELECT DISTINCT source FROM stage_lieux UNION SELECT $1)
              AND NOT EXISTS (SELECT 1 FROM stage_lieux s WHERE s.source = l.source AND s.source_id = l.source_id)
            RETURNING l.id, l.lieu_id),
        services AS (DELETE FROM fiches_services fs USING retirees r WHERE fs.fiche_id = r.id)
        INSERT INTO touches SELECT lieu_id FROM retirees
        """;

    /// <summary>
    /// The places this import changed, for the next computation of the distances to amend only what they affect; more
    /// than @max places (the distances will be computed in full), the one row -1 says so instead of them all. Returns
    /// how many places the import touched.
    /// </summary>
    public const string ARevoir = """
        WITH t AS (SELECT DISTINCT lieu_id FROM touches),
        n AS (SELECT count(*)::int AS n FROM t),
        a AS (
            INSERT INTO distances_a_revoir (lieu_id)
            SELECT t.lieu_id FROM t, n WHERE n.n <= @max
            UNION ALL SELECT -1 FROM n WHERE n.n > @max
            ON CONFLICT DO NOTHING)
        SELECT n FROM n
        """;

    public const string FinishImport = """
        UPDATE imports SET finished_at = now(), inserted = $2, updated = $3, unchanged = $4, rejected = $5, withdrawn = $6
        WHERE id = $1
        """;
}
