using System.Globalization;
using System.Text;
using CsvHelper;
using Npgsql;
using OpenFabriques.Web.Startup;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// <c>doublons</c>: writes every match the merging made — the two records, the rule, the distance and the similarity
/// of their names — as CSV, so that a person can review them and add an override to <c>data/fusions.csv</c>.
/// </summary>
public static class DoublonsVerb
{
    private const string Sql = """
        SELECT f.lieu_id, a.source, a.source_id, a.nom, f.source, f.source_id, f.nom, f.fusion_regle, f.fusion_distance_m,
               round(similarity(lower(unaccent(a.nom)), lower(unaccent(f.nom)))::numeric, 2)
        FROM fiches f JOIN fiches a ON a.id = f.fusion_avec
        WHERE f.fusion_regle IS NOT NULL
        ORDER BY f.lieu_id, f.id
        """;

    public static async Task<int> RunAsync(string? path, IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct, loadDefaultDataset: false);
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using var file = path is null ? null : new StreamWriter(path, false, new UTF8Encoding(false));
        await using var csv = new CsvWriter(file ?? output, CultureInfo.InvariantCulture, leaveOpen: file is null);
        foreach (var h in new[] { "lieu_id", "source_a", "id_a", "nom_a", "source_b", "id_b", "nom_b", "regle", "distance_m", "similarite_noms" })
            csv.WriteField(h);
        await csv.NextRecordAsync();
        var rules = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand(Sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < 8; i++) csv.WriteField(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            csv.WriteField(reader.IsDBNull(8) ? "" : reader.GetDouble(8).ToString("0.#", CultureInfo.InvariantCulture));
            csv.WriteField(reader.GetDecimal(9).ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
            var rule = reader.GetString(7);
            rules[rule] = rules.GetValueOrDefault(rule) + 1;
        }
        await csv.FlushAsync();
        await errors.WriteLineAsync(string.Format(CultureInfo.GetCultureInfo("fr-FR"), "{0:N0} fiche(s) réunie(s) à celle d'une autre source{1}",
            rules.Values.Sum(), rules.Count == 0 ? "" : " : " + string.Join(", ", rules.Select(r => $"{r.Value} par {r.Key}"))));
        return 0;
    }
}
