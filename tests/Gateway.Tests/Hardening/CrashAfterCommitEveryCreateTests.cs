using System.Net;
using System.Net.Http.Json;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Grpc;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// Every creating route that takes an Idempotency-Key, in every service: the service commits and dies before
/// answering (the client gets 503), and the retry with the same key gets what was stored, never a second one. Before,
/// only request drafts held this end to end; the others stored a duplicate on the retry.
/// </summary>
public sealed class CrashAfterCommitEveryCreateTests(CrashAfterCommitEveryCreateTests.Services services)
    : IClassFixture<CrashAfterCommitEveryCreateTests.Services>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    private static readonly string NextWeek = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");

    public static TheoryData<string> Routes() =>
    [
        "ReportBug", "AskClarification", "RaiseRoadblock", "PublishArticle", "AskQuestion", "CreateSeries", "AssignActionItem",
        "RecordSession", "RecordSurveyResponse", "RecordOutcome",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RetryAfterCrashBetweenCommitAndAnswer_ReturnsTheStoredResult_NotASecondOne(string method)
    {
        using var client = services.Gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.AdminKey);
        var marker = $"{method} crash {Guid.NewGuid():N}";
        var (path, body, stored) = await ArrangeAsync(client, method, marker);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "crash-" + Guid.NewGuid());
        services.Crash.Arm(method);

        var first = await client.PostAsJsonAsync(path, body);
        var retry = await client.PostAsJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var id = Assert.Single(await stored());
        Assert.Contains(id.ToString(), await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The route, its body (unique by marker) and how to read back the ids of what it stored.</summary>
    private async Task<(string Path, object Body, Func<Task<List<Guid>>> Stored)> ArrangeAsync(HttpClient client, string method, string marker)
    {
        switch (method)
        {
            case "ReportBug":
                return ("/api/v1/bugs", new { title = marker, severity = "low" },
                    () => Db<RequestsDbContext, RequestsGrpcService>(db => db.Bugs.Where(b => b.Title == marker).Select(b => b.Id).ToListAsync()));
            case "AskClarification":
                return ($"/api/v1/requests/{await DraftAsync(client)}/clarifications", new { question = marker },
                    () => Db<RequestsDbContext, RequestsGrpcService>(db => db.Clarifications.Where(c => c.Question == marker).Select(c => c.Id).ToListAsync()));
            case "RaiseRoadblock":
                return ($"/api/v1/requests/{await DraftAsync(client)}/roadblocks", new { description = marker, severity = "high" },
                    () => Db<RequestsDbContext, RequestsGrpcService>(db => db.Roadblocks.Where(r => r.Description == marker).Select(r => r.Id).ToListAsync()));
            case "PublishArticle":
                return ("/api/v1/kb/articles", new { kind = "procedure", title = marker, body = "Body." },
                    () => Db<KnowledgeDbContext, KnowledgeBaseGrpcService>(db => db.Articles.Where(a => a.Title == marker).Select(a => a.Id).ToListAsync()));
            case "AskQuestion":
                return ("/api/v1/kb/questions", new { text = marker },
                    () => Db<KnowledgeDbContext, KnowledgeBaseGrpcService>(db => db.Questions.Where(q => q.Text == marker).Select(q => q.Id).ToListAsync()));
            case "CreateSeries":
                return ("/api/v1/sync-series", Series(marker),
                    () => Db<MeetingsDbContext, SyncMeetingsGrpcService>(db => db.Series.Where(s => s.Name == marker).Select(s => s.Id).ToListAsync()));
            case "AssignActionItem":
                var series = await IdOfAsync(await client.PostAsJsonAsync("/api/v1/sync-series", Series("Series of " + marker)));
                var meeting = await IdOfAsync(await client.PostAsJsonAsync($"/api/v1/sync-series/{series}/meetings", new { date = NextWeek }));
                return ($"/api/v1/meetings/{meeting}/action-items", new { title = marker, owner = "maria", dueDate = NextWeek },
                    () => Db<MeetingsDbContext, SyncMeetingsGrpcService>(db => db.ActionItems.Where(a => a.Title == marker).Select(a => a.Id).ToListAsync()));
            case "RecordSession":
                return ("/api/v1/sessions", new
                {
                    type = "devDemo", title = marker, date = Today, durationMinutes = 30, presenter = "dave", presenterFunction = "development",
                    attendees = new[] { new { name = "maria", function = "marketing" } }, topics = new[] { "demo" },
                }, () => Db<MeetingsDbContext, SyncMeetingsGrpcService>(db => db.Sessions.Where(s => s.Title == marker).Select(s => s.Id).ToListAsync()));
            case "RecordSurveyResponse":
                return ("/api/v1/surveys/responses", new { function = "marketing", scores = new { communication = 4, clarity = 3, trust = 5, speed = 4 }, comment = marker },
                    () => Db<MetricsDbContext, MetricsGrpcService>(db => db.SurveyResponses.Where(r => r.Comment == marker).Select(r => r.Id).ToListAsync()));
            case "RecordOutcome":
                return ("/api/v1/outcomes", new { requestId = Guid.NewGuid(), kpi = marker, baseline = 1.0, target = 2.0, actual = 3.0, measuredAt = Today },
                    () => Db<MetricsDbContext, MetricsGrpcService>(db => db.Outcomes.Where(o => o.Kpi == marker).Select(o => o.Id).ToListAsync()));
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "No arrangement for this route.");
        }
    }

    private static object Series(string name) => new
    {
        name,
        timeZone = "UTC",
        participants = new[] { new { name = "maria", function = "marketing" }, new { name = "dave", function = "development" } },
    };

    private static async Task<string> DraftAsync(HttpClient client) =>
        await IdOfAsync(await client.PostAsJsonAsync("/api/v1/requests", new { title = "Crash target " + Guid.NewGuid() }));

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<List<Guid>> Db<TDb, TService>(Func<TDb, Task<List<Guid>>> query) where TDb : DbContext where TService : class
    {
        await using var scope = services.Host<TService>().Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDb>());
    }

    /// <summary>The Gateway in front of all four services, each with the crash interceptor.</summary>
    public sealed class Services : IAsyncLifetime
    {
        private readonly List<IAsyncDisposable> _hosts = [];
        private IsolatedResources? _resources;
        private ServiceHost<GatewayOptions>? _gateway;

        public CrashAfterCommit Crash { get; } = new();
        public ServiceHost<GatewayOptions> Gateway => _gateway ?? throw new InvalidOperationException("Not started.");

        public ServiceHost<TService> Host<TService>() where TService : class => _hosts.OfType<ServiceHost<TService>>().Single();

        public async ValueTask InitializeAsync()
        {
            _resources = await IsolatedResources.CreateAsync(
                ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.MeetingsDb, ServiceNames.KnowledgeDb, ServiceNames.MetricsDb);
            var settings = _resources.Settings();
            var handlers = new Dictionary<string, HttpMessageHandler>
            {
                [ServiceNames.Requests] = Start<RequestsGrpcService>(settings),
                [ServiceNames.SyncMeetings] = Start<SyncMeetingsGrpcService>(settings),
                [ServiceNames.KnowledgeBase] = Start<KnowledgeBaseGrpcService>(settings),
                [ServiceNames.Metrics] = Start<MetricsGrpcService>(settings),
            };
            var router = new HostRouter(handlers);
            settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
            foreach (var name in handlers.Keys)
            {
                settings[$"services:{name}:grpc:0"] = HostRouter.AddressOf(name);
            }

            _gateway = new ServiceHost<GatewayOptions>(settings, services =>
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
        }

        private HttpMessageHandler Start<TService>(Dictionary<string, string?> settings) where TService : class
        {
            var host = new ServiceHost<TService>(settings, services =>
            {
                services.AddSingleton(Crash);
                services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<CrashAfterCommitInterceptor>());
            });
            _hosts.Add(host);
            return host.Server.CreateHandler();
        }

        public async ValueTask DisposeAsync()
        {
            await (_gateway?.DisposeAsync() ?? ValueTask.CompletedTask);
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }

            await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }

    /// <summary>The gRPC method whose next call commits and then loses its answer.</summary>
    public sealed class CrashAfterCommit
    {
        private string? _method;

        public void Arm(string method) => Volatile.Write(ref _method, method);

        public bool TakeIfArmed(string fullMethod) =>
            Volatile.Read(ref _method) is { } armed && fullMethod.EndsWith("/" + armed, StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref _method, null, armed) == armed;
    }

    /// <summary>Lets the handler commit, then loses the answer once, as a process killed at that moment would.</summary>
    public sealed class CrashAfterCommitInterceptor(CrashAfterCommit crash) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            var response = await continuation(request, context);
            if (crash.TakeIfArmed(context.Method))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "The service died after committing."));
            }

            return response;
        }
    }
}
