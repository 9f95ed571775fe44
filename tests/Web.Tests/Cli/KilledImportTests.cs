using System.Diagnostics;
using OpenFabriques.Web.Cli;
using OpenFabriques.Web.Tests.Import;

namespace OpenFabriques.Web.Tests.Cli;

public class KilledImportTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    private Task<string> SnapshotAsync() => portal.Database.ScalarAsync<string>("""
        SELECT concat_ws(' ', (SELECT count(*) FROM lieux), (SELECT count(*) FROM lieux_services), (SELECT count(*) FROM imports),
            (SELECT md5(string_agg(l::text, '' ORDER BY id)) FROM lieux l))
        """);

    /// <summary>The count of a progress line such as « 20 000 lignes lues — 9 000 lignes/s », 0 for another line.</summary>
    private static long RowsRead(string line)
    {
        var i = line.IndexOf(" lignes lues", StringComparison.Ordinal);
        return i < 0 ? 0 : long.Parse(new string(line[..i].Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Killing_an_import_midway_leaves_the_previous_data_untouched()
    {
        var settings = portal.CommandLineSettings;
        var small = Path.GetTempFileName();
        var big = Path.GetTempFileName();
        try
        {
            // The data in place: 200 synthetic places. Then a file of 300,000 whose first 200 change them.
            Assert.Equal(0, await CommandLine.RunAsync(["generate", "--count", "200", "--seed", "1", "--out", small], TextWriter.Null, TextWriter.Null, settings));
            Assert.Equal(0, await CommandLine.RunAsync(["import", "--format", "openfabriques", small], TextWriter.Null, TextWriter.Null, settings));
            Assert.Equal(0, await CommandLine.RunAsync(["generate", "--count", "300000", "--seed", "2", "--out", big], TextWriter.Null, TextWriter.Null, settings));
            var before = await SnapshotAsync();

            // The real command in its own process, killed (SIGKILL) once it has read rows.
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OpenFabriques.Web.dll"), "import", "--format", "openfabriques", big])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment = { ["ConnectionStrings__OpenFabriques"] = portal.Database.ConnectionString, ["DOTNET_gcServer"] = "0" },
            };
            using var import = Process.Start(start)!;
            string? line;
            while ((line = await import.StandardError.ReadLineAsync()) is not null && RowsRead(line) == 0)
            {
            }
            Assert.False(import.HasExited, $"the import ended before it could be killed: {line}");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            Assert.Equal(before, await SnapshotAsync());
            // Nothing is left locked: the next import goes through.
            Assert.Equal(0, await CommandLine.RunAsync(["import", "--format", "openfabriques", small], TextWriter.Null, TextWriter.Null, settings));
        }
        finally
        {
            File.Delete(small);
            File.Delete(big);
        }
    }
}
