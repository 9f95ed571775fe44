namespace OpenFabriques.Web.Import;

/// <summary>
/// The set-based SQL that puts each new record in a place — the place of a record of another source that describes
/// the same real place, else a place of its own — and rebuilds the places an import touched from their records.
/// Runs in the import's transaction, on the temporary tables <c>changed</c> (records inserted or updated),
/// <c>touches</c> (places to rebuild) and <c>fusions_liste</c> (the committed overrides).
/// </summary>
internal static class FusionSql
{
    public const string CreateTouches = "CREATE TEMP TABLE touches (lieu_id bigint NOT NULL) ON COMMIT DROP";

    public const string CreateListe = """
        CREATE TEMP TABLE fusions_liste (action text NOT NULL, a_source text NOT NULL, a_id text NOT NULL, b_source text NOT NULL, b_id text NOT NULL)
        ON COMMIT DROP
        """;

    public const string InsertListe = "INSERT INTO fusions_liste VALUES ($1, $2, $3, $4, $5)";

    /// <summary>
    /// A record that is not yet placed: new in this import, of a source placed after @source (sources are placed in
    /// order). Every new record starts as a place of its own; until its source's turn, none may join it.
    /// </summary>
    private const string PasPlacee = """
        EXISTS (SELECT 1 FROM changed p WHERE p.id = o.id AND p.inserted AND p.source COLLATE "C" > @source COLLATE "C")
        """;

    /// <summary>Whether a placed record of another source exists: if none does, no record of @source can match one.</summary>
    public static readonly string AutresSources = $"SELECT EXISTS (SELECT 1 FROM fiches o WHERE o.source <> @source AND NOT {PasPlacee})";

    /// <summary>
    /// The touched places that hold several records (built by aggregation); the others — most places — are copied
    /// from their one record, which is three times faster than aggregating them.
    /// </summary>
    public const string CreateMulti = """
        CREATE TEMP TABLE multi ON COMMIT DROP AS
        SELECT f.lieu_id FROM fiches f WHERE f.lieu_id IN (SELECT lieu_id FROM touches) GROUP BY f.lieu_id HAVING count(*) > 1;
        ANALYZE touches;
        ANALYZE multi
        """;

    /// <summary>The sources of the new records of this import, to place one source after the other.</summary>
    public const string SourcesNouvelles = """
        SELECT DISTINCT c.source COLLATE "C" FROM changed c WHERE c.inserted ORDER BY 1
        """;

    /// <summary>The records of @source this import added that no record has joined yet, and that have joined none.</summary>
    private const string Nouvelles = "c.inserted AND f.lieu_id = f.id AND f.source = @source";

    /// <summary>A name as compared: lower case, without accents.</summary>
    private const string Nom = "lower(unaccent({0}))";

    /// <summary>
    /// An address as compared: lower case, without accents or punctuation, the usual abbreviations written out
    /// (« 27 AV ROBERT SCHUMAN » and « 27 Avenue Robert Schuman » compare equal).
    /// </summary>
    private const string Adresse = """
        btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            regexp_replace(lower(unaccent(coalesce({0}, ''))), '[^a-z0-9]+', ' ', 'g'),
            '\mav\M', 'avenue', 'g'), '\mbd\M', 'boulevard', 'g'), '\mpl\M', 'place', 'g'), '\mr\M', 'rue', 'g'),
            '\mrte\M', 'route', 'g'), '\mch\M', 'chemin', 'g'), '\mimp\M', 'impasse', 'g'), '\mste\M', 'sainte', 'g'), '\mst\M', 'saint', 'g'))
        """;

    private static string N(string column) => Nom.Replace("{0}", column, StringComparison.Ordinal);

    private static string A(string column) => Adresse.Replace("{0}", column, StringComparison.Ordinal);

