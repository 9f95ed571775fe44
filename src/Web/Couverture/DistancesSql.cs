namespace OpenFabriques.Web.Couverture;

internal static class DistancesSql
{
    /// <summary>One computation at a time (two imports finishing together wait for each other).</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('openfabriques.distances'))";

    /// <summary>Communes with a point of their own (a commune placed at its département's centre is left out).</summary>
    public const string Communes = """
        CREATE TEMP TABLE calcul_communes ON COMMIT DROP AS
        SELECT code, geog AS g FROM communes WHERE source_point IS DISTINCT FROM 'departement'
        """;

    /// <summary>
    /// The nearest place of all for each commune: KNN on the places' geography index. Distances are
    /// measured on the sphere, as the index orders them: on the spheroid two places nearly as far would
    /// sometimes swap (they differ by at most 0.5 %).
    /// </summary>
    public const string Tous = """
        CREATE TEMP TABLE calcul_tous ON COMMIT DROP AS
        SELECT c.code, c.g, n.id, n.distance
        FROM calcul_communes c
        LEFT JOIN LATERAL (
            SELECT l.id, ST_Distance(l.geog, c.g, false) AS distance
            FROM lieux l WHERE l.geom IS NOT NULL
            ORDER BY l.geog <-> c.g
            LIMIT 1) n ON true
        """;

    public const string AnalyserTous = "ANALYZE calcul_tous";

    public const string Vider = "DELETE FROM distances_communes";

    public const string InsererTous = """
        INSERT INTO distances_communes (service, commune, lieu_id, distance_m)
        SELECT '', code, id, distance FROM calcul_tous
        """;

    /// <summary>Services offered by at least one located place.</summary>
    public const string Services = """
        SELECT DISTINCT ls.service_slug FROM lieux_services ls JOIN lieux l ON l.id = ls.lieu_id
        WHERE l.geom IS NOT NULL ORDER BY 1
        """;

    /// <summary>The places offering one service, with their own index for the KNN searches.</summary>
    public const string CreerPoints = """
        CREATE TEMP TABLE calcul_points (id bigint NOT NULL, g geography NOT NULL) ON COMMIT DROP;
        CREATE INDEX ON calcul_points USING gist (g)
        """;

    public const string ViderPoints = "TRUNCATE calcul_points";

    public const string Points = """
        INSERT INTO calcul_points (id, g)
        SELECT l.id, l.geog FROM lieux l JOIN lieux_services ls ON ls.lieu_id = l.id
        WHERE ls.service_slug = @service AND l.geom IS NOT NULL
        """;

    public const string AnalyserPoints = "ANALYZE calcul_points";

    /// <summary>
    /// The nearest place offering @service, for the communes with some place within @max metres (the others
    /// are farther for every service). When the nearest place of all offers the service it is the answer;
    /// otherwise a KNN search among the places offering it. Only distances up to @max are kept.
    /// </summary>
    public const string InsererService = """
        INSERT INTO distances_communes (service, commune, lieu_id, distance_m)
        SELECT @service, t.code, t.id, t.distance
        FROM calcul_tous t
        WHERE t.distance <= @max
          AND EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = t.id AND ls.service_slug = @service)
        UNION ALL
        SELECT @service, t.code, n.id, n.distance
        FROM calcul_tous t
        CROSS JOIN LATERAL (
            SELECT p.id, ST_Distance(p.g, t.g, false) AS distance FROM calcul_points p
            ORDER BY p.g <-> t.g
            LIMIT 1) n
        WHERE t.distance <= @max
          AND NOT EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = t.id AND ls.service_slug = @service)
          AND n.distance <= @max
        """;

    /// <summary>The places changed since the last computation, taken (in this transaction) from the list the imports keep.</summary>
    public const string Revoir = """
        CREATE TEMP TABLE revoir ON COMMIT DROP AS
        WITH d AS (DELETE FROM distances_a_revoir RETURNING lieu_id) SELECT DISTINCT lieu_id AS id FROM d;
        ALTER TABLE revoir ADD PRIMARY KEY (id)
        """;

    /// <summary>How many places changed, and whether an import changed too many to list them (the row -1).</summary>
    public const string CompterRevoir = "SELECT count(*)::int, coalesce(bool_or(id = -1), false) FROM revoir";

    /// <summary>How many communes and services the stored computation answers for (services by a skip scan of the key).</summary>
    public const string Compter = """
        WITH RECURSIVE s AS (
            SELECT min(service) AS v FROM distances_communes WHERE service > ''
            UNION ALL
            SELECT (SELECT min(service) FROM distances_communes WHERE service > s.v) FROM s WHERE s.v IS NOT NULL)
        SELECT (SELECT count(*)::int FROM distances_communes WHERE service = ''), (SELECT count(v)::int FROM s)
        """;

    /// <summary>
    /// Whether the stored computation can be amended: it exists and every commune had a nearest place (else the first
    /// place of all changes every commune); and the farthest nearest place of all, in metres (how far a new place can
    /// be nearer than the nearest one).
    /// </summary>
    public const string Rayon = """
        SELECT EXISTS (SELECT 1 FROM distances_calcul)
               AND NOT EXISTS (SELECT 1 FROM distances_communes WHERE service = '' AND distance_m IS NULL)
               AND EXISTS (SELECT 1 FROM distances_communes WHERE service = ''),
               (SELECT max(distance_m) FROM distances_communes WHERE service = '')
        """;

