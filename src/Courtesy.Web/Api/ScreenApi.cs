using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Courtesy.Web.Api;

/// <summary>POST /api/screen: a post in, the school's screening out (categories, flags, findings with spans).</summary>
public static class ScreenApi
{
    public sealed record ScreenRequest(
        string? Text,
        string? Platform = null,
        string? Url = null,
        IReadOnlyList<string>? AuthorIsParentOf = null,
        PostReplyTo? ReplyTo = null,
        IReadOnlyList<PostAttachment>? Attachments = null);

    public sealed record FindingDto(string Category, string Title, int Severity, int Start, int Length, string Text, string Reason, string Detector);

    public sealed record ScreenResponse(IReadOnlyList<string> Labels, bool Police, bool Safeguarding, bool Truncated, string Policy, IReadOnlyList<FindingDto> Findings);

    public static void MapScreenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/screen", async Task<Results<Ok<ScreenResponse>, NotFound, ValidationProblem>> (ScreenRequest request, CurrentSchool current, SchoolStore schools, RosterStore roster) =>
            {
                if (request.Text is null)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["the post's text is required"] });
                if (request.Text.Length > NormalizedText.MaxChars)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"at most {NormalizedText.MaxChars} characters"] });
                if (Missing(request) is { } missing)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [missing] = [$"{missing}: missing (null)"] });
                var screening = await EngineForAsync(current, schools, roster);
                if (screening is null) return TypedResults.NotFound();
                var result = screening.Value.Engine.Screen(new Post
                {
                    Text = request.Text,
                    Platform = request.Platform,
                    Url = request.Url,
                    AuthorIsParentOf = request.AuthorIsParentOf ?? [],
                    ReplyTo = request.ReplyTo,
                    Attachments = request.Attachments ?? [],
                });
                return TypedResults.Ok(ToResponse(result, screening.Value.Policy, screening.Value.Pack));
            })
            .RequireAuthorization(AuthPolicies.Staff)
            .WithTags("Screening")
            .WithName("ScreenPost")
            .WithSummary("Screen a post against the signed-in user's school policy: categories, police and safeguarding flags, and findings with the spans that caused them");
    }

    /// <summary>The first null inside the post's lists, as a JSON path-like name ("attachments[1].people[0]").</summary>
    private static string? Missing(ScreenRequest r)
    {
        if (ApiErrors.FirstNull(r.AuthorIsParentOf) is { } p) return $"authorIsParentOf[{p}]";
        if (ApiErrors.FirstNull(r.Attachments) is { } a) return $"attachments[{a}]";
        for (var i = 0; i < (r.Attachments?.Count ?? 0); i++)
            if (ApiErrors.FirstNull(r.Attachments![i].People) is { } person) return $"attachments[{i}].people[{person}]";
        return null;
    }

    public static ScreenResponse ToResponse(ScreeningResult result, string policy, PolicyPack? pack) =>
        new(result.Categories, result.Police, result.Safeguarding, result.Truncated, policy,
            result.Findings.Select(f => new FindingDto(f.CategoryId, Categories.TitleOf(f.CategoryId, pack), f.Severity, f.Start, f.Length, f.Text, f.Reason, f.Detector)).ToList());

    /// <summary>The engine for the request's school: its roster and the categories of its policy in force
    /// (every catalogue category when no policy is in force yet).</summary>
    public static async Task<(ScreeningEngine Engine, string Policy, PolicyPack? Pack)?> EngineForAsync(CurrentSchool current, SchoolStore schools, RosterStore roster)
    {
        var school = await current.GetAsync();
        if (school is null) return null;
        var policy = await schools.CurrentPolicyAsync(school.Id);
        var pack = policy?.Pack;
        IEnumerable<string> ids;
        string name;
        if (policy is null)
        {
            ids = Categories.All.Select(c => c.Id);
            name = "no policy in force: every catalogue category";
        }
        else
        {
            ids = pack!.CategoryIds;
            name = $"{pack.Title} ({pack.Id} {pack.Version})";
        }
        var people = await roster.ListAsync(school.Id);
        return (ScreeningEngineCache.Shared.Get(school.Profile, people, ids, pack?.OwnCategories), name, pack);
    }
}
