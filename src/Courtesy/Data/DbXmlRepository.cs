using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Courtesy.Data;

/// <summary>Data-protection keys (which sign cookies and antiforgery tokens) kept in the database, so a user
/// signed in on one web process is still signed in on the next. Keys are not secrets to log: they never are.</summary>
public sealed class DbXmlRepository(Db db, IClock clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var c = db.Open();
        return c.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var c = db.Open();
        // two processes may create a key at the same moment; both keys are kept under distinct names
        c.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (friendly_name) DO NOTHING",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.UtcNow });
    }
}