    /// <summary>
    /// Places the new located records of source @source: each joins the place of the nearest record of another source
    /// that matches it — by name (trigram similarity ≥ @sim_nom within @rayon_nom metres), else by address (the same
    /// house number and a similar address, ≥ @sim_adresse, within @rayon_adresse metres) — unless the overrides keep the
    /// two apart, or that place already has a record of @source. The candidates are read from the records' geometry
    /// index in a box of the radius in degrees, then measured on the sphere (ST_DistanceSphere: within 0.3 % of the
    /// spheroid at these distances).
    /// </summary>
    public static readonly string Placer = $$"""
        WITH n AS (
            SELECT f.id, f.source, f.source_id, f.geom, {{N("f.nom")}} AS nom, {{A("f.adresse")}} AS adr,
                   greatest(@rayon_nom, @rayon_adresse) / 111320.0 AS dy,
                   greatest(@rayon_nom, @rayon_adresse) / (111320.0 * cos(radians(f.lat))) AS dx
            FROM fiches f JOIN changed c ON c.id = f.id
            WHERE {{Nouvelles}} AND f.geom IS NOT NULL AND NOT f.position_approximative),
        m AS (
            SELECT DISTINCT ON (n.id) n.id, o.lieu_id, o.id AS avec, o.regle, o.distance
            FROM n CROSS JOIN LATERAL (
                SELECT o.id, o.lieu_id, x.distance,
                       CASE WHEN x.distance <= @rayon_nom AND similarity(n.nom, {{N("o.nom")}}) >= @sim_nom THEN 'nom'
                            WHEN x.distance <= @rayon_adresse AND n.adr <> '' AND substring(n.adr FROM '^[0-9]+') IS NOT DISTINCT FROM substring(x.adr FROM '^[0-9]+')
                                 AND similarity(n.adr, x.adr) >= @sim_adresse THEN 'adresse' END AS regle
                FROM fiches o CROSS JOIN LATERAL (SELECT ST_DistanceSphere(o.geom, n.geom) AS distance, {{A("o.adresse")}} AS adr) x
                WHERE o.geom && ST_Expand(n.geom, n.dx, n.dy) AND x.distance <= greatest(@rayon_nom, @rayon_adresse)
                  AND o.source <> n.source AND NOT o.position_approximative AND NOT {{PasPlacee}}
                  AND NOT EXISTS (SELECT 1 FROM fiches s WHERE s.lieu_id = o.lieu_id AND s.source = n.source)
                  AND {{PasSepares}}) o
            WHERE o.regle IS NOT NULL
            ORDER BY n.id, (o.regle = 'nom') DESC, o.distance, o.id),
        -- Two new records of @source may match one place: it takes the better one, the other makes its own place.
        u AS (SELECT DISTINCT ON (m.lieu_id) m.* FROM m ORDER BY m.lieu_id, (m.regle = 'nom') DESC, m.distance, m.id)
        UPDATE fiches f SET lieu_id = u.lieu_id, fusion_regle = u.regle, fusion_avec = u.avec, fusion_distance_m = round(u.distance::numeric, 1)
        FROM u WHERE f.id = u.id
        """;

    /// <summary>How alike two compared names are: trigram similarity, or how well the shorter one is found in the other
    /// (« La Licorne » in « Tiers-lieu-médiathèque de Saint-Germain-Lembron "La Licorne" »).</summary>
    private static string Ressemblance(string a, string b) =>
        $"greatest(similarity({a}, {b}), strict_word_similarity({a}, {b}), strict_word_similarity({b}, {a}))";

    /// <summary>The separating overrides that keep record n from record o.</summary>
    private const string PasSepares = """
        NOT EXISTS (SELECT 1 FROM fusions_liste s WHERE s.action = 'separer'
                    AND ((s.a_source, s.a_id, s.b_source, s.b_id) = (n.source, n.source_id, o.source, o.source_id)
                      OR (s.b_source, s.b_id, s.a_source, s.a_id) = (n.source, n.source_id, o.source, o.source_id)))
        """;

    /// <summary>Whether some record of @source, new in this import, has no point of its own (a list of labelled places).</summary>
    public const string NouvellesApproximatives = """
        SELECT EXISTS (SELECT 1 FROM fiches f JOIN changed c ON c.id = f.id WHERE c.inserted AND f.source = @source AND f.position_approximative)
        """;

    /// <summary>Whether a record of another source than @source is placed at its commune's point.</summary>
    public static readonly string AutresApproximatives = $"""
        SELECT EXISTS (SELECT 1 FROM fiches o WHERE o.position_approximative AND o.source <> @source AND NOT {PasPlacee})
        """;

