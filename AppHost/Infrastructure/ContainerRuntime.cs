using System.Diagnostics;

namespace MarketingDev.AppHost.Infrastructure;

/// <summary>
/// Whether containers can be used (Aspire's container resources in the AppHost, Testcontainers in the tests): a runtime
/// whose engine answers within seconds. A CLI without an engine behind it (as on the build machines) would make
/// AddPostgres wait forever without an error.
/// </summary>
internal static class ContainerRuntime
{
    public static async Task<bool> IsHealthyAsync()
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            if (await AnswersAsync(cli))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<bool> AnswersAsync(string cli)
    {
        try
        {
            var info = new ProcessStartInfo(cli, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && (await process.StandardOutput.ReadToEndAsync()).Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return false;
        }
    }
}
