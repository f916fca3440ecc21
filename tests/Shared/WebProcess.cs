using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Courtesy.Tests.Support;

/// <summary>A real `Courtesy.Web` process on a free loopback port, configured by environment variables the way
/// an operator would run it. Each gets a home folder of its own, so nothing is shared with another process
/// except through the database. Used by the two-process tests and the load benchmark.</summary>
public sealed class WebProcess : IDisposable
{
    private readonly Process _process;
    public string Url { get; }

    private WebProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public static WebProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Courtesy.Web.dll")}\" --urls {url}")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var home = Path.Combine(Path.GetTempPath(), "courtesy-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        psi.Environment["HOME"] = home;
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return new WebProcess(p, url);
    }

    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"web process exited with {_process.ExitCode}");
            try
            {
                if ((await http.GetAsync(Url + "/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Url} did not become healthy");
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