    /// <summary>
    /// Places the new records of @source that have no point of their own (placed at their commune's): each joins the place
    /// of the record of another source, in the same commune (by code, or by postcode for a record without one), whose
    /// name is most alike (≥ @sim_nom), unless the overrides keep them apart or that place already has a record of @source.
    /// </summary>
    /// Hash joins on the commune's code and postcodes: such lists are short, and the records need no index for them.
    /// </summary>
    public static readonly string PlacerCommune = $$"""
        WITH n AS (
            SELECT f.id, f.source, f.source_id, {{N("f.nom")}} AS nom, f.code_insee,
                   (SELECT c.codes_postaux FROM communes c WHERE c.code = f.code_insee) AS codes_postaux
            FROM fiches f JOIN changed c ON c.id = f.id
            WHERE {{Nouvelles}} AND f.position_approximative),
        k AS (
            SELECT n.id, o.id AS o FROM n JOIN fiches o ON o.code_insee = n.code_insee
            UNION
            SELECT n.id, o.id FROM n CROSS JOIN LATERAL unnest(n.codes_postaux) AS cp(code) JOIN fiches o ON o.code_postal = cp.code
            WHERE o.code_insee IS NULL),
        m AS (
            SELECT DISTINCT ON (n.id) n.id, o.lieu_id, o.id AS avec, {{Ressemblance("n.nom", N("o.nom"))}} AS score
            FROM k JOIN n ON n.id = k.id JOIN fiches o ON o.id = k.o
            WHERE o.source <> n.source AND NOT {{PasPlacee}}
              AND {{Ressemblance("n.nom", N("o.nom"))}} >= @sim_nom
              AND NOT EXISTS (SELECT 1 FROM fiches s WHERE s.lieu_id = o.lieu_id AND s.source = n.source)
              AND {{PasSepares}}
            ORDER BY n.id, score DESC, o.id),
        u AS (SELECT DISTINCT ON (m.lieu_id) m.* FROM m ORDER BY m.lieu_id, m.score DESC, m.id)
        UPDATE fiches f SET lieu_id = u.lieu_id, fusion_regle = 'commune', fusion_avec = u.avec, fusion_distance_m = NULL
        FROM u WHERE f.id = u.id
        """;

    /// <summary>
    /// The other way: a new located record of @source that matched nothing nearby joins the place of a record of another
    /// source placed at the point of the same commune (by code, or by postcode) whose name is most alike (≥ @sim_nom).
    /// </summary>
    public static readonly string PlacerVersCommune = $$"""
        WITH n AS (
            SELECT f.id, f.source, f.source_id, {{N("f.nom")}} AS nom, f.code_insee, f.code_postal
            FROM fiches f JOIN changed c ON c.id = f.id
            WHERE {{Nouvelles}} AND NOT f.position_approximative
              AND (f.code_insee IS NOT NULL OR f.code_postal IS NOT NULL)),
        m AS (
            SELECT DISTINCT ON (n.id) n.id, o.lieu_id, o.id AS avec, o.score
            FROM n CROSS JOIN LATERAL (
                SELECT o.id, o.lieu_id, {{Ressemblance("n.nom", N("o.nom"))}} AS score
                FROM fiches o
                WHERE o.position_approximative AND o.source <> n.source AND NOT {{PasPlacee}}
                  AND (o.code_insee = n.code_insee
                       OR (n.code_insee IS NULL AND o.code_insee IN (SELECT c.code FROM communes c WHERE c.codes_postaux @> ARRAY[n.code_postal])))
                  AND NOT EXISTS (SELECT 1 FROM fiches s WHERE s.lieu_id = o.lieu_id AND s.source = n.source)
                  AND {{PasSepares}}) o
            WHERE o.score >= @sim_nom
            ORDER BY n.id, o.score DESC, o.id),
        u AS (SELECT DISTINCT ON (m.lieu_id) m.* FROM m ORDER BY m.lieu_id, m.score DESC, m.id)
        UPDATE fiches f SET lieu_id = u.lieu_id, fusion_regle = 'commune', fusion_avec = u.avec, fusion_distance_m = NULL
        FROM u WHERE f.id = u.id
        """;

    /// <summary>
    /// « fusionner » overrides: when the two records are in different places, every record of the second's place joins
    /// the first's. Returns the places touched. Run until it moves nothing (a chain of pairs takes several passes).
    /// </summary>
    public const string Fusionner = """
        WITH p AS (
            SELECT DISTINCT ON (fb.lieu_id) fa.lieu_id AS vers, fb.lieu_id AS depuis, fa.id AS a, fb.id AS b
            FROM fusions_liste s
            JOIN fiches fa ON fa.source = s.a_source AND fa.source_id = s.a_id
            JOIN fiches fb ON fb.source = s.b_source AND fb.source_id = s.b_id
            WHERE s.action = 'fusionner' AND fa.lieu_id <> fb.lieu_id AND fa.lieu_id IS NOT NULL AND fb.lieu_id IS NOT NULL),
        moved AS (
            UPDATE fiches f SET lieu_id = p.vers,
                fusion_regle = CASE WHEN f.id = p.b THEN 'liste' ELSE f.fusion_regle END,
                fusion_avec = CASE WHEN f.id = p.b THEN p.a ELSE f.fusion_avec END,
                fusion_distance_m = CASE WHEN f.id = p.b THEN NULL ELSE f.fusion_distance_m END
            FROM p WHERE f.lieu_id = p.depuis AND NOT EXISTS (SELECT 1 FROM p q WHERE q.vers = p.depuis)
            RETURNING p.depuis, p.vers)
        INSERT INTO touches SELECT depuis FROM moved UNION SELECT vers FROM moved
        """;

