using MarketingDev.TestSupport;

namespace MarketingDev.System.Tests;

/// <summary>Stopping the AppHost (Ctrl+C, SIGTERM, or the test host's StopAsync) leaves no process of it running.</summary>
[Collection(RunningSystem.Collection)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task StoppedAppHost_LeavesNothingRunning()
    {
        var system = new RunningSystem();
        IReadOnlyList<int> started;
        try
        {
            await system.InitializeAsync();
            started = RunningSystem.OrchestratedProcesses();
            Assert.True(started.Count >= 8, $"Expected DCP, the services, PostgreSQL, RabbitMQ and epmd, found {started.Count} processes.");
        }
        finally
        {
            await system.DisposeAsync();
        }

        // Helpers such as Erlang's port programs end when their pipe closes, a moment after the node: allow them that.
        var survivors = await Eventually.ReturnsAsync(
                () => Task.FromResult(started.Where(ProcessTable.IsAlive).ToList()),
                alive => alive.Count == 0, "every process of the AppHost to end", TimeSpan.FromSeconds(30))
            .ContinueWith(t => t.IsCompletedSuccessfully ? [] : started.Where(ProcessTable.IsAlive).Select(ProcessTable.Describe).ToList(), TaskScheduler.Default);
        Assert.True(survivors.Count == 0, $"Processes left behind: {string.Join(", ", survivors)}");
    }
}
