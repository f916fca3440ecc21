using System.Text.Json;
using Courtesy.Audit;
using Courtesy.Data;
using Dapper;

namespace Courtesy.Mail;

/// <summary>One row of the message log: every message the school sent or tried to send.</summary>
public sealed class SentMessage
{
    public long Id { get; init; }
    public long SchoolId { get; init; }
    public long? CaseId { get; init; }
    public long? ConcernId { get; init; }
    public long? LetterId { get; init; }
    public string Purpose { get; init; } = "";
    public string ToAddress { get; init; } = "";
    public string Subject { get; init; } = "";
    public string BodySha256 { get; init; } = "";
    public string Attachments { get; init; } = "[]";
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime? SentAt { get; init; }
    public string? MessageId { get; init; }
    public DateTime? FailedAt { get; init; }
    public string? Error { get; init; }
}

/// <summary>What a message is about, for the log.</summary>
public sealed record MessageContext(long SchoolId, string Purpose, long? CaseId = null, long? ConcernId = null, long? LetterId = null, string? AuditTargetType = null, string? AuditTargetId = null);

/// <summary>Sends through the configured <see cref="IMailSender"/> and logs every attempt, sent or failed.
/// With no mail server configured the attempt is logged as failed with that reason, never silently dropped.</summary>
public sealed class Outbox(Db db, AuditLog audit, IClock clock, IMailSender? sender)
{
    private const string Columns =
        "id, school_id, case_id, concern_id, letter_id, purpose, to_address, subject, body_sha256, attachments, created_at, created_by, sent_at, message_id, failed_at, error";

    public bool CanSend => sender is not null;

    public async Task<SentMessage> SendAsync(MessageContext context, OutgoingMail mail, string actor, CancellationToken ct = default)
    {
        long id;
        await using (var c = await db.OpenAsync(ct))
        {
            id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO messages (school_id, case_id, concern_id, letter_id, purpose, to_address, subject, body_sha256, attachments, created_at, created_by)
                VALUES (@SchoolId, @CaseId, @ConcernId, @LetterId, @Purpose, @to, @subject, @sha, @attachments, @now, @actor)
                RETURNING id
                """,
                new
                {
                    context.SchoolId, context.CaseId, context.ConcernId, context.LetterId, context.Purpose, to = mail.To, subject = mail.Subject,
                    sha = mail.BodySha256, now = clock.UtcNow, actor,
                    attachments = JsonSerializer.Serialize(mail.AttachmentList.Select(a => new { a.FileName, sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Content)) })),
                });
        }
        string? messageId = null, error = null;
        if (sender is null)
            error = "mail is not configured (set Courtesy:Mail:Host, Port and From)";
        else
        {
            try
            {
                messageId = await sender.SendAsync(mail, ct);
            }
            catch (MailSendException ex)
            {
                error = ex.Message;
            }
        }
        await using (var c = await db.OpenAsync(ct))
        {
            await c.ExecuteAsync(
                error is null
                    ? "UPDATE messages SET sent_at = @now, message_id = @messageId WHERE school_id = @SchoolId AND id = @id"
                    : "UPDATE messages SET failed_at = @now, error = @error WHERE school_id = @SchoolId AND id = @id",
                new { now = clock.UtcNow, messageId, error, context.SchoolId, id });
        }
        if (context.AuditTargetType is not null)
            await audit.AppendAsync(context.SchoolId, actor, error is null ? "mail.sent" : "mail.failed", context.AuditTargetType, context.AuditTargetId ?? "",
                error is null ? $"Mail '{mail.Subject}' sent to {mail.To}" : $"Mail '{mail.Subject}' to {mail.To} failed: {error}",
                new { messageRow = id, context.Purpose });
        await using var r = await db.OpenAsync(ct);
        return await r.QueryFirstAsync<SentMessage>($"SELECT {Columns} FROM messages WHERE school_id = @SchoolId AND id = @id", new { context.SchoolId, id });
    }

    public async Task<IReadOnlyList<SentMessage>> ForCaseAsync(long schoolId, long caseId)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<SentMessage>($"SELECT {Columns} FROM messages WHERE school_id = @schoolId AND case_id = @caseId ORDER BY created_at, id",
            new { schoolId, caseId })).ToList();
    }
}
