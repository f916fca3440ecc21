using System.Security.Cryptography;
using Courtesy.Audit;
using Courtesy.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Courtesy.Accounts;

public sealed class User
{
    public long Id { get; init; }
    public long? SchoolId { get; init; }
    public long? TrustId { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public DateTime? DisabledAt { get; init; }

    /// <summary>Changes whenever the password, role, school or trust changes, so a sign-in cookie issued
    /// before the change stops working (see the web app's cookie check). Not secret: a digest of the hash.</summary>
    public string Stamp => Convert.ToHexStringLower(SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{PasswordHash}|{Role}|{SchoolId}|{TrustId}")))[..16];
}

public sealed class AccountException(string message) : Exception(message);

public sealed class UserStore(Db db, AuditLog audit, IClock clock)
{
    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>A password for a person to type once and change: 4 groups of 4 from an unambiguous alphabet (~80 bits).</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> chars = stackalloc char[19];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i % 5 == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public async Task<User> AddAsync(string email, string displayName, string role, long? schoolId, long? trustId, string password, string actor)
    {
        email = Normalise(email);
        if (!email.Contains('@') || email.Length > 254) throw new AccountException($"'{email}' is not an e-mail address");
        if (!Roles.IsKnown(role)) throw new AccountException($"role '{role}' is not one of {string.Join(", ", Roles.All)}");
        if (role == Roles.TrustAdmin ? trustId is null : schoolId is null)
            throw new AccountException(role == Roles.TrustAdmin ? "a trust administrator needs a trust" : "this role needs a school");
        if (password.Length < 12) throw new AccountException("a password needs at least 12 characters");
        var hash = Hasher.HashPassword(new User(), password);
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = @email", new { email }, tx) > 0)
            throw new AccountException($"a user with e-mail {email} already exists");
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO users (school_id, trust_id, email, display_name, role, password_hash, created_at)
            VALUES (@schoolId, @trustId, @email, @displayName, @role, @hash, @now) RETURNING id
            """, new { schoolId, trustId, email, displayName, role, hash, now = clock.UtcNow }, tx);
        await audit.AppendAsync(schoolId, actor, "user.created", "user", id.ToString(), $"User {displayName} added as {Roles.Describe(role)}", null, c, tx);
        await tx.CommitAsync();
        return new User { Id = id, SchoolId = schoolId, TrustId = trustId, Email = email, DisplayName = displayName, Role = role, PasswordHash = hash };
    }

    public async Task<User?> FindAsync(string email)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<User>("SELECT * FROM users WHERE email = @email", new { email = Normalise(email) });
    }

    public async Task<User?> GetAsync(long id)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<User>("SELECT * FROM users WHERE id = @id", new { id });
    }

    /// <summary>The user when the password is right and the account active; null otherwise, with the same cost either way.</summary>
    public async Task<User?> CheckPasswordAsync(string email, string password)
    {
        var user = await FindAsync(email);
        if (user is null)
        {
            // hash anyway so an unknown e-mail takes as long as a wrong password
            Hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || user.DisabledAt is not null) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await SetPasswordAsync(user.Id, password, user.Email);
        return user;
    }

    public async Task SetPasswordAsync(long userId, string password, string actor)
    {
        if (password.Length < 12) throw new AccountException("a password needs at least 12 characters");
        var hash = Hasher.HashPassword(new User(), password);
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        var schoolId = await c.ExecuteScalarAsync<long?>("SELECT school_id FROM users WHERE id = @userId", new { userId }, tx);
        var n = await c.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @userId", new { hash, userId }, tx);
        if (n == 0) throw new AccountException($"no user with id {userId}");
        await audit.AppendAsync(schoolId, actor, "user.password-set", "user", userId.ToString(), "Password set", null, c, tx);
        await tx.CommitAsync();
    }

    /// <summary>Stops an account: its sign-in cookies stop working at the next request and its password no longer signs in.</summary>
    public async Task<User> DisableAsync(string email, string actor)
    {
        var user = await FindAsync(email) ?? throw new AccountException($"no user with e-mail {Normalise(email)}");
        await using var c = await db.OpenAsync();
        await using var tx = await db.BeginWriteAsync(c);
        await c.ExecuteAsync("UPDATE users SET disabled_at = @now WHERE id = @id AND disabled_at IS NULL", new { now = clock.UtcNow, id = user.Id }, tx);
        await audit.AppendAsync(user.SchoolId, actor, "user.disabled", "user", user.Id.ToString(), $"User {user.DisplayName} disabled", null, c, tx);
        await tx.CommitAsync();
        return (await GetAsync(user.Id))!;
    }

    /// <summary>Gives an account a new generated password (for a forgotten one, or when the first one was
    /// never changed); every cookie signed in with the old one stops working.</summary>
    public async Task<string> ResetPasswordAsync(string email, string actor)
    {
        var user = await FindAsync(email) ?? throw new AccountException($"no user with e-mail {Normalise(email)}");
        var password = NewPassword();
        await SetPasswordAsync(user.Id, password, actor);
        return password;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not-a-real-password-0000");
}
