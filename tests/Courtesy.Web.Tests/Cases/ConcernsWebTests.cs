using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Courtesy.Accounts;
using Courtesy.Cases;
using Courtesy.Tests.Support;

namespace Courtesy.Web.Tests.Cases;

public partial class ConcernsWebTests
{
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    internal static object Concern(string? key = null, object[]? evidence = null) => new
    {
        school = "st-aidans",
        postText = "Mrs Okafor <script>alert('pwned')</script> is useless and everyone knows it",
        platform = "Facebook",
        postUrl = "https://www.facebook.com/groups/staidans/posts/1",
        posterName = "Sam Parent",
        submissionKey = key,
        evidence = evidence ?? [],
    };

    [Fact]
    public async Task Public_api_takes_an_anonymous_concern_and_its_status_answers_only_to_the_secret()
    {
        await using var app = await TestApp.StartAsync();
        await app.AddSchoolAsync();
        var client = app.Client();
        var created = await client.PostAsJsonAsync("/api/concerns", Concern(evidence: [new { fileName = "shot.png", contentBase64 = Convert.ToBase64String(Png) }]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>();
        var reference = receipt.GetProperty("reference").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;
        Assert.Equal("C-2026-0001".Replace("2026", DateTime.UtcNow.Year.ToString()), reference);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/report/status?school=st-aidans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/report")).StatusCode);
        var ok = await client.PostAsJsonAsync("/api/concerns/status", new { school = "st-aidans", reference, secret });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Received", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var wrongSecret = await client.PostAsJsonAsync("/api/concerns/status", new { school = "st-aidans", reference, secret = "AAAA-BBBB-CCCC" });
        var unknown = await client.PostAsJsonAsync("/api/concerns/status", new { school = "st-aidans", reference = "C-1999-0001", secret });
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Strip(await unknown.Content.ReadAsStringAsync()), Strip(await wrongSecret.Content.ReadAsStringAsync()));
    }

    private static string Strip(string problem) => TraceId().Replace(problem, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [Fact]
    public async Task A_spoofed_upload_and_bad_fields_are_refused_with_reasons_and_nothing_saved()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var response = await app.Client().PostAsJsonAsync("/api/concerns", new
        {
            school = "st-aidans", postText = "", postUrl = "not a url",
            evidence = new[] { new { fileName = "holiday.png", contentBase64 = Convert.ToBase64String([(byte)'M', (byte)'Z', 0x90, 0, 3]) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("holiday.png: not accepted as evidence: its content is a Windows program", errors.GetProperty("evidence[0]")[0].GetString());
        Assert.StartsWith("what was posted", errors.GetProperty("postText")[0].GetString());
        Assert.Contains("'not a url' is not a web address", errors.GetProperty("postUrl")[0].GetString());
        Assert.Empty(await app.Get<ConcernStore>().ListAsync(school.Id));

        var unknownSchool = await app.Client().PostAsJsonAsync("/api/concerns", new { school = "nowhere", postText = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknownSchool.StatusCode);
    }

    [Fact]
    public async Task Double_submit_gives_one_concern_through_the_api_and_the_form()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var client = app.Client();
        var first = await (await client.PostAsJsonAsync("/api/concerns", Concern("key-1-5d0c7e21a9b84f3e"))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsJsonAsync("/api/concerns", Concern("key-1-5d0c7e21a9b84f3e"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("reference").GetString(), second.GetProperty("reference").GetString());
        Assert.True(second.GetProperty("duplicate").GetBoolean());

        var html = await client.GetStringAsync("/Report?school=st-aidans");
        var token = FormToken().Match(html).Groups[1].Value;
        var key = SubmissionKey().Match(html).Groups[1].Value;
        Assert.NotEmpty(key);
        var form = () => new MultipartFormDataContent
        {
            { new StringContent("st-aidans"), "School" },
            { new StringContent(key), "SubmissionKey" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("The head is a liar"), "PostText" },
        };
        var a = await client.PostAsync("/Report", form());
        var b = await client.PostAsync("/Report", form());
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        var refA = Reference().Match(await a.Content.ReadAsStringAsync()).Groups[1].Value;
        var refB = Reference().Match(await b.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(refA, refB);
        Assert.Equal(2, (await app.Get<ConcernStore>().ListAsync(school.Id)).Count);

        var noToken = await client.PostAsync("/Report", new MultipartFormDataContent { { new StringContent("x"), "PostText" }, { new StringContent("st-aidans"), "School" } });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(2, (await app.Get<ConcernStore>().ListAsync(school.Id)).Count);
    }

    [Fact]
    public async Task The_status_page_gives_one_answer_for_a_wrong_secret_and_an_unknown_reference()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var s = await app.Get<ConcernStore>().SubmitAsync(school.Id, new ConcernSubmission("The head is a liar"), [], null);
        var client = app.Client();
        async Task<(HttpStatusCode, string)> Ask(string reference, string secret)
        {
            var token = FormToken().Match(await client.GetStringAsync("/Report/Status?school=st-aidans")).Groups[1].Value;
            var r = await client.PostAsync("/Report/Status", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["School"] = "st-aidans", ["Reference"] = reference, ["Secret"] = secret, ["__RequestVerificationToken"] = token,
            }));
            return (r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        var (wrongCode, wrong) = await Ask(s.Concern.Reference, "AAAA-BBBB-CCCC");
        var (unknownCode, unknown) = await Ask("C-1999-0001", s.Secret);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wrongCode, unknownCode));
        Assert.Contains("We could not find a concern with that reference and secret.", wrong);
        Assert.Contains("We could not find a concern with that reference and secret.", unknown);
        var (okCode, ok) = await Ask(s.Concern.Reference.ToLowerInvariant(), s.Secret);
        Assert.Equal(HttpStatusCode.OK, okCode);
        Assert.Contains("id=\"state\">Received<", ok);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();
    [GeneratedRegex("id=\"reference\">(C-\\d{4}-\\d{4})<")]
    private static partial Regex Reference();

    [Fact]
    public async Task Public_endpoints_are_rate_limited()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Courtesy:RateLimits:PublicPerMinute"] = "3" });
        await app.AddSchoolAsync();
        var client = app.Client();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await client.PostAsJsonAsync("/api/concerns/status", new { school = "st-aidans", reference = $"C-2026-000{i}", secret = "AAAA-BBBB-CCCC" })).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task Script_in_a_post_is_shown_escaped_on_the_triage_page()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        await app.Client().PostAsJsonAsync("/api/concerns", Concern());
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var head = await app.SignedInAsync(email, password);
        var id = (await app.Get<ConcernStore>().ListAsync(school.Id)).Single().Id;
        var page = await head.GetStringAsync($"/Triage/Concern/{id}");
        Assert.Contains("&lt;script&gt;alert(", page);
        Assert.DoesNotContain("<script>alert", page);
        var queue = await head.GetStringAsync("/Triage");
        Assert.DoesNotContain("<script>alert", queue);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_concern_and_case_routes()
    {
        await using var app = await TestApp.StartAsync();
        var paths = (await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var p in new[] { "/api/concerns", "/api/concerns/status", "/api/concerns/{id}", "/api/concerns/{id}/triage", "/api/cases", "/api/cases/{id}",
                     "/api/cases/{id}/steps", "/api/cases/{id}/steps/{actionId}/result", "/api/cases/{id}/steps/{actionId}/letter", "/api/cases/{id}/export" })
            Assert.True(paths.TryGetProperty(p, out _), $"{p} is not in the OpenAPI document");
    }
}

public class ConcernScreeningWebTests
{
    [Fact]
    public async Task A_reported_post_is_screened_and_its_findings_are_marked_for_triage()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var created = await app.Client().PostAsJsonAsync("/api/concerns", new
        {
            school = "st-aidans",
            postText = "If Mr Harris touches my son again I will kill him. Waiting outside the gates at 3.",
            platform = "Facebook",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var head = await app.SignedInAsync(email, password);
        var concern = (await head.GetFromJsonAsync<JsonElement[]>("/api/concerns"))!.Single();
        var categories = concern.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("threat-of-violence", categories);
        Assert.True(concern.GetProperty("policeFlag").GetBoolean());
        Assert.NotEmpty(concern.GetProperty("findings").EnumerateArray());
        var page = await head.GetStringAsync($"/Triage/Concern/{concern.GetProperty("id").GetInt64()}");
        Assert.Contains("<mark title=\"threat-of-violence", page);
        Assert.Contains("police threshold", page);
    }
}
