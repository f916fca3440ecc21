using Courtesy.Cases;
using Courtesy.Schools;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Courtesy.Web.Pages.Report;

/// <summary>Follow a concern with its reference and secret. Wrong secret, unknown reference and another school
/// all give the same answer, and the page is rate-limited, so guessing learns nothing.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Public)]
public sealed class StatusModel(SchoolStore schools, CurrentSchool current, ConcernStore concerns) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Secret { get; set; }

    public Courtesy.Schools.School? Target { get; private set; }
    public IReadOnlyList<Courtesy.Schools.School> Choices { get; private set; } = [];
    public ConcernStatus? Status { get; private set; }
    public bool NotFoundAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        (Target, Choices) = await PublicSchool.ResolveAsync(School, schools, current);
        return Target is null && Choices.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        (Target, Choices) = await PublicSchool.ResolveAsync(School, schools, current);
        Status = Target is null || string.IsNullOrWhiteSpace(Reference) || string.IsNullOrWhiteSpace(Secret) || Reference.Length > 40 || Secret.Length > 40
            ? null
            : await concerns.StatusAsync(Target.Id, Reference, Secret);
        if (Status is null)
        {
            NotFoundAnswer = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
