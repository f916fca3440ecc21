using Courtesy.Schools;
using Courtesy.Web.Auth;

namespace Courtesy.Web.Pages.Report;

/// <summary>Which school a public visitor reports to: ?school=slug, the signed-in user's school, or the only
/// school there is. With several schools and no choice, the visitor picks from a list.</summary>
public static class PublicSchool
{
    public static async Task<(School? School, IReadOnlyList<School> Choices)> ResolveAsync(string? slug, SchoolStore schools, CurrentSchool current)
    {
        if (!string.IsNullOrWhiteSpace(slug))
            return (await schools.FindAsync(slug.Trim()), []);
        if (await current.GetAsync() is { } mine)
            return (mine, []);
        var all = await schools.ListAsync();
        return all.Count == 1 ? (all[0], []) : (null, all);
    }
}
