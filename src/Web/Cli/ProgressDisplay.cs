using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// Rows read so far, with the rate: a live Spectre.Console display on a terminal, a plain line every second
/// otherwise (logs, pipes, tests read those).
/// </summary>
public abstract class ProgressDisplay : IProgress<long>
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private readonly Stopwatch clock = new();

    protected long Rows { get; private set; }

    /// <summary>Runs <paramref name="work"/> while showing its progress on <paramref name="output"/>.</summary>
    public static async Task<T> RunAsync<T>(TextWriter output, bool interactive, Func<IProgress<long>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!interactive)
        {
            var plain = new Plain(output);
            var result = await work(plain);
            plain.Done();
            return result;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var live = new Live(context.AddTask("lecture…").IsIndeterminate());
                var result = await work(live);
                live.Done();
                return result;
            });
    }

    public void Report(long value)
    {
        if (!clock.IsRunning) clock.Start(); // the rate counts from the first row read
        Rows = value;
        Show(false);
    }

    /// <summary>Ends the display with the final count.</summary>
    public void Done() => Show(true);

    protected abstract void Show(bool final);

    protected TimeSpan Elapsed => clock.Elapsed;

    protected string Line() =>
        string.Format(Fr, "{0:N0} lignes lues — {1:N0} lignes/s", Rows, Rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001));

    private sealed class Plain(TextWriter output) : ProgressDisplay
    {
        private TimeSpan last = TimeSpan.FromDays(-1);
        private long shown = -1;

        protected override void Show(bool final)
        {
            if (final ? shown == Rows : Elapsed - last < TimeSpan.FromSeconds(1)) return;
            last = Elapsed;
            shown = Rows;
            output.Write(Line() + "\n");
            output.Flush();
        }
    }

    private sealed class Live(ProgressTask task) : ProgressDisplay
    {
        protected override void Show(bool final)
        {
            task.Description = Markup.Escape(Line());
            if (!final) return;
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
