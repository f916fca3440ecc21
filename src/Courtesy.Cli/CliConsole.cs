using System.CommandLine;
using Spectre.Console;

namespace Courtesy.Cli;

/// <summary>A verb's standard output and error as Spectre consoles over the invocation's writers, so tests can
/// capture them; colour only on a real terminal, and no wrapping when piped (an error line stays one line).</summary>
internal sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error)
{
    public static CliConsole For(ParseResult parse) =>
        new(Create(parse.InvocationConfiguration.Output, Console.Out, Console.IsOutputRedirected),
            Create(parse.InvocationConfiguration.Error, Console.Error, Console.IsErrorRedirected));

    public bool IsTerminal => Out.Profile.Capabilities.Ansi;

    public void MarkupLine(string markup) => Out.MarkupLine(markup);

    public void Write(Table table) => Out.Write(table);

    public void Fail(string message) => Error.MarkupLine($"[red]{Markup.Escape(message)}[/]");

    private static IAnsiConsole Create(TextWriter writer, TextWriter terminal, bool redirected)
    {
        var isTerminal = writer == terminal && !redirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!isTerminal)
            console.Profile.Width = 10_000;
        return console;
    }
}