    /// <summary>« separer » overrides: a second record in the first's place leaves it for a place of its own (a new id).</summary>
    public const string Separer = """
        WITH s AS (
            SELECT DISTINCT fb.id, fb.lieu_id
            FROM fusions_liste s
            JOIN fiches fa ON fa.source = s.a_source AND fa.source_id = s.a_id
            JOIN fiches fb ON fb.source = s.b_source AND fb.source_id = s.b_id
            WHERE s.action = 'separer' AND fa.lieu_id = fb.lieu_id),
        moved AS (
            UPDATE fiches f SET lieu_id = nextval(pg_get_serial_sequence('fiches', 'id')), fusion_regle = NULL, fusion_avec = NULL, fusion_distance_m = NULL
            FROM s WHERE f.id = s.id
            RETURNING s.lieu_id AS avant, f.lieu_id AS apres)
        INSERT INTO touches SELECT avant FROM moved UNION SELECT apres FROM moved
        """;

    /// <summary>The records this import added that share their place with a record of another source.</summary>
    public const string CompterJointes = """
        SELECT count(*)::int FROM fiches f JOIN changed c ON c.id = f.id AND c.inserted
        WHERE EXISTS (SELECT 1 FROM fiches o WHERE o.lieu_id = f.lieu_id AND o.id <> f.id)
        """;

    public const string ToucherChangees = "INSERT INTO touches SELECT f.lieu_id FROM fiches f JOIN changed c ON c.id = f.id";

    /// <summary>The places an import touched that no record lists any more.</summary>
    public const string SupprimerVides = """
        DELETE FROM lieux l WHERE l.id IN (SELECT lieu_id FROM touches)
          AND NOT EXISTS (SELECT 1 FROM fiches f WHERE f.lieu_id = l.id)
        """;

    /// <summary>The place row both ways of building it write.</summary>
    private const string ColonnesLieu = """
        INSERT INTO lieux AS l (id, source, source_id, nom, adresse, code_postal, code_insee, commune, departement, lon, lat,
            site_web, telephone, horaires, typologie, labels, description, date_maj, provenance, position_approximative, row_hash,
            import_id, imported_at)
        """;

    /// <summary>A place row written again only when what its records say, or where its fields come from, changed.</summary>
    private const string MiseAJour = """
        ON CONFLICT (id) DO UPDATE SET
            source = excluded.source, source_id = excluded.source_id, nom = excluded.nom, adresse = excluded.adresse,
            code_postal = excluded.code_postal, code_insee = excluded.code_insee, commune = excluded.commune,
            departement = excluded.departement, lon = excluded.lon, lat = excluded.lat, site_web = excluded.site_web,
            telephone = excluded.telephone, horaires = excluded.horaires, typologie = excluded.typologie, labels = excluded.labels,
            description = excluded.description, date_maj = excluded.date_maj, provenance = excluded.provenance,
            position_approximative = excluded.position_approximative, row_hash = excluded.row_hash, import_id = excluded.import_id, imported_at = excluded.imported_at
        WHERE l.row_hash IS DISTINCT FROM excluded.row_hash OR l.provenance IS DISTINCT FROM excluded.provenance
        """;

    /// <summary>How the records of a place rank: records with a point of their own before those placed at their commune's, then the most recent data first (the row's date, else its source's), then the latest import.</summary>
    private const string Rang = "f.position_approximative, coalesce(f.date_maj, f.date_donnees) DESC NULLS LAST, f.imported_at DESC, f.id";

    private const string RangG = "g.position_approximative, coalesce(g.date_maj, g.date_donnees) DESC NULLS LAST, g.imported_at DESC, g.id";

    private static string Premier(string column) => $"(array_agg(f.{column} ORDER BY {Rang}) FILTER (WHERE f.{column} IS NOT NULL))[1]";

    private static string SourceDe(string column) => $"(array_agg(f.source ORDER BY {Rang}) FILTER (WHERE f.{column} IS NOT NULL))[1]";

