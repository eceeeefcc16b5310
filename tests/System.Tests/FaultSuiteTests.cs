using Grpc.Core;
using Grpc.Net.Client;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using MarketingDev.TestSupport;
using Npgsql;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.System.Tests;

/// <summary>
/// Real faults under load, with the services' real binaries as processes: while drafts keep arriving at Requests, the
/// consumer (Metrics) is killed with SIGKILL and started again, then RabbitMQ is stopped and started again. Every draft
/// that was answered OK is counted by Metrics exactly once: nothing lost, nothing duplicated. Each step waits on a
/// condition with a deadline; the load is paced, not the faults.
/// </summary>
public sealed class FaultSuiteTests : IAsyncLifetime
{
    /// <summary>Drafts answered between one fault and the next: each fault happens under load.</summary>
    private const int DraftsPerPhase = 15;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "md-faults-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string?> _environment = [];
    private readonly string _metricsHttp = $"http://127.0.0.1:{Ports.Free()}";
    private readonly string _metricsGrpc = $"http://127.0.0.1:{Ports.Free()}";
    private readonly string _requestsHttp = $"http://127.0.0.1:{Ports.Free()}";
    private readonly string _requestsGrpc = $"http://127.0.0.1:{Ports.Free()}";
    private LocalRabbit? _rabbit;
    private IsolatedResources? _resources;
    private RunningProcess? _requests;
    private RunningProcess? _metrics;
    private long _answered;

    public async ValueTask InitializeAsync()
    {
        _rabbit = await LocalRabbit.StartAsync(_dataRoot, _ => { }, CancellationToken.None);
        _resources = await IsolatedResources.CreateAsync(ServiceNames.RequestsDb, ServiceNames.MetricsDb);
        foreach (var (key, value) in _resources.Settings())
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _environment[$"ConnectionStrings__{ServiceNames.Messaging}"] = _rabbit.AmqpUri();
        _requests = Start("Requests", _requestsHttp, _requestsGrpc);
        _metrics = Start("Metrics", _metricsHttp, _metricsGrpc);
        await WaitHealthyAsync(_requests, _requestsHttp);
        await WaitHealthyAsync(_metrics, _metricsHttp);
    }

    [Fact]
    public async Task ConsumerKilledAndBrokerRestarted_UnderLoad_EveryAnsweredDraftIsCountedExactlyOnce()
    {
        using var requestsChannel = Channel(_requestsGrpc);
        var requests = new GrpcRequests.Requests.RequestsClient(requestsChannel);
        using var stopLoad = new CancellationTokenSource();
        var load = LoadAsync(requests, stopLoad.Token);

        await AnsweredAtLeastAsync(DraftsPerPhase, load);
        Native.Signal(_metrics!.Id, 9);
        Assert.Equal(137, await _metrics.WaitForExitAsync(Deadline));
        await AnsweredAtLeastAsync(Volatile.Read(ref _answered) + DraftsPerPhase, load);
        await _metrics.DisposeAsync();
        _metrics = Start("Metrics", _metricsHttp, _metricsGrpc);
        await WaitHealthyAsync(_metrics, _metricsHttp);
        await AnsweredAtLeastAsync(Volatile.Read(ref _answered) + DraftsPerPhase, load);

        var ports = _rabbit!.Ports;
        await _rabbit.DisposeAsync();
        _rabbit = null;
        await AnsweredAtLeastAsync(Volatile.Read(ref _answered) + DraftsPerPhase, load);
        _rabbit = await LocalRabbit.StartAsync(_dataRoot, _ => { }, CancellationToken.None, ports);
        await AnsweredAtLeastAsync(Volatile.Read(ref _answered) + DraftsPerPhase, load);
        await stopLoad.CancelAsync();
        var failures = await load;
        var answered = Volatile.Read(ref _answered);

        using var metricsChannel = Channel(_metricsGrpc);
        var metrics = new GrpcMetrics.Metrics.MetricsClient(metricsChannel);
        await Eventually.ReturnsAsync(() => CountAsync(ServiceNames.RequestsDb, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL"),
            n => n == 0, "Requests' outbox to drain", Deadline);
        var counted = await Eventually.ReturnsAsync(async () => (long)(await metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery())).RequestsDrafted,
            n => n >= answered, $"Metrics to count all {answered} answered drafts", Deadline);

        Assert.Empty(failures);
        Assert.Equal(answered, await CountAsync(ServiceNames.RequestsDb, "SELECT count(*) FROM requests"));
        Assert.Equal(answered, counted);
        // A duplicate that arrived just after the count reached the total would show here.
        Assert.Equal(answered, (long)(await metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery())).RequestsDrafted);
    }

    /// <summary>Drafts one request after another, about 20 a second, until stopped; returns what failed (nothing should).</summary>
    private async Task<List<string>> LoadAsync(GrpcRequests.Requests.RequestsClient client, CancellationToken stop)
    {
        var failures = new List<string>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await client.DraftRequestAsync(
                    new GrpcRequests.DraftRequestCommand { Content = new GrpcRequests.RequestContent { Title = $"Under load {i++}" } },
                    deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: CancellationToken.None);
                Interlocked.Increment(ref _answered);
            }
            catch (RpcException ex)
            {
                failures.Add(ex.Status.ToString());
            }

            try
            {
                await pace.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return failures;
    }

    private async Task AnsweredAtLeastAsync(long count, Task<List<string>> load)
    {
        await Eventually.TrueAsync(() => Volatile.Read(ref _answered) >= count || load.IsCompleted, $"{count} answered drafts", Deadline);
        Assert.False(load.IsCompleted, "The load stopped early: " + string.Join("; ", load.IsCompletedSuccessfully ? load.Result : []));
    }

    private RunningProcess Start(string project, string http, string grpc)
    {
        var environment = new Dictionary<string, string?>(_environment)
        {
            ["Kestrel__Endpoints__http__Url"] = http,
            ["Kestrel__Endpoints__grpc__Url"] = grpc,
        };
        return new RunningProcess(Binaries.Service(project), environment);
    }

    private static Task WaitHealthyAsync(RunningProcess service, string http) => service.WaitUntilHealthyAsync(http, Deadline);

    private static GrpcChannel Channel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, TestActors.Credentials(TestActors.Admin)),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    private async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(_resources!.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { _metrics, _requests })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        if (_resources is not null)
        {
            await _resources.DisposeAsync();
        }

        if (_rabbit is not null)
        {
            await _rabbit.DisposeAsync();
        }

        Directory.Delete(_dataRoot, recursive: true);
    }
}
