using System.Net;
using Courtesy.Accounts;
using Courtesy.Data;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Web.Tests.Accounts;

/// <summary>A sign-in cookie lasts only as long as the account behind it is unchanged.</summary>
public class SessionTests
{
    [Fact]
    public async Task A_disabled_user_is_signed_out_at_the_next_request()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var head = await app.SignedInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/concerns")).StatusCode);

        await app.Get<UserStore>().DisableAsync(email, "test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await head.GetAsync("/api/concerns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestApp.SignInAsync(app.Client(), email, password)).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_sessions_signed_in_with_the_old_one()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Dsl, school.Id);
        var dsl = await app.SignedInAsync(email, password);

        var fresh = await app.Get<UserStore>().ResetPasswordAsync(email, "test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await dsl.GetAsync("/api/concerns")).StatusCode);
        var again = await app.SignedInAsync(email, fresh);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/concerns")).StatusCode);
    }

    [Fact]
    public async Task A_head_moved_to_governor_loses_the_head_s_pages_at_once()
    {
        await using var app = await TestApp.StartAsync();
        var school = await app.AddSchoolAsync();
        var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);
        var user = await app.SignedInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/concerns")).StatusCode);

        await using (var c = await app.Get<Db>().OpenAsync())
            await c.ExecuteAsync("UPDATE users SET role = @role WHERE email = @email", new { role = Roles.Governor, email });

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/concerns")).StatusCode);
    }
}