    /// <summary>
    /// Each touched place made again from its records: name and address from the first-ranked record, the point and
    /// each contact field from the first-ranked record that has one (the provenance says which source gave what),
    /// the labels of all; the place keeps its id.
    /// </summary>
    public static readonly string Construire = $$"""
        {{ColonnesLieu}}
        SELECT f.lieu_id,
            (array_agg(f.source ORDER BY {{Rang}}))[1], (array_agg(f.source_id ORDER BY {{Rang}}))[1], (array_agg(f.nom ORDER BY {{Rang}}))[1],
            (array_agg(f.adresse ORDER BY {{Rang}}))[1], (array_agg(f.code_postal ORDER BY {{Rang}}))[1], (array_agg(f.code_insee ORDER BY {{Rang}}))[1],
            (array_agg(f.commune ORDER BY {{Rang}}))[1], {{Premier("departement")}},
            {{Premier("lon")}}, (array_agg(f.lat ORDER BY {{Rang}}) FILTER (WHERE f.lon IS NOT NULL))[1],
            {{Premier("site_web")}}, {{Premier("telephone")}}, {{Premier("horaires")}}, {{Premier("typologie")}},
            (SELECT coalesce(array_agg(y.label ORDER BY y.r, y.o), '{}') FROM (
                SELECT DISTINCT ON (x.label) x.label, g.r, x.o
                FROM (SELECT g.labels, row_number() OVER (ORDER BY {{RangG}}) AS r FROM fiches g WHERE g.lieu_id = f.lieu_id) g
                CROSS JOIN LATERAL unnest(g.labels) WITH ORDINALITY AS x(label, o)
                ORDER BY x.label, g.r, x.o) y),
            {{Premier("description")}}, max(f.date_maj),
            CASE WHEN count(*) > 1 THEN jsonb_strip_nulls(jsonb_build_object(
                'nom', (array_agg(f.source ORDER BY {{Rang}}))[1], 'adresse', (array_agg(f.source ORDER BY {{Rang}}))[1],
                'point', {{SourceDe("lon")}}, 'site_web', {{SourceDe("site_web")}}, 'telephone', {{SourceDe("telephone")}},
                'horaires', {{SourceDe("horaires")}}, 'typologie', {{SourceDe("typologie")}}, 'description', {{SourceDe("description")}})) END,
            coalesce((array_agg(f.position_approximative ORDER BY {{Rang}}) FILTER (WHERE f.lon IS NOT NULL))[1], false),
            md5(string_agg(f.row_hash, ',' ORDER BY f.id)), max(f.import_id), max(f.imported_at)
        FROM fiches f
        WHERE f.lieu_id IN (SELECT lieu_id FROM multi)
        GROUP BY f.lieu_id
        {{MiseAJour}}
        """;

    /// <summary>A touched place that one record lists is that record (same row digest formula as <see cref="Construire"/>).</summary>
    public static readonly string ConstruireSeules = $"""
        {ColonnesLieu}
        SELECT f.lieu_id, f.source, f.source_id, f.nom, f.adresse, f.code_postal, f.code_insee, f.commune, f.departement, f.lon, f.lat,
            f.site_web, f.telephone, f.horaires, f.typologie, f.labels, f.description, f.date_maj, NULL, f.position_approximative,
            md5(f.row_hash), f.import_id, f.imported_at
        FROM fiches f
        WHERE f.lieu_id IN (SELECT lieu_id FROM touches) AND NOT EXISTS (SELECT 1 FROM multi m WHERE m.lieu_id = f.lieu_id)
        {MiseAJour}
        """;

    public const string SupprimerServices = "DELETE FROM lieux_services WHERE lieu_id IN (SELECT lieu_id FROM touches)";

    /// <summary>The services of a place one record lists are that record's.</summary>
    public const string ConstruireServicesSeules = """
        INSERT INTO lieux_services (lieu_id, service_slug, libelle_source)
        SELECT f.lieu_id, fs.service_slug, fs.libelle_source
        FROM fiches f JOIN fiches_services fs ON fs.fiche_id = f.id
        WHERE f.lieu_id IN (SELECT lieu_id FROM touches) AND NOT EXISTS (SELECT 1 FROM multi m WHERE m.lieu_id = f.lieu_id)
        ORDER BY f.lieu_id
        """;

    /// <summary>A place offers every service one of its records offers (in the wording of the first-ranked that says it).</summary>
    public static readonly string ConstruireServices = $$"""
        INSERT INTO lieux_services (lieu_id, service_slug, libelle_source)
        SELECT DISTINCT ON (f.lieu_id, fs.service_slug) f.lieu_id, fs.service_slug, fs.libelle_source
        FROM fiches f JOIN fiches_services fs ON fs.fiche_id = f.id
        WHERE f.lieu_id IN (SELECT lieu_id FROM multi)
        ORDER BY f.lieu_id, fs.service_slug, {{Rang}}
        """;
}
