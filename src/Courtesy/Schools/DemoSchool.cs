using Courtesy.Accounts;
using Courtesy.Policies;

namespace Courtesy.Schools;

public sealed record DemoSignIn(string SchoolName, string Email, string Password);

/// <summary>A fictional school on the Flitwick pack with a small roster, so a new user can see the product at once.</summary>
public static class DemoSchool
{
    public const string Slug = "brambleford-lower";
    public const string Name = "Brambleford Lower School (demo)";
    public const string AdminEmail = "head@brambleford.example";
    public const string PackId = "flitwick-lower";

    /// <summary>Creates the school the first time; every run sets a new one-time admin password and returns it.</summary>
    public static async Task<DemoSignIn> EnsureAsync(SchoolStore schools, RosterStore roster, UserStore users, PolicyLibrary library)
    {
        const string actor = "demo-setup";
        var school = await schools.FindAsync(Slug);
        if (school is null)
        {
            school = await schools.AddSchoolAsync(Slug, Name, ["Brambleford Lower", "BLS", "Brambleford"], "Brambleford", null, actor);
            await schools.AssignFromLibraryAsync(school.Id, library, PackId, actor);
            using var stream = typeof(DemoSchool).Assembly.GetManifestResourceStream("Courtesy.DemoRoster.csv")!;
            using var reader = new StreamReader(stream);
            await roster.ImportAsync(school.Id, RosterCsv.Parse(reader, "DemoRoster.csv"), actor, "DemoRoster.csv");
        }
        var password = UserStore.NewPassword();
        var admin = await users.FindAsync(AdminEmail);
        if (admin is null)
            await users.AddAsync(AdminEmail, "Mrs Helen Whitmore", Roles.Head, school.Id, null, password, actor);
        else
            await users.SetPasswordAsync(admin.Id, password, actor);
        return new DemoSignIn(school.Name, AdminEmail, password);
    }
}
