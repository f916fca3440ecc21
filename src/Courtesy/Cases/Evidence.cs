using System.Security.Cryptography;

namespace Courtesy.Cases;

/// <summary>A stored evidence file: its bytes never change after it is written (see the evidence store's
/// write-once rule), and its SHA-256 is what a court or the police can check the copy against.</summary>
public sealed class Evidence
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public long? ConcernId { get; init; }
    public long? CaseId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public DateTime CapturedAt { get; init; }
    public DateTime StoredAt { get; init; }
    public string StoredBy { get; init; } = "";
}

/// <summary>An evidence file that passed <see cref="EvidenceFiles.Inspect"/>: ready to store.</summary>
public sealed record AcceptedEvidence(string FileName, string ContentType, byte[] Content, string Sha256);

public sealed class EvidenceRejectedException(string message) : Exception(message);

/// <summary>What may be kept as evidence: screenshots and PDFs, recognised by their first bytes. A file's
/// name is only a label: an .exe renamed .png is still a program.</summary>
public static class EvidenceFiles
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public const string Accepted = "PNG, JPEG, GIF, WebP or PDF";

    /// <summary>Checks size and content; returns the file with its real content type and hash, or throws
    /// <see cref="EvidenceRejectedException"/> naming the file and the reason.</summary>
    public static AcceptedEvidence Inspect(string? fileName, byte[] content, long maxBytes = DefaultMaxBytes)
    {
        var name = CleanName(fileName);
        if (content.Length == 0)
            throw new EvidenceRejectedException($"{name}: the file is empty");
        if (content.Length > maxBytes)
            throw new EvidenceRejectedException($"{name}: {Size(content.Length)} is over the {Size(maxBytes)} limit for an evidence file");
        var type = ContentTypeOf(content)
            ?? throw new EvidenceRejectedException($"{name}: not accepted as evidence: its content is {Describe(content)}, not {Accepted} (checked by content, not by name)");
        return new AcceptedEvidence(name, type, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The content type from the file's signature, or null when it is not an accepted kind.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
            return "image/gif";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        if (b.StartsWith("%PDF-"u8))
            return "application/pdf";
        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        _ => ".bin",
    };

    private static string Describe(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("MZ"u8))
            return "a Windows program";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
            return "a Linux program";
        if (b.StartsWith("PK"u8))
            return "a ZIP archive or Office document";
        if (b.StartsWith("#!"u8))
            return "a script";
        var head = b[..Math.Min(b.Length, 512)];
        if (head.IndexOf((byte)0) < 0)
            return "text";
        return "an unrecognised format";
    }

    /// <summary>The name as a label: no folders, no control characters, at most 200 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
            name = "unnamed file";
        return name.Length > 200 ? name[..200] : name;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / 1024.0 / 1024.0:0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}
