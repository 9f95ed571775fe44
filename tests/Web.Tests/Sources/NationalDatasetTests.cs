using System.Text.Json;

namespace OpenFabriques.Web.Tests.Sources;

/// <summary>A portal as <c>scripts/start.sh</c> starts it: every registered source's bundled snapshot loaded into an empty database.</summary>
public sealed class NationalPortalFixture : ConfiguredPortalFixture
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["OpenFabriques:DefaultSources"] = "*";
        settings["OpenFabriques:DistancesInterval"] = "01:00:00";
    }
}

public class NationalDatasetTests(NationalPortalFixture portal) : IClassFixture<NationalPortalFixture>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Every_registered_source_is_loaded_under_its_own_key()
    {
        var counts = (await portal.Database.ScalarAsync<string>(
                "SELECT string_agg(source || '=' || n, ',') FROM (SELECT source, count(*) AS n FROM fiches GROUP BY source) s"))
            .Split(',').Select(x => x.Split('=')).ToDictionary(x => x[0], x => long.Parse(x[1], System.Globalization.CultureInfo.InvariantCulture));

        // The files' rows, less those the importer refused (each with its line and reason in the import's report).
        Assert.Equal(["conseiller-numerique", "france-services", "hinaura", "tiers-lieux-2019"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2_845L, counts["france-services"]);
        Assert.InRange(counts["conseiller-numerique"], 4_800L, 4_930L);
        Assert.InRange(counts["tiers-lieux-2019"], 1_450L, 1_512L);
        Assert.Equal(687L, counts["hinaura"]);

        // One place per real place: the records of several sources describing one place make one place, and a place
        // never holds two records of one source.
        var places = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux");
        Assert.InRange(places, 9_000L, counts.Values.Sum() - 500);
        Assert.Equal(places, await portal.Database.ScalarAsync<long>("SELECT count(DISTINCT lieu_id) FROM fiches"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT lieu_id, source FROM fiches GROUP BY lieu_id, source HAVING count(*) > 1) x"));
        // Every located place has its département, but for the overseas collectivities outside the 101 (Saint-Martin: 978).
        Assert.Equal("", await portal.Database.ScalarAsync<string>("""
            SELECT coalesce(string_agg(concat_ws(' ', source, source_id, nom, code_insee), ' | '), '') FROM lieux
            WHERE departement IS NULL AND geom IS NOT NULL AND coalesce(left(code_insee, 3), '') NOT IN ('975', '977', '978')
            """));
    }

    [Fact]
    public async Task The_places_cover_the_departements_and_najac_has_places_within_30_km()
    {
        var empty = await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM departements d WHERE NOT EXISTS (SELECT 1 FROM lieux l WHERE l.departement = d.code)");
        Assert.InRange(empty, 0, 2);

        using var client = portal.Factory.CreateClient();
        using var najac = JsonDocument.Parse(await client.GetStringAsync(U("/api/lieux/proches?lat=44.2197&lon=1.9697&limit=5")));
        var items = najac.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("distance_m").GetDouble() < 30_000, i.ToString()));
    }

    [Fact]
    public async Task Pages_and_receipts_name_each_source_by_its_title_producer_and_date()
    {
        using var client = portal.Factory.CreateClient();
        var donnees = await client.GetStringAsync(U("/donnees"));
        foreach (var titre in new[] { "Recensement national des tiers-lieux", "Liste des structures France services",
                     "Structures d&#x27;accueil des conseillers num&#xE9;riques France Services", "Lieux de m&#xE9;diation num&#xE9;rique d&#x27;Auvergne-Rh&#xF4;ne-Alpes" })
            Assert.Contains(titre, donnees, StringComparison.Ordinal);
        Assert.Contains("2 845", System.Net.WebUtility.HtmlDecode(donnees).Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);

        // The footer of any page credits the four sources with their dates.
        var home = await client.GetStringAsync(U("/departements"));
        Assert.Contains("donn&#xE9;es de juin 2019", home, StringComparison.Ordinal);
        Assert.Contains("donn&#xE9;es du 1 ao&#xFB;t 2024", home, StringComparison.Ordinal);

        using var receipt = JsonDocument.Parse(await client.GetStringAsync(U("/exports/manifest.json?departement=12")));
        var sources = receipt.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.True(sources.Count >= 3);
        Assert.All(sources, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("producteur").GetString())));
        Assert.Contains("France services", receipt.RootElement.GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_labels_of_national_programmes_are_counted_by_slug_whatever_each_source_wrote()
    {
        async Task<long> Count(string slug) =>
            await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE $1 = ANY(labels)", slug);

        // Every France services of the list, and the conseillers numériques' hosts that say « France Services ».
        Assert.True(await Count("france-services") > 2_845);
        Assert.Equal(await portal.Database.ScalarAsync<long>("SELECT count(DISTINCT lieu_id) FROM fiches WHERE source = 'conseiller-numerique'"), await Count("conseiller-numerique"));
        Assert.True(await Count("aidants-connect") > 0);
        Assert.True(await Count("tiers-lieu-coworking") > 1_000);
        Assert.True(await Count("tiers-lieu-fablab") > 300);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM lieux WHERE 'CNFS' = ANY(labels) OR 'France Services' = ANY(labels)"));

        // The filter takes a wording or the slug; the map's filter and a place page show the label in words.
        using var client = portal.Factory.CreateClient();
        using var bySlug = JsonDocument.Parse(await client.GetStringAsync(U("/api/lieux?label=aidants-connect&limit=1")));
        using var byWords = JsonDocument.Parse(await client.GetStringAsync(U("/api/lieux?label=Aidants%20Connect&limit=1")));
        Assert.Equal(await Count("aidants-connect"), bySlug.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(await Count("aidants-connect"), byWords.RootElement.GetProperty("total").GetInt64());
        var carte = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(U("/")));
        Assert.Contains(">Conseiller numérique (", carte, StringComparison.Ordinal);
        var id = await portal.Database.ScalarAsync<long>("SELECT min(id) FROM lieux WHERE 'aidants-connect' = ANY(labels)");
        var fiche = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(U($"/lieux/{id}")));
        Assert.Contains("<li>Aidants Connect</li>", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>aidants-connect</li>", fiche, StringComparison.Ordinal);
    }
}
