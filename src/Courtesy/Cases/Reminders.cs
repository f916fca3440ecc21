using Courtesy.Jobs;
using Courtesy.Mail;
using Microsoft.Extensions.Logging;

namespace Courtesy.Cases;

public sealed class ReminderOptions
{
    public const string Section = "Courtesy:Reminders";
    /// <summary>How often the job looks for overdue follow-ups.</summary>
    public double IntervalMinutes { get; set; } = 60;
    /// <summary>The address staff open the app at, for the link in the reminder (e.g. https://courtesy.school.example).</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Mails a reminder for each step whose follow-up date has passed with no result: to the person the
/// case is assigned to, else the person who took the step. Each step is reminded once; a failed send is
/// logged on the case and tried again next round.</summary>
public sealed class Reminders(CaseStore cases, Outbox outbox, ReminderOptions options, IClock clock)
{
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        // Without a mail server every round would only log the same failure again; the dashboard still shows what is overdue.
        if (!outbox.CanSend)
            return 0;
        var sent = 0;
        foreach (var (kase, action) in await cases.OverdueAsync(null, London.Today(clock), onlyUnreminded: true))
        {
            var to = kase.AssignedTo ?? action.TakenBy;
            if (!System.Net.Mail.MailAddress.TryCreate(to, out _))
                continue;
            var link = options.BaseUrl is { Length: > 0 } b ? $"{b.TrimEnd('/')}/Cases/{kase.Id}" : $"/Cases/{kase.Id}";
            var mail = new OutgoingMail(to,
                $"Follow-up due: {kase.Reference}",
                $"""
                The follow-up date for a step on case {kase.Reference} has passed and no result is recorded.

                Step: {action.Wording}
                Taken: {London.Time(action.TakenAt)} by {action.TakenBy}
                Follow up on: {London.Date(action.FollowUpOn!.Value)}

                Record the result (removed, not removed, no reply) or take the next step: {link}
                """.Replace("\r\n", "\n") + (action.KindValue == Policies.LadderStepKind.PlatformComplaint
                    ? "\nThe host has had seven days. If the content is still up, escalate to Report Harmful Content (https://reportharmfulcontent.com), quoting the host's reference.\n"
                    : ""));
            var message = await outbox.SendAsync(new MessageContext(kase.SchoolId, "reminder", kase.Id, null, null, "case", kase.Reference), mail, "reminders", ct);
            if (message.SentAt is not null)
            {
                await cases.MarkReminderSentAsync(kase.SchoolId, action.Id);
                sent++;
            }
        }
        return sent;
    }
}

public sealed class ReminderJob(Reminders reminders, ReminderOptions options, Leases leases, ILogger<ReminderJob> logger) : LeasedJob(leases, logger)
{
    protected override string Name => "case-reminders";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(0.05, options.IntervalMinutes));
    protected override Task<int> RunOnceAsync(CancellationToken ct) => reminders.SendDueAsync(ct);
}
