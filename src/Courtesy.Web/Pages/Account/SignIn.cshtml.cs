using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Courtesy.Accounts;
using Courtesy.Audit;
using Courtesy.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Courtesy.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(UserStore users, AuditLog audit) : PageModel
{
    [BindProperty, Required, StringLength(254)] public string Email { get; set; } = "";
    [BindProperty, Required, StringLength(200)] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "Enter your e-mail address and password.";
            return Page();
        }
        var user = await users.CheckPasswordAsync(Email, Password);
        if (user is null)
        {
            // one message for an unknown address and a wrong password: nothing to learn from it
            Error = "That e-mail address and password do not match an account.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, user.Role),
            new(CourtesyClaims.UserId, user.Id.ToString()),
            new(CourtesyClaims.Stamp, user.Stamp),
        };
        if (user.SchoolId is { } s) claims.Add(new Claim(CourtesyClaims.SchoolId, s.ToString()));
        if (user.TrustId is { } t) claims.Add(new Claim(CourtesyClaims.TrustId, t.ToString()));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        await audit.AppendAsync(user.SchoolId, user.Email, "user.signed-in", "user", user.Id.ToString(), $"{user.DisplayName} signed in");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
