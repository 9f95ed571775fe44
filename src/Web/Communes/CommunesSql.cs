namespace OpenFabriques.Web.Communes;

internal static class CommunesSql
{
    /// <summary>Two portals starting together load the file once.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('openfabriques.communes'))";

    /// <summary>Whether this version of the file is the one loaded ($1 file name, $2 SHA-256).</summary>
    public const string Known = "SELECT 1 FROM donnees_reference WHERE fichier = $1 AND sha256 = $2";

    /// <summary>New communes: the distances computed for the old ones no longer hold (the worker computes them again).</summary>
    public const string DeleteAll = "DELETE FROM communes; DELETE FROM distances_calcul";

    public const string Record = """
        INSERT INTO donnees_reference (fichier, sha256, charge_le) VALUES ($1, $2, now())
        ON CONFLICT (fichier) DO UPDATE SET sha256 = EXCLUDED.sha256, charge_le = EXCLUDED.charge_le
        """;

    public const string CreateStaging = """
        CREATE TEMP TABLE stage_communes (code text, nom text, departement text, population integer, codes_postaux text,
            longitude double precision, latitude double precision, source_point text) ON COMMIT DROP
        """;

    public const string Copy = """
        COPY stage_communes FROM STDIN (FORMAT csv, HEADER true)
        """;

    /// <summary>
    /// Names are searched without case, accents or punctuation ("saint etienne" finds Saint-Étienne). A commune
    /// with no point of its own gets a point inside its département.
    /// </summary>
    public const string Insert = """
        INSERT INTO communes (code, nom, nom_recherche, departement, population, codes_postaux, lon, lat, source_point)
        SELECT s.code, s.nom, trim(regexp_replace(lower(unaccent(s.nom)), '[^a-z0-9]+', ' ', 'g')), s.departement, s.population,
               string_to_array(s.codes_postaux, ' '),
               coalesce(s.longitude, ST_X(ST_PointOnSurface(d.geom))), coalesce(s.latitude, ST_Y(ST_PointOnSurface(d.geom))),
               CASE WHEN s.longitude IS NULL THEN 'departement' ELSE s.source_point END
        FROM stage_communes s JOIN departements d ON d.code = s.departement
        """;

    /// <summary>Communes whose name starts with the text, or that have the postcode; the most populated first.</summary>
    public const string Search = """
        SELECT code, nom, departement, codes_postaux, lon, lat, source_point, population
        FROM communes
        WHERE (@postcode::text IS NOT NULL AND codes_postaux @> ARRAY[@postcode::text])
           OR (@postcode::text IS NULL AND nom_recherche LIKE @prefix)
        ORDER BY (nom_recherche = @exact) DESC, population DESC, nom
        LIMIT @limit
        """;

    /// <summary>The text as names are stored for search, followed by the LIKE wildcard (the text is escaped).</summary>
    public const string Normalise = "SELECT trim(regexp_replace(lower(unaccent(@q)), '[^a-z0-9]+', ' ', 'g'))";
}
