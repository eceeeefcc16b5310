using System.Diagnostics;
using System.Text.Json;

namespace MarketingDev.Gateway.Tests.OpenApi;

/// <summary>
/// Runs <c>npx @redocly/cli lint</c> (the version pinned here, recommended rules plus the repository's redocly.yaml) on a
/// file. npx keeps the package in npm's cache (~/.npm/_npx): the first run on a machine downloads it from the npm
/// registry (about 20 MB), later runs start from the cache. Telemetry and update checks are off: CI has no internet.
/// </summary>
internal static class Redocly
{
    public const string Package = "@redocly/cli@2.77.0";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public sealed record Result(int Errors, int Warnings, IReadOnlyList<string> Problems);

    public static async Task<Result> LintAsync(string file, CancellationToken ct)
    {
        var start = new ProcessStartInfo("npx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(file)!,
        };
        foreach (var argument in new[] { "--yes", Package, "lint", file, "--format=json", "--config", ConfigPath() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_audit"] = "false";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("npx was not found: install Node.js 20+ with npm (apt-get install nodejs npm).", e);
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(Deadline);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"npx {Package} lint did not finish within {Deadline}.");
            }

            var output = await stdout;
            var errors = await stderr;
            var json = output.IndexOf('{', StringComparison.Ordinal);
            if (json < 0)
            {
                throw new InvalidOperationException($"npx {Package} lint printed no report (exit {process.ExitCode}).\n{output}\n{errors}");
            }

            using var report = JsonDocument.Parse(output[json..]);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray().Select(Describe).ToList();
            return new Result(totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32(), problems);
        }
    }

    private static string Describe(JsonElement problem)
    {
        var where = problem.TryGetProperty("location", out var locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("pointer", out var pointer) ? pointer.GetString() : "";
        return $"{problem.GetProperty("severity").GetString()} {problem.GetProperty("ruleId").GetString()} at {where}: {problem.GetProperty("message").GetString()}";
    }

    private static string ConfigPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "redocly.yaml"));
}
