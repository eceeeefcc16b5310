using System.Security.Cryptography;

namespace MarketingDev.AppHost.Infrastructure;

internal static class Secrets
{
    /// <summary>Reads a secret kept in a file only its owner can read, creating it on first use.</summary>
    public static string ReadOrCreate(string path, string prefix = "")
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
