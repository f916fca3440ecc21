using Courtesy.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Courtesy.Cases;

public static class CasesServices
{
    /// <summary>Concerns, cases, letters, evidence packs, mail and the reminder job.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions());
        var smtp = SmtpOptions.FromConfiguration(config);
        if (smtp is not null)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IMailSender>(sp => new SmtpMailSender(smtp, sp.GetService<ILogger<SmtpMailSender>>()));
        }
        services.AddSingleton(sp => new Outbox(sp.GetRequiredService<Data.Db>(), sp.GetRequiredService<Audit.AuditLog>(), sp.GetRequiredService<IClock>(), sp.GetService<IMailSender>()));
        services.AddSingleton<ConcernStore>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<Casework>();
        services.AddSingleton<EvidencePack>();
        services.AddSingleton<Reminders>();
        services.AddHostedService<ReminderJob>();
        services.AddSingleton<ConcernScreening>();
        services.AddHostedService<ConcernScreeningJob>();
        return services;
    }
}
