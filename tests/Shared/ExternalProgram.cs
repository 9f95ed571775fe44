using System.Diagnostics;
using Xunit;

namespace OpenFabriques.Tests;

/// <summary>Runs a program of the machine (ogrinfo, ogr2ogr) and returns what it printed; fails the test if it fails.</summary>
public static class ExternalProgram
{
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{program} failed: {await errors}");
        return await output;
    }
}
