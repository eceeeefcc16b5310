using System.Diagnostics;

namespace MarketingDev.AppHost.Infrastructure;

/// <summary>Installs the Debian packages the private servers come from, when missing and when allowed (root).</summary>
internal static class OsPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _updated;

    public static async Task EnsureAsync(string package, Func<bool> present, Action<string> log, CancellationToken ct)
    {
        if (present())
        {
            return;
        }

        if (!Native.IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"The '{package}' package is not installed. Install it (as root: apt-get install -y postgresql rabbitmq-server), " +
                "or point MarketingDev at running servers with ConnectionStrings__postgres and ConnectionStrings__messaging.");
        }

        await Gate.WaitAsync(ct);
        try
        {
            if (present())
            {
                return;
            }

            if (!_updated)
            {
                log("apt-get update");
                await RunAsync("apt-get", ["update", "-qq"], log, ct);
                _updated = true;
            }

            log($"apt-get install -y {package}");
            await RunAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", package], log, ct);
            if (!present())
            {
                throw new InvalidOperationException($"'{package}' was installed but its programs are still missing.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, Action<string> log, CancellationToken ct)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var output = (await stdout + await stderr).Trim();
            log(output);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} failed with exit code {process.ExitCode}: {Last(output)}");
        }
    }

    private static string Last(string output) => output.Length <= 500 ? output : output[^500..];
}
