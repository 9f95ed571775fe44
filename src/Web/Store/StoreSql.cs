namespace OpenFabriques.Web.Store;

internal static class StoreSql
{
    public const string UpsertService = """
        INSERT INTO services (slug, libelle, groupe, ordre) VALUES ($1, $2, $3, $4)
        ON CONFLICT (slug) DO UPDATE SET libelle = excluded.libelle, groupe = excluded.groupe, ordre = excluded.ordre
        """;

    public const string AnyLieu = "SELECT 1 FROM lieux LIMIT 1";
}
