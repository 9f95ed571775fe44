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
