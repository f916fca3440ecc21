using System.CommandLine;
using Courtesy.Cli;

var root = new RootCommand("Courtesy: social media policy and incident management for schools and trusts.");
foreach (var command in CliCommands.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
