using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Courtesy.Cases;

public enum TriageDecision { NoBreach, Safeguarding, Case }

/// <summary>A report of a post, from a parent, carer or pupil through the public form, or from staff.</summary>
public sealed class Concern
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public string Reference { get; init; } = "";
    public DateTime SubmittedAt { get; init; }
    /// <summary>The signed-in person who reported it; null for the public form.</summary>
    public string? SubmittedBy { get; init; }
    public string? ReporterName { get; init; }
    public string? ReporterEmail { get; init; }
    public string? ReporterRelation { get; init; }
    public string PostText { get; init; } = "";
    public string? Platform { get; init; }
    public string? PostUrl { get; init; }
    public DateTime? PostedAt { get; init; }
    public string? PosterName { get; init; }
    public string? ReporterNote { get; init; }
    public bool OnSchoolSite { get; init; }
    public DateTime? ScreenedAt { get; init; }
    /// <summary>JSON array of the screening findings (category, severity, span, matched text, reason).</summary>
    public string? Findings { get; init; }
    public string Categories { get; init; } = "[]";
    public bool PoliceFlag { get; init; }
    public bool SafeguardingFlag { get; init; }
    public DateTime? TriagedAt { get; init; }
    public string? TriagedBy { get; init; }
    public string? Decision { get; init; }
    public string? DecisionReason { get; init; }
    public long? CaseId { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }

    public bool IsAnonymous => ReporterName is null && ReporterEmail is null && SubmittedBy is null;
    public IReadOnlyList<string> CategoryIds => JsonSerializer.Deserialize<List<string>>(Categories) ?? [];
    public IReadOnlyList<StoredFinding> FindingList => Findings is null ? [] : JsonSerializer.Deserialize<List<StoredFinding>>(Findings) ?? [];
}

/// <summary>A screening finding as kept on the concern (a copy, so it reads the same after the engine changes).</summary>
public sealed record StoredFinding(string CategoryId, int Severity, int Start, int Length, string Text, string Reason, string Detector);

/// <summary>What screening said about a post, as stored on its concern.</summary>
public sealed record ScreeningOutcome(IReadOnlyList<StoredFinding> Findings, IReadOnlyList<string> Categories, bool Police, bool Safeguarding)
{
    public string Summary(string reference) =>
        $"Concern {reference} screened: {(Categories.Count == 0 ? "no findings" : string.Join(", ", Categories))}{(Police ? "; police threshold" : "")}{(Safeguarding ? "; SAFEGUARDING" : "")}";
}

/// <summary>What the reporter tells us. Checked by <see cref="Validate"/> before anything is saved.</summary>
public sealed record ConcernSubmission(
    string? PostText,
    string? Platform = null,
    string? PostUrl = null,
    DateTime? PostedAt = null,
    string? PosterName = null,
    string? ReporterNote = null,
    string? ReporterName = null,
    string? ReporterEmail = null,
    string? ReporterRelation = null,
    bool OnSchoolSite = false,
    string? SubmissionKey = null)
{
    public const int MaxPostText = 20_000;
    public const int MinSubmissionKey = 16;

    /// <summary>Field name to what is wrong with it; empty when the submission can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(DateTime utcNow)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(PostText))
            errors["postText"] = "what was posted: copy the words of the post (or describe it if it was a picture)";
        else if (PostText.Length > MaxPostText)
            errors["postText"] = $"what was posted: at most {MaxPostText:N0} characters ({PostText.Length:N0} given)";
        Printable(errors, "postText", PostText, "what was posted");
        Printable(errors, "reporterNote", ReporterNote, "your note");
        Max(errors, "platform", Platform, 100, "platform");
        Max(errors, "posterName", PosterName, 200, "who posted it");
        Max(errors, "reporterNote", ReporterNote, 5_000, "your note");
        Max(errors, "reporterName", ReporterName, 200, "your name");
        Max(errors, "reporterRelation", ReporterRelation, 100, "how you are connected to the school");
        if (!string.IsNullOrWhiteSpace(PostUrl))
        {
            if (PostUrl.Length > 2000 || !Uri.TryCreate(PostUrl.Trim(), UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                errors["postUrl"] = $"link to the post: '{Cut(PostUrl)}' is not a web address (it should start with https://)";
        }
        if (!string.IsNullOrWhiteSpace(ReporterEmail) && !System.Net.Mail.MailAddress.TryCreate(ReporterEmail.Trim(), out _))
            errors["reporterEmail"] = $"your e-mail: '{Cut(ReporterEmail)}' is not an e-mail address";
        if (PostedAt is { } at && at > utcNow.AddHours(1))
            errors["postedAt"] = "when it was posted: the date is in the future";
        if (SubmissionKey is { Length: > 100 })
            errors["submissionKey"] = "submission key: at most 100 characters";
        else if (!string.IsNullOrWhiteSpace(SubmissionKey) && SubmissionKey.Trim().Length < MinSubmissionKey)
            errors["submissionKey"] = $"submission key: at least {MinSubmissionKey} characters, random (a GUID will do), so nobody can guess it";
        return errors;
    }

    private static void Max(Dictionary<string, string> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
            errors[field] = $"{label}: at most {max} characters ({value.Length} given)";
    }

    /// <summary>Control characters (other than tab and line breaks) and broken surrogates cannot go into a
    /// letter or an evidence pack; a screenshot's words never contain them.</summary>
    private static void Printable(Dictionary<string, string> errors, string field, string? value, string label)
    {
        if (value is null || errors.ContainsKey(field)) return;
        var at = Letters.XmlSafe.FirstInvalid(value);
        if (at >= 0)
            errors[field] = $"{label}: character {at + 1} is an invisible control character (U+{(int)value[at]:X4}); remove it and send again";
    }

    private static string Cut(string s) => s.Length > 60 ? s[..60] + "…" : s;
}

public sealed class ConcernValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join("; ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>The secret a reporter follows a concern with. Shown once; only its hash is kept.</summary>
public static class ConcernSecret
{
    // No 0/O, 1/I/L, 5/S: it is read off a screen and typed back in.
    private const string Alphabet = "ABCDEFGHJKMNPQRTUVWXYZ2346789";

    public static string New()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Case, spaces and dashes as typed do not matter.</summary>
    public static string Normalise(string secret) =>
        new(secret.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("courtesy-concern-secret:" + Normalise(secret))));
}

/// <summary>What the person who reported a concern may see: no internal notes, no names of staff.</summary>
public sealed record ConcernStatus(string Reference, DateTime SubmittedAt, string State, string Explanation, IReadOnlyList<(DateTime At, string Text)> Updates);
