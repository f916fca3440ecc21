using System.CommandLine;

namespace Courtesy.Cli;

/// <summary>Every top-level verb, one feature per file; add a feature's verbs here.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return ServeCommand.Build();
        yield return SchoolCommands.School();
        yield return SchoolCommands.Trust();
        yield return SchoolCommands.User();
        yield return RosterCommands.Build();
        yield return DbCommands.Build();
        yield return DbCommands.BackupCommand();
        yield return DbCommands.RestoreCommand();
        yield return PolicyCommands.Build();
        foreach (var c in CaseCommands.All()) yield return c;
        foreach (var command in ScreeningCommands.All()) yield return command;
    }
}
