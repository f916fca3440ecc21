using System.CommandLine;
using Courtesy.Policies;
using Spectre.Console;

namespace Courtesy.Cli;

/// <summary><c>courtesy policy list | render | validate</c>.</summary>
public static class PolicyCommands
{
    public static Command Build(string? policiesDirectory = null)
    {
        var dirOption = new Option<string?>("--dir")
        {
            Description = "The policy packs folder (default: policies/ next to the program, else the nearest policies/ above the current folder)",
            Recursive = true,
        };
        var policy = new Command("policy", "List, print and check policy packs (a school's social media policy as data)");
        policy.Options.Add(dirOption);
        policy.Subcommands.Add(List(dirOption, policiesDirectory));
        policy.Subcommands.Add(Render(dirOption, policiesDirectory));
        policy.Subcommands.Add(Validate());
        return policy;
    }

    private static Command List(Option<string?> dirOption, string? fallbackDir)
    {
        var list = new Command("list", "List the policy packs: id, title, version, next review (and whether it is overdue)");
        list.SetAction(parse =>
        {
            var console = Console(parse);
            return Guarded(console, () =>
            {
                var library = new PolicyLibrary(parse.GetValue(dirOption) ?? fallbackDir);
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var table = new Table().AddColumns("id", "title", "school or trust", "version", "next review");
                foreach (var id in library.Ids())
                {
                    var pack = library.Get(id);
                    var review = pack.NextReview is null
                        ? "-"
                        : pack.IsReviewOverdue(today)
                            ? $"{Markup.Escape(pack.NextReview.Text)} [red](overdue)[/]"
                            : Markup.Escape(pack.NextReview.Text);
                    table.AddRow(Markup.Escape(pack.Id), Markup.Escape(pack.Title), Markup.Escape(pack.Name), Markup.Escape(pack.Version), review);
                }
                console.Write(table);
                return 0;
            });
        });
        return list;
    }

    private static Command Render(Option<string?> dirOption, string? fallbackDir)
    {
        var id = new Argument<string>("id") { Description = "The pack id, e.g. flitwick-lower (see `courtesy policy list`)" };
        var format = new Option<string>("--format")
        {
            Description = "md (Markdown) or html (a printable standalone page)",
            DefaultValueFactory = _ => "md",
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of the terminal" };
        var render = new Command("render", "Print a policy pack as the document the school publishes");
        render.Arguments.Add(id);
        render.Options.Add(format);
        render.Options.Add(output);
        render.SetAction(parse =>
        {
            var console = Console(parse);
            return Guarded(console, () =>
            {
                var kind = parse.GetValue(format)!;
                if (kind is not ("md" or "html"))
                {
                    Fail(console, $"unknown format '{kind}': use md or html");
                    return 2;
                }
                var pack = new PolicyLibrary(parse.GetValue(dirOption) ?? fallbackDir).Get(parse.GetValue(id)!);
                var text = kind == "md" ? PolicyRenderer.ToMarkdown(pack) : PolicyRenderer.ToHtml(pack);
                if (parse.GetValue(output) is { } file)
                {
                    File.WriteAllText(file.FullName, text);
                    console.MarkupLine($"wrote [bold]{Markup.Escape(file.FullName)}[/]");
                }
                else
                {
                    // the document goes out untouched: no markup parsing, no wrapping
                    parse.InvocationConfiguration.Output.Write(text);
                }
                return 0;
            });
        });
        return render;
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "A policy pack YAML file" };
        var validate = new Command("validate", "Check a policy pack file; prints ok, or each problem as file:line:column: message");
        validate.Arguments.Add(file);
        validate.SetAction(parse =>
        {
            var console = Console(parse);
            var path = parse.GetValue(file)!;
            try
            {
                var pack = PolicyPackLoader.LoadFile(path.ToString());
                console.MarkupLine($"ok [grey]({Markup.Escape(pack.Id)}: {pack.InappropriateUses.Count} inappropriate uses, {pack.Ladder.Count} ladder steps)[/]");
                return 0;
            }
            catch (PolicyPackException e)
            {
                foreach (var error in e.Errors)
                    Fail(console, error.ToString());
                return 1;
            }
        });
        return validate;
    }

    private static CliConsole Console(ParseResult parse) => CliConsole.For(parse);

    private static void Fail(CliConsole console, string message) => console.Fail(message);

    /// <summary>Turns the library's expected failures into one red line and a non-zero exit, never a trace.</summary>
    private static int Guarded(CliConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PolicyPackException e)
        {
            foreach (var error in e.Errors)
                Fail(console, error.ToString());
            return 1;
        }
        catch (Exception e) when (e is PolicyNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            Fail(console, e.Message);
            return 1;
        }
    }
}
