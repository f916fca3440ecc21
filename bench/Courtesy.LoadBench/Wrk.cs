using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Courtesy.LoadBench;

/// <summary>Debian's wrk as the load generator: a C client costs far less CPU than a .NET one, which matters
/// when the load and the server share two cores. Its numbers are parsed into the same <see cref="LoadResult"/>.</summary>
public static partial class Wrk
{
    public static bool Available => File.Exists("/usr/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, string url, int connections, TimeSpan duration, string? luaScript = null, string? cookie = null)
    {
        var args = new List<string> { "-t", "2", "-c", connections.ToString(), "-d", $"{(int)duration.TotalSeconds}s", "--latency", "--timeout", "5s" };
        string? script = null;
        if (luaScript is not null)
        {
            script = Path.Combine(Path.GetTempPath(), $"courtesy-wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, luaScript);
            args.AddRange(["-s", script]);
        }
        if (cookie is not null) args.AddRange(["-H", "Cookie: " + cookie]);
        args.Add(url);
        var psi = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (script is not null) File.Delete(script);
        if (p.ExitCode != 0) throw new InvalidOperationException("wrk failed: " + await p.StandardError.ReadToEndAsync());

        var requests = int.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(Seconds().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => int.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(name, requests, non2xx + socketErrors, seconds,
            Latency(output, "50%"), Latency(output, "99%"), Max(output));
    }

    private static double Latency(string output, string percentile)
    {
        var m = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        return m.Success ? ToMs(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Max(string output)
    {
        var m = Regex.Match(output, @"Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)");
        return m.Success ? ToMs(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double ToMs(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "s" => 1000, _ => 1 };

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex Requests();
    [GeneratedRegex(@"\d+ requests in ([\d.]+)s")]
    private static partial Regex Seconds();
    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    /// <summary>Each request a new report with its own submission key (wrk's Lua runs per thread, so the thread id keeps keys apart).</summary>
    public const string IntakeScript = """
        local counter = 0
        local thread_id = 0
        setup = function(thread)
          thread_id = thread_id + 1
          thread:set("tid", thread_id)
        end
        request = function()
          counter = counter + 1
          local key = "wrk-" .. tid .. "-" .. counter
          local body = '{"school":"bench-school","postText":"Mrs Whitmore at Bench is useless and the head should be sacked, everyone knows she lied about the trip ' .. key .. '","platform":"facebook","reporterNote":"seen on the parents page","submissionKey":"' .. key .. '"}'
          return wrk.format("POST", "/api/concerns", {["Content-Type"]="application/json"}, body)
        end
        """;
}
