using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Courtesy.Audit;
using Courtesy.Letters;
using Courtesy.Schools;

namespace Courtesy.Cases;

public sealed record EvidencePackFile(string FileName, byte[] Zip, string Sha256);

/// <summary>
/// One ZIP for the police or a solicitor: the chronology, the findings, every evidence file as stored
/// (with its SHA-256 and capture time), the letters, the case's audit trail, and a manifest listing the
/// SHA-256 of every file in the pack. Exporting is itself an audit event.
/// </summary>
public sealed class EvidencePack(Casework work, CaseStore cases, EvidenceStore evidence, SchoolStore schools, AuditLog audit, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<EvidencePackFile> BuildAsync(long schoolId, long caseId, string actor)
    {
        var file = await work.LoadAsync(schoolId, caseId, null) ?? throw new CaseNotFoundException($"case {caseId} not found");
        var kase = file.Case;
        var school = await schools.GetAsync(schoolId) ?? throw new CaseNotFoundException($"school {schoolId} not found");
        var now = clock.UtcNow;
        var entries = new List<(string Path, byte[] Content)>();

        entries.Add(("README.txt", Encoding.UTF8.GetBytes(
            $"""
            Evidence pack for case {kase.Reference}, {school.Name}
            Exported {London.Time(now)} (UK time) by {actor}.

            chronology.txt   what happened, in order, with who and when
            post.txt         the post as reported
            findings.json    the categories found and each concern's screening findings
            evidence/        the files as received, unaltered; their SHA-256 hashes are in manifest.json
            letters/         the letters produced (Word and printable HTML)
            audit.json       the audit events for this case, with their hash chain links
            manifest.json    every file in this pack with its SHA-256 and size

            To check a file: sha256sum evidence/<file> and compare with manifest.json.
            """.Replace("\r\n", "\n"))));
        entries.Add(("post.txt", Encoding.UTF8.GetBytes(
            $"Platform: {kase.Platform ?? "-"}\nAddress: {kase.PostUrl ?? "-"}\nPosted: {(kase.PostedAt is { } p ? London.Time(p) : "-")}\nPosted by: {kase.PosterName ?? "-"}\n\n{kase.PostText}\n")));
        entries.Add(("chronology.txt", Encoding.UTF8.GetBytes(Chronology(file))));
        entries.Add(("findings.json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            case_reference = kase.Reference,
            categories = kase.CategoryIds.Order().Select(id => new { id, title = file.Pack.TitleOf(id) }),
            police_flag = kase.PoliceFlag,
            on_school_site = kase.OnSchoolSite,
            concerns = file.Concerns.Select(c => new { c.Reference, submitted_at = c.SubmittedAt, categories = c.CategoryIds, police = c.PoliceFlag, safeguarding = c.SafeguardingFlag, findings = c.FindingList }),
        }, Json)));
        var evidenceIndex = new List<object>();
        foreach (var e in file.Evidence)
        {
            var content = (await evidence.ContentAsync(schoolId, e.Id))!.Value.Content;
            var path = $"evidence/{e.Id:0000}-{SafeName(e.FileName, EvidenceFiles.Extension(e.ContentType))}";
            entries.Add((path, content));
            evidenceIndex.Add(new { path, e.FileName, e.ContentType, e.Size, e.Sha256, captured_at = e.CapturedAt, stored_at = e.StoredAt, e.StoredBy });
        }
        foreach (var l in file.Letters)
        {
            var content = (await cases.LetterContentAsync(schoolId, caseId, l.Id))!.Value;
            entries.Add(($"letters/{l.Id:0000}-{l.Kind}.docx", content.Docx));
            entries.Add(($"letters/{l.Id:0000}-{l.Kind}.html", Encoding.UTF8.GetBytes(content.Html)));
        }
        entries.Add(("audit.json", JsonSerializer.SerializeToUtf8Bytes(await audit.ForTargetAsync(schoolId, "case", kase.Reference), Json)));

        var manifest = new
        {
            case_reference = kase.Reference,
            school = school.Name,
            exported_at = now,
            exported_by = actor,
            evidence = evidenceIndex,
            files = entries.Select(e => new { path = e.Path, sha256 = Convert.ToHexStringLower(SHA256.HashData(e.Content)), size = e.Content.Length }),
        };
        entries.Add(("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json)));

        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                var entry = zip.CreateEntry($"{kase.Reference}/{path}", CompressionLevel.Optimal);
                entry.LastWriteTime = London.ToLocal(now);
                await using var s = entry.Open();
                await s.WriteAsync(content);
            }
        }
        var bytes = ms.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await cases.AuditExportAsync(kase, actor, sha);
        return new EvidencePackFile($"{kase.Reference}-evidence-pack.zip", bytes, sha);
    }

    private static string Chronology(CaseFile f)
    {
        var lines = new List<(DateTime At, string Text)>();
        foreach (var c in f.Concerns)
            lines.Add((c.SubmittedAt, $"Concern {c.Reference} received{(c.SubmittedBy is null ? " through the public form" : $" from {c.SubmittedBy}")}."));
        foreach (var e in f.Evidence)
            lines.Add((e.StoredAt, $"Evidence '{e.FileName}' stored by {e.StoredBy} (SHA-256 {e.Sha256}, captured {London.Time(e.CapturedAt)})."));
        lines.Add((f.Case.OpenedAt, $"Case {f.Case.Reference} opened by {f.Case.OpenedBy}."));
        if (f.Case.AssignedAt is { } assigned)
            lines.Add((assigned, $"Assigned to {f.Case.AssignedTo} by {f.Case.AssignedBy}."));
        foreach (var a in f.Actions)
        {
            var detail = new StringBuilder($"Step '{a.StepId}' taken by {a.TakenBy}: {a.Wording}");
            if (a.Notes is not null) detail.Append($" Notes: {a.Notes}");
            if (a.Reason is not null) detail.Append($" Reason recorded for taking it: {a.Reason}");
            if (a.RemovalBy is { } r) detail.Append($" Removal requested by {London.Date(r)}.");
            if (a.FollowUpOn is { } fu) detail.Append($" Follow up on {London.Date(fu)}.");
            if (a.EndsOn is { } ends) detail.Append($" Restricted until {London.Date(ends)}.");
            lines.Add((a.TakenAt, detail.ToString()));
            if (a.AppealedAt is { } appealed)
                lines.Add((appealed, $"Appeal against '{a.StepId}' recorded by {a.AppealedBy}: {a.AppealNote}"));
            if (a.AppealDecidedAt is { } decided)
                lines.Add((decided, $"Appeal decided by {a.AppealDecidedBy}: {(a.AppealUpheld == true ? "upheld, restriction lifted" : "not upheld")}.{(a.AppealDecisionNote is null ? "" : " " + a.AppealDecisionNote)}"));
            if (a.ResultAt is { } at)
                lines.Add((at, $"Result of '{a.StepId}' recorded by {a.ResultBy}: {CaseWorkflow.Describe(a.ResultValue!.Value)}.{(a.ResultNote is null ? "" : " " + a.ResultNote)}"));
        }
        foreach (var l in f.Letters)
            lines.Add((l.CreatedAt, $"{LetterWriter.Describe(Enum.Parse<LetterKind>(l.Kind))} produced by {l.CreatedBy}: \"{l.Subject}\" (docx SHA-256 {l.DocxSha256})."));
        foreach (var m in f.Messages)
            lines.Add((m.CreatedAt, m.SentAt is not null ? $"Message \"{m.Subject}\" sent to {m.ToAddress} by {m.CreatedBy}." : $"Message \"{m.Subject}\" to {m.ToAddress} NOT sent: {m.Error}"));
        foreach (var n in f.Notes)
            lines.Add((n.WrittenAt, $"{(n.SharedWithReporter ? "Note shared with the reporter" : "Internal note")} by {n.WrittenBy}: {n.Text}"));
        if (f.Case.ClosedAt is { } closed)
            lines.Add((closed, $"Case closed by {f.Case.ClosedBy}. Outcome: {CaseWorkflow.Describe(f.Case.OutcomeValue!.Value)}.{(f.Case.OutcomeNote is null ? "" : " " + f.Case.OutcomeNote)}"));
        var sb = new StringBuilder($"Chronology of case {f.Case.Reference} (times are UK time)\n\n");
        foreach (var (at, text) in lines.OrderBy(l => l.At))
            sb.Append(London.Time(at)).Append("  ").Append(text).Append('\n');
        return sb.ToString();
    }

    private static string SafeName(string name, string extension)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(name).Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());
        return (stem.Length == 0 ? "file" : stem[..Math.Min(stem.Length, 60)]) + extension;
    }
}
