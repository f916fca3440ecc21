using Courtesy.Data;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Data;

public class BackupTests
{
    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task A_restore_brings_back_exactly_what_was_backed_up(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await t.AddSchoolAsync("before", "Before School");
        var file = Path.Combine(Path.GetTempPath(), $"courtesy-backup-{Guid.NewGuid():N}.bak");
        try
        {
            Assert.True(await Backup.BackupAsync(t.Db, file) > 0);
            await t.AddSchoolAsync("after", "After School");
            await Backup.RestoreAsync(t.Db, file);
            Assert.NotNull(await t.Schools.FindAsync("before"));
            Assert.Null(await t.Schools.FindAsync("after"));
            Assert.True((await t.Audit.VerifyAsync()).Ok);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, MemberData(nameof(TestDb.Providers), MemberType = typeof(TestDb))]
    public async Task Restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(DbProvider provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await t.AddSchoolAsync("kept", "Kept School");
        var file = Path.Combine(Path.GetTempPath(), $"courtesy-not-a-backup-{Guid.NewGuid():N}.bak");
        await File.WriteAllTextAsync(file, "this is a photo of my holiday, honest");
        try
        {
            var ex = await Assert.ThrowsAsync<BackupException>(() => Backup.RestoreAsync(t.Db, file));
            Assert.Contains(file, ex.Message);
            Assert.NotNull(await t.Schools.FindAsync("kept"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