    /// <summary>
    /// The communes measured, read from <c>communes</c> itself when amending (its GiST index finds those around a changed
    /// place; the full computation copies them into a temporary table).
    /// </summary>
    private const string Mesurees = "(SELECT code, geog AS g FROM communes WHERE source_point IS DISTINCT FROM 'departement')";

    /// <summary>
    /// The (commune, service) answers a change can alter: those that name a changed place (withdrawn, moved, or no
    /// longer offering the service); for each changed place where it now stands, the communes it is nearer to than their
    /// nearest place of all (within @rayon, the farthest such distance), and, for each service it offers, the communes
    /// within @max it is nearer to than their answer for that service, or that have none.
    /// </summary>
    public static readonly string Paires = $$"""
        CREATE TEMP TABLE paires (commune text NOT NULL, service text NOT NULL, PRIMARY KEY (commune, service)) ON COMMIT DROP;
        INSERT INTO paires SELECT d.commune, d.service FROM distances_communes d WHERE d.lieu_id IN (SELECT id FROM revoir)
        ON CONFLICT DO NOTHING;
        INSERT INTO paires
        SELECT c.code, '' FROM revoir r
        JOIN lieux q ON q.id = r.id AND q.geog IS NOT NULL
        JOIN {{Mesurees}} c ON ST_DWithin(c.g, q.geog, @rayon, false)
        JOIN distances_communes d ON d.service = '' AND d.commune = c.code
        WHERE ST_Distance(c.g, q.geog, false) < d.distance_m
        ON CONFLICT DO NOTHING;
        INSERT INTO paires
        SELECT c.code, ls.service_slug FROM revoir r
        JOIN lieux q ON q.id = r.id AND q.geog IS NOT NULL
        JOIN lieux_services ls ON ls.lieu_id = q.id
        JOIN {{Mesurees}} c ON ST_DWithin(c.g, q.geog, @max, false)
        LEFT JOIN distances_communes d ON d.service = ls.service_slug AND d.commune = c.code
        WHERE d.distance_m IS NULL OR ST_Distance(c.g, q.geog, false) < d.distance_m
        ON CONFLICT DO NOTHING;
        DELETE FROM distances_communes d USING paires p WHERE d.commune = p.commune AND d.service = p.service
        """;

    public const string CompterPaires = "SELECT count(*) FROM paires";

    /// <summary>The nearest place of all, again, for the communes whose answer may have changed.</summary>
    public static readonly string RevoirTous = $$"""
        INSERT INTO distances_communes (service, commune, lieu_id, distance_m)
        SELECT '', c.code, n.id, n.distance
        FROM paires p JOIN {{Mesurees}} c ON c.code = p.commune
        LEFT JOIN LATERAL (
            SELECT l.id, ST_Distance(l.geog, c.g, false) AS distance
            FROM lieux l WHERE l.geom IS NOT NULL
            ORDER BY l.geog <-> c.g
            LIMIT 1) n ON true
        WHERE p.service = ''
        """;

    /// <summary>
    /// The nearest place offering each service, again, for the (commune, service) answers that may have changed: a KNN
    /// search within @max among the places offering it, for the communes whose nearest place of all is within @max
    /// (as in the full computation, the others have no answer per service).
    /// </summary>
    public static readonly string RevoirServices = $$"""
        INSERT INTO distances_communes (service, commune, lieu_id, distance_m)
        SELECT p.service, c.code, n.id, n.distance
        FROM paires p
        JOIN {{Mesurees}} c ON c.code = p.commune
        JOIN distances_communes t ON t.service = '' AND t.commune = p.commune AND t.distance_m <= @max
        CROSS JOIN LATERAL (
            SELECT l.id, ST_Distance(l.geog, c.g, false) AS distance
            FROM lieux l
            WHERE ST_DWithin(l.geog, c.g, @max, false)
              AND EXISTS (SELECT 1 FROM lieux_services ls WHERE ls.lieu_id = l.id AND ls.service_slug = p.service)
            ORDER BY l.geog <-> c.g
            LIMIT 1) n
        WHERE p.service <> ''
        """;

    /// <summary>A commune whose nearest place of all is now beyond @max has no answer per service (as in the full computation).</summary>
    public const string RetirerLointaines = """
        DELETE FROM distances_communes d
        USING paires p JOIN distances_communes t ON t.service = '' AND t.commune = p.commune
        WHERE p.service = '' AND t.distance_m > @max AND d.commune = p.commune AND d.service <> ''
        """;

    public const string Enregistrer = """
        INSERT INTO distances_calcul (seul, import_id, calcule_le, duree_ms, communes, services)
        VALUES (true, (SELECT coalesce(max(id), 0) FROM imports), now(), @duree, @communes, @services)
        ON CONFLICT (seul) DO UPDATE SET import_id = EXCLUDED.import_id, calcule_le = EXCLUDED.calcule_le,
            duree_ms = EXCLUDED.duree_ms, communes = EXCLUDED.communes, services = EXCLUDED.services
        """;

    /// <summary>
    /// When the distances were computed, and whether an import has changed the places since (or they were
    /// never computed: no row).
    /// </summary>
    public const string Etat = """
        SELECT k.calcule_le, k.import_id,
               EXISTS (SELECT 1 FROM imports i WHERE i.id > k.import_id AND i.finished_at IS NOT NULL
                       AND i.inserted + i.updated + i.withdrawn > 0) AS perime
        FROM distances_calcul k
        """;
}
