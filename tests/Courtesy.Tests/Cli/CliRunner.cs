using System.CommandLine;
using Courtesy.Cli;

namespace Courtesy.Tests.Cli;

/// <summary>Runs the whole `courtesy` command tree in-process with its output captured.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        foreach (var c in CliCommands.All()) root.Subcommands.Add(c);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
