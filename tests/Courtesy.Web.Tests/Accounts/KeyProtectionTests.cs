using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Courtesy.Accounts;
using Courtesy.Data;
using Courtesy.Tests.Support;
using Dapper;

namespace Courtesy.Web.Tests.Accounts;

/// <summary>With a certificate configured, the cookie-signing keys in the database are stored encrypted.</summary>
public class KeyProtectionTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_configured_certificate_and_sign_in_still_works()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-keys-").FullName;
        try
        {
            var pfx = Path.Combine(dir, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Courtesy data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pfx-password-1"));
            }
            await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Courtesy:DataProtection:Certificate"] = pfx,
                ["Courtesy:DataProtection:Password"] = "pfx-password-1",
            });
            var school = await app.AddSchoolAsync();
            var (email, password) = await app.AddUserAsync(Roles.Head, school.Id);

            var head = await app.SignedInAsync(email, password);

            Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/concerns")).StatusCode);
            await using var c = await app.Get<Db>().OpenAsync();
            var keys = (await c.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting_but_not_the_password()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-courtesy-keys.pfx");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Courtesy:DataProtection:Certificate"] = missing,
            ["Courtesy:DataProtection:Password"] = "s3cret-pfx-password",
        }));
        Assert.StartsWith($"Courtesy:DataProtection:Certificate: {missing} could not be read", ex.Message);
        Assert.DoesNotContain("s3cret-pfx-password", ex.ToString());
    }
}
