using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Policies;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests;

/// <summary>Whatever is wrong with a request, the API answers problem+json with a 4xx that names it, and saves nothing.</summary>
public class ApiErrorTests
{
    [Theory]
    [InlineData("/api/screen", "{\"text\": \"hello\", \"attachments\": [", "body", "line 1")]
    [InlineData("/api/screen", "not json at all", "body (line 1, byte 2)", "invalid JSON literal")]
    [InlineData("/api/screen", "{\"text\": 42}", "body $.text", "not of the kind this field takes")]
    [InlineData("/api/screen", "{\"text\": \"hi\", \"attachments\": [null]}", "attachments[0]", "missing")]
    [InlineData("/api/screen", "{\"text\": \"hi\", \"attachments\": [{\"type\": \"photo\", \"people\": [null]}]}", "attachments[0].people[0]", "missing")]
    [InlineData("/api/screen", "{\"text\": \"hi\", \"attachments\": [{\"type\": \"photo\", \"people\": null}]}", "body $.attachments[0].people", "null")]
    [InlineData("/api/screen", "{\"text\": \"hi\", \"authorIsParentOf\": [null]}", "authorIsParentOf[0]", "missing")]
    [InlineData("/api/concerns", "{\"postText\": \"A post\", \"onSchoolSite\": \"maybe\"}", "body $.onSchoolSite", "not of the kind this field takes")]
    [InlineData("/api/concerns", "{\"postText\": \"A post\", \"postedAt\": \"next friday\"}", "body $.postedAt", "not of the kind this field takes")]
    [InlineData("/api/concerns", "{\"postText\": \"A post\", \"evidence\": [null]}", "evidence[0]", "missing")]
    [InlineData("/api/concerns", "null", "body", "")]
    public async Task A_request_the_api_cannot_take_is_a_400_naming_where(string url, string json, string where, string what)
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var client = await app.SignedInAsync(email, password);

        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadAsStringAsync());
        Assert.Contains(where, problem);
        Assert.Contains(what, problem);
        Assert.Empty(await app.Get<ConcernStore>().ListAsync(school.Id));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "")]
    [InlineData("text/plain", "{}")]
    [InlineData(null, "")]
    public async Task A_change_without_a_json_body_is_refused_so_another_site_cannot_post_a_form(string? contentType, string body)
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var head = await app.SignedInAsync(email, password);
        var concern = await app.Get<ConcernStore>().SubmitAsync(school.Id, new ConcernSubmission("The head is a liar", "Facebook", "https://facebook.com/p/1", PosterName: "Sam Parent"), [], null);
        var kase = await app.Get<CaseStore>().OpenFromConcernAsync(school.Id, concern.Concern.Id, Repo.LoadPack("flitwick-lower"),
            new CaseOpening([Categories.AllegationAboutStaff], false, false), "test");
        var step = await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps", new { stepId = "discuss", notes = "Phoned the parent." });
        var actionId = (await step.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var content = new StringContent(body);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        // the letter endpoint reads no body, so only the content type tells a form post from the app's own call
        var response = await head.PostAsync($"/api/cases/{kase.Id}/steps/{actionId}/letter", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.Get<CaseStore>().LettersAsync(school.Id, kase.Id));
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/cases/{kase.Id}/steps/{actionId}/letter", new { })).StatusCode);
    }

    [Fact]
    public async Task Not_found_forbidden_and_signed_out_answers_from_the_api_are_problem_json()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (headEmail, headPassword) = await app.AddUserAsync(Roles.Head, school.Id);
        var (govEmail, govPassword) = await app.AddUserAsync(Roles.Governor, school.Id);
        var head = await app.SignedInAsync(headEmail, headPassword);
        var governor = await app.SignedInAsync(govEmail, govPassword);

        foreach (var (client, url, status) in new[]
                 {
                     (head, "/api/concerns/999999", HttpStatusCode.NotFound),
                     (governor, "/api/concerns", HttpStatusCode.Forbidden),
                     (app.Client(), "/api/concerns", HttpStatusCode.Unauthorized),
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal((int)status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_that_says_so_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var big = new string('A', 31 * 1024 * 1024);
        var json = $"{{\"school\": \"{school.Slug}\", \"postText\": \"A post\", \"evidence\": [{{\"fileName\": \"a.png\", \"contentBase64\": \"{big}\"}}]}}";

        // as browsers and curl do for large bodies: the server can refuse before the body is sent
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/concerns") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MB limit", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.Get<ConcernStore>().ListAsync(school.Id));
    }
}
