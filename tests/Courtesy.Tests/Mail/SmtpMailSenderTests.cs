using System.Security.Cryptography;
using Courtesy.Mail;
using Microsoft.Extensions.Configuration;

namespace Courtesy.Tests.Mail;

public class SmtpMailSenderTests
{
    [Fact]
    public async Task Sends_text_html_and_attachment_that_arrive_intact()
    {
        using var sink = new SmtpSink();
        var sender = new SmtpMailSender(new SmtpOptions("127.0.0.1", sink.Port, "office@flitwick.example"));
        var docx = RandomNumberGenerator.GetBytes(5000);
        var id = await sender.SendAsync(new OutgoingMail(
            "j.parent@example.com",
            "Request to remove a post – Flitwick Lower School",
            "Dear Ms Parent,\nPlease remove the post by 1 December 2026.\n",
            "<p>Dear Ms Parent,</p><p>Please remove the post by <b>1 December 2026</b>.</p>",
            [new MailAttachment("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)]));

        var m = Assert.Single(sink.Decoded());
        Assert.Equal("office@flitwick.example", m.MailFrom);
        Assert.Equal(["j.parent@example.com"], m.RcptTos);
        Assert.Equal("Request to remove a post – Flitwick Lower School", m.Subject);
        Assert.Equal(id, m.MessageId);
        Assert.Contains("Please remove the post by 1 December 2026.", m.Text);
        Assert.Contains("<b>1 December 2026</b>", m.Html);
        var a = Assert.Single(m.Attachments);
        Assert.Equal("letter.docx", a.Name);
        Assert.Equal(5000, a.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(docx)), a.Sha256);
        Assert.Equal("", m.Login);
    }

    [Fact]
    public async Task Logs_in_with_configured_credentials()
    {
        using var sink = new SmtpSink("courtesy", "s3cret-pw");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Courtesy:Mail:Host"] = "127.0.0.1",
            ["Courtesy:Mail:Port"] = sink.Port.ToString(),
            ["Courtesy:Mail:From"] = "office@roose.example",
            ["Courtesy:Mail:UserName"] = "courtesy",
            ["Courtesy:Mail:Password"] = "s3cret-pw",
        }).Build();
        var options = SmtpOptions.FromConfiguration(config)!;
        Assert.DoesNotContain("s3cret-pw", options.ToString());
        await new SmtpMailSender(options).SendAsync(new OutgoingMail("head@roose.example", "Reminder", "A follow-up is due."));
        var m = Assert.Single(sink.Decoded());
        Assert.Equal("courtesy", m.Login);
        Assert.Contains("A follow-up is due.", m.Text);
    }

    [Fact]
    public async Task Wrong_password_fails_with_a_reason_that_does_not_contain_the_password()
    {
        using var sink = new SmtpSink("courtesy", "right-pw");
        var sender = new SmtpMailSender(new SmtpOptions("127.0.0.1", sink.Port, "office@roose.example", "courtesy", "wrong-pw"));
        var ex = await Assert.ThrowsAsync<MailSendException>(() => sender.SendAsync(new OutgoingMail("head@roose.example", "x", "y")));
        Assert.Contains($"127.0.0.1:{sink.Port}", ex.Message);
        Assert.DoesNotContain("wrong-pw", ex.Message);
        Assert.Empty(sink.Messages(0));
    }

    [Fact]
    public async Task Bad_recipient_is_refused_before_connecting()
    {
        var sender = new SmtpMailSender(new SmtpOptions("127.0.0.1", Courtesy.Tests.Support.WebProcess.FreePort(), "office@roose.example"));
        var ex = await Assert.ThrowsAsync<MailSendException>(() => sender.SendAsync(new OutgoingMail("not an address", "x", "y")));
        Assert.Contains("'not an address'", ex.Message);
    }

    [Theory]
    [InlineData("Port", "ninety", "Courtesy:Mail:Port")]
    [InlineData("From", "nobody", "Courtesy:Mail:From")]
    public void Bad_configuration_names_the_setting(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { ["Courtesy:Mail:Host"] = "smtp.example", ["Courtesy:Mail:From"] = "a@b.example", ["Courtesy:Mail:" + key] = value };
        var ex = Assert.Throws<InvalidOperationException>(() => SmtpOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void No_host_means_no_mail()
    {
        Assert.Null(SmtpOptions.FromConfiguration(new ConfigurationBuilder().Build()));
    }
}
