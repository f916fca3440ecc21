using System.Security.Cryptography;
using System.Text;

namespace Courtesy.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One message to send. <see cref="HtmlBody"/> is optional; the text body is always sent so
/// every mail client can read it.</summary>
public sealed record OutgoingMail(
    string To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<MailAttachment>? Attachments = null)
{
    public IReadOnlyList<MailAttachment> AttachmentList => Attachments ?? [];

    /// <summary>What the outbox keeps instead of the whole body: a hash that proves which text was sent.</summary>
    public string BodySha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextBody + "\n\0" + (HtmlBody ?? ""))));
}

/// <summary>The seam to the outside world: production sends over SMTP, and nothing else in the library
/// talks to a mail server.</summary>
public interface IMailSender
{
    /// <summary>Sends the message; returns the Message-ID it was sent with. Throws <see cref="MailSendException"/> on failure.</summary>
    Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

public sealed class MailSendException(string message, Exception? inner = null) : Exception(message, inner);
