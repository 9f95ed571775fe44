using NetArchTest.Rules;

namespace OpenFabriques.Web.Tests;

/// <summary>
/// The layers of the portal (docs/architecture.md): the store at the bottom knows no feature; the web
/// plumbing (Infrastructure) knows only the store; features may use each other without cycles; start-up,
/// the command line and Program sit on top, and nothing below uses them.
/// </summary>
public class ArchitectureTests
{
    private const string Root = "OpenFabriques.Web";
    private static readonly string[] Top = ["Startup", "Cli"];

    /// <summary>The first-level namespaces of the portal (Pages counts as one, with its sub-namespaces).</summary>
    private static readonly string[] Namespaces = typeof(Program).Assembly.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith(Root + ".", StringComparison.Ordinal))
        .Select(n => n![(Root.Length + 1)..].Split('.')[0])
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static bool DependsOn(string from, string to) =>
        !Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"{Root}.{from}")
            .ShouldNot().HaveDependencyOn($"{Root}.{to}").GetResult().IsSuccessful;

    private static IEnumerable<string> Dependencies(string from) => Namespaces.Where(to => to != from && DependsOn(from, to));

    [Fact]
    public void The_store_knows_no_feature()
    {
        Assert.Contains("Store", Namespaces);
        Assert.Empty(Dependencies("Store"));
    }

    [Fact]
    public void The_web_plumbing_knows_only_the_store()
    {
        Assert.Equal(["Store"], Dependencies("Infrastructure"));
    }

    [Fact]
    public void Nothing_below_uses_start_up_or_the_command_line()
    {
        foreach (var from in Namespaces.Except(Top))
            foreach (var top in Top)
                Assert.False(DependsOn(from, top), $"{from} depends on {top}");
    }

    [Fact]
    public void The_namespaces_depend_on_each_other_without_cycles()
    {
        Assert.True(Namespaces.Length >= 10, string.Join(", ", Namespaces));
        var edges = Namespaces.ToDictionary(n => n, n => Dependencies(n).ToList());
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new Stack<string>();
        string? Visit(string n)
        {
            if (state.GetValueOrDefault(n) == 2) return null;
            if (state.GetValueOrDefault(n) == 1) return string.Join(" → ", path.Reverse().SkipWhile(p => p != n).Append(n));
            state[n] = 1;
            path.Push(n);
            foreach (var m in edges[n])
                if (Visit(m) is { } cycle) return cycle;
            path.Pop();
            state[n] = 2;
            return null;
        }
        foreach (var n in Namespaces)
            Assert.Null(Visit(n));
    }
}
