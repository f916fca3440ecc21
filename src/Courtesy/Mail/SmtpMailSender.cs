using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Courtesy.Mail;

/// <summary>SMTP settings, from the configuration section <c>Courtesy:Mail</c> (or <c>COURTESY_Mail__Host</c> etc.).</summary>
public sealed record SmtpOptions(string Host, int Port, string From, string? UserName = null, string? Password = null, bool EnableSsl = false)
{
    public const string Section = "Courtesy:Mail";

    /// <summary>Null when no host is configured: the app then runs without sending mail and says so.</summary>
    public static SmtpOptions? FromConfiguration(IConfiguration configuration)
    {
        var s = configuration.GetSection(Section);
        var host = s["Host"];
        if (string.IsNullOrWhiteSpace(host))
            return null;
        var portText = s["Port"];
        var port = 25;
        if (!string.IsNullOrWhiteSpace(portText) && (!int.TryParse(portText, out port) || port is < 1 or > 65535))
            throw new InvalidOperationException($"{Section}:Port: '{portText}' is not a port number (1-65535)");
        var from = s["From"];
        if (string.IsNullOrWhiteSpace(from) || !MailAddress.TryCreate(from, out _))
            throw new InvalidOperationException($"{Section}:From: '{from}' is not an e-mail address");
        var user = s["UserName"];
        var ssl = s["EnableSsl"];
        return new SmtpOptions(host, port, from,
            string.IsNullOrWhiteSpace(user) ? null : user,
            s["Password"],
            bool.TryParse(ssl, out var b) && b);
    }

    /// <summary>Never print the password: logs and error pages show this instead of the record.</summary>
    public override string ToString() =>
        $"smtp://{(UserName is null ? "" : UserName + ":***@")}{Host}:{Port} from {From}{(EnableSsl ? " (TLS)" : "")}";
}

public sealed class SmtpMailSender(SmtpOptions options, ILogger<SmtpMailSender>? logger = null) : IMailSender
{
    private readonly ILogger logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (!MailAddress.TryCreate(mail.To, out var to))
            throw new MailSendException($"recipient '{mail.To}' is not an e-mail address");
        var messageId = $"<{Guid.NewGuid():N}@{new MailAddress(options.From).Host}>";
        using var message = new MailMessage(new MailAddress(options.From), to)
        {
            Subject = mail.Subject,
            SubjectEncoding = System.Text.Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = System.Text.Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", messageId);
        if (mail.HtmlBody is not null)
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        var streams = new List<MemoryStream>();
        try
        {
            foreach (var a in mail.AttachmentList)
            {
                var ms = new MemoryStream(a.Content, writable: false);
                streams.Add(ms);
                message.Attachments.Add(new Attachment(ms, a.FileName, a.ContentType));
            }
            using var client = new SmtpClient(options.Host, options.Port)
            {
                EnableSsl = options.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = 30_000,
            };
            if (options.UserName is not null)
                client.Credentials = new NetworkCredential(options.UserName, options.Password);
            await client.SendMailAsync(message, cancellationToken);
            logger.LogInformation("Sent mail {MessageId} to {To} via {Server}", messageId, to.Address, options.ToString());
            return messageId;
        }
        catch (SmtpException ex)
        {
            // The server's reply can be shown; the options' password never appears in it.
            logger.LogWarning("Mail to {To} via {Server} failed: {Reason}", to.Address, options.ToString(), ex.Message);
            throw new MailSendException($"sending to {to.Address} via {options.Host}:{options.Port} failed: {ex.Message}", ex);
        }
        finally
        {
            foreach (var s in streams)
                s.Dispose();
        }
    }
}
