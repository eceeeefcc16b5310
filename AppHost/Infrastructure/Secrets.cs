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

        var secret = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Write(path, secret + "\n");
        return secret;
    }

    /// <summary>Writes a file that holds a secret: created with mode 0600, so it is never readable by others, not even briefly.</summary>
    public static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(content);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only: a file from an earlier run keeps its mode otherwise.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
