using Courtesy.Policies;

namespace Courtesy.Schools;

public static class PolicyAssignment
{
    /// <summary>Validates the pack from the library and puts it in force, keeping its YAML text as it is today.</summary>
    public static async Task<PolicyPack> AssignFromLibraryAsync(this SchoolStore schools, long schoolId, PolicyLibrary library, string packId, string actor)
    {
        var pack = library.Get(packId);
        var yaml = await File.ReadAllTextAsync(Path.Combine(library.Directory, packId + ".yaml"));
        await schools.AssignPolicyAsync(schoolId, pack.Id, pack.Version, yaml, actor);
        return pack;
    }
}
