namespace OpenFabriques.Web.Cli;

/// <summary>
/// The words of a verb: one positional argument at most, options with a value (--format lmn) and flags
/// (--prune). Anything else is a <see cref="UsageException"/> that names the word.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public string? Positional { get; private set; }

    public static Arguments Parse(IReadOnlyList<string> words, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        ArgumentNullException.ThrowIfNull(words);
        var a = new Arguments();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith("--", StringComparison.Ordinal))
            {
                if (flagOptions.Contains(w)) a.flags.Add(w);
                else if (valueOptions.Contains(w))
                {
                    if (i + 1 >= words.Count) throw new UsageException($"{w} attend une valeur");
                    a.values[w] = words[++i];
                }
                else throw new UsageException($"option inconnue : {w}");
            }
            else if (a.Positional is null) a.Positional = w;
            else throw new UsageException($"argument en trop : {w}");
        }
        return a;
    }

    public string? Value(string option) => values.GetValueOrDefault(option);

    public string Required(string option) => Value(option) ?? throw new UsageException($"{option} est obligatoire");

    public bool Flag(string option) => flags.Contains(option);

    public int Number(string option, int fallback, int min, int max)
    {
        if (Value(option) is not { } text) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"{option} attend un nombre entier entre {min} et {max}, pas « {text} »");
        return n;
    }
}

/// <summary>A command line that cannot be understood; the message names what is wrong.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException() : this("commande incomprise") { }

    public UsageException(string message, Exception inner) : this(message) => _ = inner;
}
