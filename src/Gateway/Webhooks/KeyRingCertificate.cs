using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest. The key ring lives in gatewaydb beside the webhook
/// secrets it protects, so without this a database dump or backup would carry both the ciphertexts and their keys. It
/// comes from Gateway__DataProtection__CertificatePath (a PKCS#12 file, Gateway__DataProtection__CertificatePassword if it
/// has one); a file that does not exist yet is created there on first start, so a single machine needs nothing set and
/// replicas that share the path share the certificate. Keep it as long as the database: keys encrypted with it can
/// only be read with it.
/// </summary>
internal static class KeyRingCertificate
{
    public const string Section = "Gateway:DataProtection";
    public const string PathKey = $"{Section}:CertificatePath";
    public const string PasswordKey = $"{Section}:CertificatePassword";

    /// <summary>Where the certificate is when nothing is configured: the service's own data folder under its content root.</summary>
    public static string DefaultPath(IHostEnvironment environment) =>
        Path.Combine(environment.ContentRootPath, ".data", "data-protection-certificate.pfx");

    public static X509Certificate2 LoadOrCreate(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration[PathKey] is { Length: > 0 } configured ? configured : DefaultPath(environment));
        var password = configuration[PasswordKey] is { Length: > 0 } given ? given : null;
        if (!File.Exists(path))
        {
            Create(path, password);
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (certificate.GetRSAPrivateKey() is null)
            {
                throw new InvalidOperationException($"The Data Protection certificate {path} has no RSA private key ({PathKey}).");
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"Cannot read the Data Protection certificate {path}: {ex.Message} (check {PasswordKey}).", ex);
        }
    }

    /// <summary>
    /// A self-signed RSA certificate for key encipherment only, written to a private file first and then linked into
    /// place: a replica starting at the same moment either wins or reads the one that won, never half a file.
    /// </summary>
    private static void Create(string path, string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=MarketingDev Gateway key ring encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pkcs12, password);

        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(pfx);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another replica created it first: use theirs.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create the Data Protection certificate at {path} ({ex.Message}). Set {PathKey.Replace(":", "__", StringComparison.Ordinal)} " +
                "to a PKCS#12 file the Gateway can read (with a read-only file system: one mounted from a secret), or to a writable path " +
                "on storage that lasts as long as the database.", ex);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
