using System.Diagnostics;
using Xunit;

namespace OpenFabriques.Tests;

/// <summary>Runs a program of the machine (ogrinfo, ogr2ogr) and returns what it printed; fails the test if it fails.</summary>
public static class ExternalProgram
{
    /// <summary>The checkout the tests run from (the folder of libman.json), for the project's own scripts.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "libman.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("libman.json not found above the test folder");
    }

    public static async Task<string> RunAsync(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{program} failed: {await errors}{await output}");
        return await output;
    }
}
