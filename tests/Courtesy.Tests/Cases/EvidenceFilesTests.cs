using System.Security.Cryptography;
using Courtesy.Cases;

namespace Courtesy.Tests.Cases;

public class EvidenceFilesTests
{
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1 }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V' }, "image/webp")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7' }, "application/pdf")]
    public void Accepts_by_content_whatever_the_name(byte[] content, string type)
    {
        var accepted = EvidenceFiles.Inspect("evidence.dat", content);
        Assert.Equal(type, accepted.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), accepted.Sha256);
    }

    [Fact]
    public void An_exe_renamed_png_is_refused_with_a_clear_reason()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0];
        var ex = Assert.Throws<EvidenceRejectedException>(() => EvidenceFiles.Inspect("screenshot.png", exe));
        Assert.Equal("screenshot.png: not accepted as evidence: its content is a Windows program, not PNG, JPEG, GIF, WebP or PDF (checked by content, not by name)", ex.Message);
    }

    [Fact]
    public void Html_named_jpg_is_refused()
    {
        var ex = Assert.Throws<EvidenceRejectedException>(() => EvidenceFiles.Inspect("a.jpg", "<script>alert(1)</script>"u8.ToArray()));
        Assert.Contains("its content is text", ex.Message);
    }

    [Fact]
    public void Oversized_and_empty_files_are_refused()
    {
        var big = new byte[2048];
        Png.CopyTo(big, 0);
        Assert.Equal("big.png: 2 KB is over the 1 KB limit for an evidence file",
            Assert.Throws<EvidenceRejectedException>(() => EvidenceFiles.Inspect("big.png", big, 1024)).Message);
        Assert.Equal("e.png: the file is empty", Assert.Throws<EvidenceRejectedException>(() => EvidenceFiles.Inspect("e.png", [])).Message);
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("C:\\Users\\me\\shot.png", "shot.png")]
    [InlineData("", "unnamed file")]
    [InlineData("a\u0000b\nc.png", "abc.png")]
    public void Names_are_labels_without_folders(string given, string expected) =>
        Assert.Equal(expected, EvidenceFiles.CleanName(given));
}
