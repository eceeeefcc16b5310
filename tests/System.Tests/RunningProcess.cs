using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MarketingDev.TestSupport;

namespace MarketingDev.System.Tests;

/// <summary>A real program started as a user would, its output kept for assertions.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public RunningProcess(string dll, IDictionary<string, string?> environment)
    {
        // From its own folder, as a container runs it (WORKDIR /app): that is the content root its appsettings.json is read from.
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        Eventually.TrueAsync(() => _output.Any(l => l.Contains(text, StringComparison.Ordinal)) || _process.HasExited,
            $"'{text}' in the output", timeout)
            .ContinueWith(t =>
            {
                if (!_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"'{text}' never appeared (exited: {_process.HasExited}). Output:\n{Output}", t.Exception);
                }
            }, TaskScheduler.Default);

    /// <summary>Waits until <c>{http}/health</c> answers 200 or the process exits; fails, with its output, if it exited.</summary>
    public async Task WaitUntilHealthyAsync(string http, TimeSpan timeout)
    {
        using var client = new HttpClient();
        await Eventually.ReturnsAsync(
            async () => HasExited ? HttpStatusCode.Gone : await client.GetAsync($"{http}/health").ContinueWith(
                t => t.IsCompletedSuccessfully ? t.Result.StatusCode : HttpStatusCode.ServiceUnavailable, TaskScheduler.Default),
            status => status is HttpStatusCode.OK or HttpStatusCode.Gone, $"{http}/health", timeout);
        Assert.False(HasExited, Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
