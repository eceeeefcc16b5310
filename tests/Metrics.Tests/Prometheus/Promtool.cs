using System.Diagnostics;

namespace MarketingDev.Metrics.Tests.Prometheus;

/// <summary>Prometheus' own checker from the Debian package (installed with apt-get when missing and the test runs as root).</summary>
internal static class Promtool
{
    private const string Path = "/usr/bin/promtool";

    public static Task<(int ExitCode, string Output)> CheckConfigAsync(string file) => RunPromtoolAsync($"check config {file}", null);

    public static Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition) => RunPromtoolAsync("check metrics", exposition);

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(string arguments, string? stdin)
    {
        if (!File.Exists(Path))
        {
            var (code, output) = await RunAsync("apt-get", "install -y prometheus", null);
            Assert.True(File.Exists(Path), $"promtool is missing and 'apt-get install -y prometheus' failed ({code}): {output}. Install it as root.");
        }

        return await RunAsync(Path, arguments, stdin);
    }

    private static async Task<(int, string)> RunAsync(string file, string arguments, string? stdin)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
