using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Courtesy.Web.Api;

public static class SchoolApi
{
    public sealed record SchoolSummary(string Id, string Name, IReadOnlyList<string> Aliases, string? Town, PolicyInForce? Policy, int Pupils, int Staff);
    public sealed record PolicyInForce(string Id, string Title, string Version, string? NextReview, bool ReviewOverdue, DateTime InForceFrom);

    public static void MapSchoolApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/school").WithTags("School");

        group.MapGet("/", async Task<Results<Ok<SchoolSummary>, NotFound>> (CurrentSchool current, SchoolStore schools, RosterStore roster, IClock clock) =>
            {
                var school = await current.GetAsync();
                if (school is null) return TypedResults.NotFound();
                var policy = await schools.CurrentPolicyAsync(school.Id);
                PolicyInForce? inForce = null;
                if (policy is not null)
                {
                    var pack = policy.Pack;
                    inForce = new PolicyInForce(pack.Id, pack.Title, pack.Version, pack.NextReview?.Text,
                        pack.IsReviewOverdue(London.Today(clock)), policy.InForceFrom);
                }
                return TypedResults.Ok(new SchoolSummary(school.Slug, school.Name, school.Profile.Aliases, school.Town, inForce,
                    await roster.CountAsync(school.Id, PersonKind.Pupil), await roster.CountAsync(school.Id, PersonKind.Staff)));
            })
            .WithName("GetSchool")
            .WithSummary("The signed-in user's school and the policy in force");

        group.MapGet("/policy", async Task<Results<ContentHttpResult, NotFound>> (CurrentSchool current, SchoolStore schools, string? format) =>
            {
                var school = await current.GetAsync();
                var policy = school is null ? null : await schools.CurrentPolicyAsync(school.Id);
                if (policy is null) return TypedResults.NotFound();
                var pack = policy.Pack;
                return format == "html"
                    ? TypedResults.Content(PolicyRenderer.ToHtml(pack), "text/html; charset=utf-8")
                    : TypedResults.Content(PolicyRenderer.ToMarkdown(pack), "text/markdown; charset=utf-8");
            })
            .WithName("GetSchoolPolicy")
            .WithSummary("The school's policy in force, as Markdown or (?format=html) a printable HTML document");
    }
}
