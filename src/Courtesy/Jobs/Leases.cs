using Courtesy.Data;
using Dapper;

namespace Courtesy.Jobs;

/// <summary>A lease row per background job: whichever process holds an unexpired lease runs the job, so a
/// reminder goes out once however many web processes there are. A holder that dies loses the lease when it expires.</summary>
public sealed class Leases(Db db, IClock clock)
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var c = await db.OpenAsync(ct);
        var got = await c.QueryFirstOrDefaultAsync<string>(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.expires_at < @now OR leases.holder = @holder
            RETURNING holder
            """, new { name, holder, expires = now + ttl, now });
        return got == holder;
    }

    public async Task ReleaseAsync(string name, string holder)
    {
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("DELETE FROM leases WHERE name = @name AND holder = @holder", new { name, holder });
    }

    public async Task<string?> HolderAsync(string name)
    {
        await using var c = await db.OpenAsync();
        return await c.QueryFirstOrDefaultAsync<string>("SELECT holder FROM leases WHERE name = @name AND expires_at >= @now",
            new { name, now = clock.UtcNow });
    }
}
