using System.Diagnostics;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// Rows read so far, with the rate: one line redrawn in place on a terminal, a plain line every few
/// seconds otherwise (logs, pipes).
/// </summary>
public sealed class ProgressDisplay(TextWriter output, bool interactive) : IProgress<long>
{
    private readonly Stopwatch clock = new();
    private TimeSpan last = TimeSpan.FromDays(-1);
    private long rows;
    private long shown = -1;

    public void Report(long value)
    {
        if (!clock.IsRunning) clock.Start(); // the rate counts from the first row read
        rows = value;
        var now = clock.Elapsed;
        if (now - last < TimeSpan.FromSeconds(interactive ? 0.2 : 1)) return;
        last = now;
        shown = rows;
        output.Write(interactive ? $"\r{Line()}   " : Line() + "\n");
        output.Flush();
    }

    /// <summary>Ends the display with the final count.</summary>
    public void Done()
    {
        if (interactive) output.Write($"\r{Line()}   \n");
        else if (shown != rows) output.Write(Line() + "\n");
        output.Flush();
    }

    private string Line()
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return string.Format(fr, "{0:N0} lignes lues — {1:N0} lignes/s", rows, rows / seconds);
    }
}
