using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

public class PolicyLibraryTests
{
    [Fact]
    public void Lists_every_pack_in_the_folder_by_id()
    {
        var library = new PolicyLibrary(Repo.PoliciesDir);

        Assert.Equal(
            ["bexton-primary", "default", "flitwick-lower", "heartwood-trust", "roose-community-primary", "stratford-st-mary"],
            library.List().Select(p => p.Id));
        Assert.Equal("Social Networking Policy For Parents and Carers", library.List().Single(p => p.Id == "heartwood-trust").Title);
    }

    [Fact]
    public void Unknown_id_names_the_known_ids()
    {
        var e = Assert.Throws<PolicyNotFoundException>(() => new PolicyLibrary(Repo.PoliciesDir).Get("flitwick"));

        Assert.Equal("unknown policy pack 'flitwick'; known packs: bexton-primary, default, flitwick-lower, heartwood-trust, roose-community-primary, stratford-st-mary", e.Message);
    }

    [Fact]
    public void Packs_are_found_next_to_the_binary_without_being_told_where()
    {
        var pack = new PolicyLibrary().Get("flitwick-lower");

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "policies"), Path.GetDirectoryName(pack.SourceName));
    }

    [Fact]
    public void Without_a_folder_next_to_the_binary_the_nearest_one_above_the_current_folder_is_used()
    {
        var found = PolicyLibrary.FindDirectory("/nonexistent-binary-dir", Path.Combine(Repo.Root, "src", "Courtesy", "Policies"));

        Assert.Equal(Repo.PoliciesDir, found);
    }

    [Fact]
    public void A_file_whose_id_differs_from_its_name_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-policies-");
        try
        {
            File.Copy(Repo.Pack("flitwick-lower"), Path.Combine(dir.FullName, "flitwick.yaml"));

            var e = Assert.Throws<PolicyPackException>(() => new PolicyLibrary(dir.FullName).Get("flitwick"));

            Assert.Contains("its id is 'flitwick-lower'", Assert.Single(e.Errors).Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
