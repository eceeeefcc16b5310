using MassTransit;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// Has the bus come up since the process started? Until it has (or <see cref="Grace"/> has passed), the readiness probe
/// answers 503 "Starting" without running the checks: an orchestrator that probes while the broker connection is still
/// coming up gets the same answer, but nothing is logged, because the health check service logs every unhealthy check
/// as an error and a service that is starting has not failed. A broker still unreachable after the grace is a failure,
/// and from then on the checks run, and log, as usual.
/// </summary>
public sealed class BusStartup(TimeProvider clock) : IBusObserver
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly DateTimeOffset _createdAt = clock.GetUtcNow();
    private volatile bool _ready;

    /// <summary>True while the bus has not yet been ready and the grace has not run out.</summary>
    public bool Starting => !_ready && clock.GetUtcNow() - _createdAt < Grace;

    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        _ = busReady.ContinueWith(t => _ready = t.IsCompletedSuccessfully, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Task.CompletedTask;

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public Task PreStop(IBus bus) => Task.CompletedTask;

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
