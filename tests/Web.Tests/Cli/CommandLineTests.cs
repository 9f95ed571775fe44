using System.Net;
using System.Net.Sockets;
using OpenFabriques.Web.Cli;
using OpenFabriques.Web.Tests.Import;

namespace OpenFabriques.Web.Tests.Cli;

public class CommandLineTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, errors, portal.CommandLineSettings);
        return (code, output.ToString(), errors.ToString());
    }

    private Task<string> ByDepartementAsync(string source) => portal.Database.ScalarAsync<string>(
        "SELECT string_agg(source_id || ':' || coalesce(departement, '-'), ' ' ORDER BY source_id) FROM fiches WHERE source = $1", source);

    private Task<string> ServicesAsync(string source, string sourceId) => portal.Database.ScalarAsync<string>("""
        SELECT string_agg(ls.service_slug || '=' || ls.libelle_source, ' | ' ORDER BY ls.service_slug)
        FROM fiches_services ls JOIN fiches l ON l.id = ls.fiche_id WHERE l.source = $1 AND l.source_id = $2
        """, source, sourceId);

    [Fact]
    public async Task Imports_the_2019_census_without_its_personal_data()
    {
        var (code, output, _) = await RunAsync("import", "--format", "anct-tiers-lieux-2019",
            EmptyPortalFixture.FixturePath("anct-tiers-lieux-2019.csv"), "--source", "anct-2019");

        Assert.Equal(0, code);
        Assert.Matches(@"ajoutés\s+4\b", output);
        Assert.Matches(@"rejetées\s+2\b", output);
        Assert.Contains("rejet ligne 6, LAT", output, StringComparison.Ordinal);
        Assert.Equal("1:12 2:2A 3:974 4:01", await ByDepartementAsync("anct-2019"));
        Assert.Equal("coworking=Tiers lieux à dominante coworking", await ServicesAsync("anct-2019", "1"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM fiches l WHERE l::text ~* '(martin|rossi|hoarau|@example\\.org)'"));
    }

    [Fact]
    public async Task Imports_the_france_services_list_with_hours_and_label()
    {
        var (code, output, _) = await RunAsync("import", "--format", "france-services", EmptyPortalFixture.FixturePath("france-services.csv"));

        Assert.Equal(0, code);
        Assert.Matches(@"ajoutés\s+3\b", output);
        Assert.Equal("FS-12-001:12 FS-2B-004:2B FS-976-001:976", await ByDepartementAsync("france-services"));
        Assert.Equal("france-services", await portal.Database.ScalarAsync<string>(
            "SELECT array_to_string(labels, ',') FROM fiches WHERE source = 'france-services' AND source_id = 'FS-12-001'"));
        Assert.StartsWith("lundi : 09h00-12h00 ; mardi", await portal.Database.ScalarAsync<string>(
            "SELECT horaires FROM fiches WHERE source = 'france-services' AND source_id = 'FS-12-001'"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lmn-v1.csv", "lmn-v1-csv", 3, 3, "ajaccio:2A cyber-rodez:12 lc-najac:12")]
    [InlineData("lmn-v1.json", "lmn-v1-json", 2, 0, "cyber-rodez:12 lc-najac:12")]
    [InlineData("lmn-v01.json", "lmn-v01-json", 3, 4, "1:12 2:2A 7:974")]
    [InlineData("lmn-v01.csv", "lmn-v01-csv", 2, 1, "0:74 136:73")]
    public async Task Imports_lieux_de_mediation_numerique_v1_and_v01(string file, string source, int inserted, int rejected, string departements)
    {
        // Rows that name their upstream source are stored under it (« Les Lieux communs », « Exemple », « Hinaura »), the
        // others under --source: each case starts without the upstream sources' places, which the fixtures share.
        string[] upstream = ["les-lieux-communs", "exemple", "hinaura"];
        await portal.Database.ExecuteAsync(
            "WITH f AS (DELETE FROM fiches WHERE source = ANY($1) RETURNING id) DELETE FROM fiches_services WHERE fiche_id IN (SELECT id FROM f)", [upstream]);

        var (code, output, _) = await RunAsync("import", "--format", "lmn", EmptyPortalFixture.FixturePath(file), "--source", source);

        Assert.Equal(0, code);
        Assert.Matches($@"ajoutés\s+{inserted}\b", output);
        Assert.Matches($@"rejetées\s+{rejected}\b", output);
        Assert.Equal(departements, await portal.Database.ScalarAsync<string>(
            "SELECT string_agg(source_id || ':' || coalesce(departement, '-'), ' ' ORDER BY source_id) FROM fiches WHERE source = ANY($1)",
            [upstream.Append(source).ToArray()]));
    }

    [Fact]
    public async Task A_row_that_names_its_upstream_source_is_stored_under_it_with_the_upstream_id()
    {
        await RunAsync("import", "--format", "lmn", EmptyPortalFixture.FixturePath("lmn-v01.csv"), "--source", "agregat-essai");

        // « Hinaura », id 0: the same identity as the Hinaura file's own place 0, whichever file brings it.
        Assert.Equal("hinaura", await portal.Database.ScalarAsync<string>(
            "SELECT source FROM fiches WHERE source_id = '0' AND nom LIKE 'MAISON DE SERVICES AU PUBLIC D%ABONDANCE'"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM fiches WHERE source = 'agregat-essai'"));
    }

    [Fact]
    public async Task The_v1_services_keep_their_wording_and_unknown_ones_go_under_autre()
    {
        await RunAsync("import", "--format", "lmn", EmptyPortalFixture.FixturePath("lmn-v1.csv"), "--source", "lmn-services");

        Assert.Equal("autre=Réparation de vélos | maitrise-outils-numeriques=Maîtrise des outils numériques du quotidien",
            await ServicesAsync("lmn-services", "cyber-rodez"));
    }

    [Fact]
    public async Task Strict_refuses_a_file_with_a_bad_row_and_exits_non_zero()
    {
        var (code, output, _) = await RunAsync("import", "--format", "lmn", EmptyPortalFixture.FixturePath("lmn-v1.csv"),
            "--source", "lmn-strict", "--strict");

        Assert.Equal(1, code);
        Assert.Contains("fichier refusé", output, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM fiches WHERE source = 'lmn-strict'"));
    }

    [Fact]
    public async Task Validate_reports_by_line_and_field_and_writes_nothing()
    {
        var report = Path.GetTempFileName();
        try
        {
            var (code, output, _) = await RunAsync("validate", "--format", "lmn", EmptyPortalFixture.FixturePath("lmn-v1.csv"), "--report", report);

            Assert.Equal(1, code);
            Assert.Matches(@"acceptées\s+3\b", output);
            var lines = await File.ReadAllLinesAsync(report);
            Assert.Equal("ligne,champ,gravite,message", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("5,pivot,rejet,", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("4,telephone,avertissement,", StringComparison.Ordinal));
            Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM fiches WHERE source = 'lmn'"));
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_plainly()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "ID,NOM\n1,Tiers-lieu\n");
        try
        {
            var (code, _, errors) = await RunAsync("import", "--format", "anct-tiers-lieux-2019", path);

            Assert.Equal(3, code);
            Assert.Contains("NOM_TL", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "import", "--format", "csv", "x.csv" }, "format inconnu « csv »")]
    [InlineData(new[] { "import", "x.csv" }, "'--format'")]
    [InlineData(new[] { "import", "--format", "lmn" }, "Argument obligatoire manquant")]
    [InlineData(new[] { "import", "--format", "lmn", "x.csv", "--source", "Pas Bien" }, "--source")]
    [InlineData(new[] { "generate", "--count", "beaucoup", "--out", "x.csv" }, "--count attend un nombre entier")]
    [InlineData(new[] { "import", "--format", "lmn", "x.csv", "--vite" }, "'--vite'")]
    [InlineData(new[] { "validate", "--format", "lmn", "x.csv", "--prune" }, "'--prune'")]
    [InlineData(new[] { "generate", "--count", "0", "--out", "x.csv" }, "--count attend un nombre entier entre 1 et")]
    public async Task A_command_it_cannot_understand_exits_2_naming_the_problem(string[] args, string message)
    {
        var (code, _, errors) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_verb_gets_a_suggestion_and_each_verb_its_own_help()
    {
        var (code, _, errors) = await RunAsync("imprt", "--format", "lmn", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("Vouliez-vous dire « import » ?", errors, StringComparison.Ordinal);

        var (helpCode, help, _) = await RunAsync("import", "--help");
        Assert.Equal(0, helpCode);
        foreach (var word in new[] { "--format", "--source", "--prune", "--strict", "--report", "fichier-ou-url", "Exemples", "openfabriques import --format lmn" })
            Assert.Contains(word, help, StringComparison.Ordinal);
        var (_, generateHelp, _) = await RunAsync("help", "generate");
        Assert.Contains("--count", generateHelp, StringComparison.Ordinal);
        Assert.DoesNotContain("--prune", generateHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_from_an_http_url()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var bytes = await File.ReadAllBytesAsync(EmptyPortalFixture.FixturePath("france-services.csv"));
            context.Response.ContentType = "text/csv";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });

        var url = $"http://127.0.0.1:{port}/france-services.csv";
        var (code, output, errors) = await RunAsync("import", "--format", "france-services", url, "--source", "fs-url");
        await serving;

        Assert.Equal(0, code);
        Assert.Contains("téléchargé", errors, StringComparison.Ordinal);
        Assert.Equal(3L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM fiches WHERE source = 'fs-url'"));
        Assert.Equal(url, await portal.Database.ScalarAsync<string>("SELECT origin FROM imports WHERE source = 'fs-url'"));
        Assert.Contains("import n°", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_url_says_so_plainly()
    {
        var (code, _, errors) = await RunAsync("import", "--format", "france-services", $"http://127.0.0.1:{FreePort()}/liste.csv");

        Assert.Equal(3, code);
        Assert.Contains("impossible de joindre 127.0.0.1", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_places_import_with_the_portal_format()
    {
        var path = Path.GetTempFileName();
        try
        {
            var (genCode, _, _) = await RunAsync("generate", "--count", "500", "--seed", "3", "--out", path);
            var (code, output, _) = await RunAsync("import", "--format", "openfabriques", path);

            Assert.Equal((0, 0), (genCode, code));
            Assert.Matches(@"ajoutés\s+500\b", output);
            Assert.Equal(500L, await portal.Database.ScalarAsync<long>(
                "SELECT count(*) FROM fiches WHERE source = 'synthetique' AND departement IS NOT NULL AND geom IS NOT NULL"));
            Assert.True(await portal.Database.ScalarAsync<long>(
                "SELECT count(*) FROM fiches l JOIN departements d ON d.code = l.departement WHERE l.source = 'synthetique' AND ST_Contains(d.geom, l.geom)") == 500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
