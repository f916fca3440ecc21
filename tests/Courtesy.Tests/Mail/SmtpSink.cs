using System.Diagnostics;

namespace Courtesy.Tests.Mail;

/// <summary>Starts tests/Courtesy.Tests/Mail/smtp_sink.py (Debian's python3-aiosmtpd) on a free loopback
/// port and reads back what arrived.</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process process;
    public int Port { get; }
    public string Folder { get; }

    public SmtpSink(string? user = null, string? password = null)
    {
        Folder = Directory.CreateTempSubdirectory("courtesy-smtp-").FullName;
        Port = Courtesy.Tests.Support.WebProcess.FreePort();
        var script = Path.Combine(RepoRoot(), "tests", "Courtesy.Tests", "Mail", "smtp_sink.py");
        // Debian's interpreter: python3-aiosmtpd is installed for it, not for any other python on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, Port.ToString(), Folder }.Concat(user is null ? [] : [user, password ?? ""]))
            psi.ArgumentList.Add(a);
        process = Process.Start(psi) ?? throw new InvalidOperationException("could not start python3");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "READY")
        {
            var err = process.HasExited ? process.StandardError.ReadToEnd() : "(no answer in 20 s)";
            Dispose();
            throw new InvalidOperationException($"SMTP sink did not start: {err} (is python3-aiosmtpd installed?)");
        }
    }


    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Courtesy.slnx")))
                return d.FullName;
        throw new InvalidOperationException("Courtesy.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Raw messages (with X-Sink-* envelope headers first), waiting up to 10 s for <paramref name="count"/>.</summary>
    public IReadOnlyList<string> Messages(int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var files = Directory.GetFiles(Folder, "*.eml").Order().ToList();
            if (files.Count >= count || DateTime.UtcNow > deadline)
                return files.Select(File.ReadAllText).ToList();
            Thread.Sleep(50);
        }
    }

    public sealed record Received(string MailFrom, string[] RcptTos, string Login, string Subject, string MessageId, string? Text, string? Html, ReceivedAttachment[] Attachments);
    public sealed record ReceivedAttachment(string Name, string Type, string Sha256, int Size);

    /// <summary>The decoded messages, in arrival order.</summary>
    public IReadOnlyList<Received> Decoded(int count = 1)
    {
        Messages(count);
        var options = new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };
        return Directory.GetFiles(Folder, "*.json").Order()
            .Select(f => System.Text.Json.JsonSerializer.Deserialize<Received>(File.ReadAllText(f), options)!)
            .ToList();
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(5000))
                    process.Kill();
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
