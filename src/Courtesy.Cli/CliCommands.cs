using System.CommandLine;

namespace Courtesy.Cli;

/// <summary>Every top-level verb, one feature per file; add a feature's verbs here.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return PolicyCommands.Build();
    }
}
