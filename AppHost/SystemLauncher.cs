using System.Diagnostics;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;

namespace MarketingDev.AppHost;

/// <summary>
/// Brings the whole system up on loopback and keeps it up: infrastructure (given or private), databases, the five
/// services with the Aspire configuration keys, health waits, a URL table, prefixed logs; and takes it all down again.
/// </summary>
internal sealed class SystemLauncher(TextWriter console)
{
    private readonly Lock _consoleLock = new();
    private readonly List<IAsyncDisposable> _started = [];

    private static string? Setting(string key) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value : null;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var root = Repository.FindRoot();
        var data = Path.GetFullPath(Setting("AppHost__DataDir") ?? Path.Combine(root, ".data"));
        Directory.CreateDirectory(data);
        var gatewayPort = int.Parse(Setting("AppHost__GatewayPort") ?? "5080");
        var healthTimeout = TimeSpan.FromSeconds(int.Parse(Setting("AppHost__HealthTimeoutSeconds") ?? "120"));
        var started = Stopwatch.StartNew();

        try
        {
            if (Ports.InUse(gatewayPort))
            {
                Say("apphost", $"Port {gatewayPort} on 127.0.0.1 is in use. Stop what listens there or choose another: AppHost__GatewayPort=5081 dotnet run --project AppHost");
                return 2;
            }

            var missing = ServiceSpec.All.Where(s => !File.Exists(s.AssemblyPath(root))).Select(s => s.AssemblyPath(root)).ToList();
            if (missing.Count > 0)
            {
                Say("apphost", "Build the services first (dotnet build): missing " + string.Join(", ", missing));
                return 2;
            }

            var postgres = Setting($"ConnectionStrings__{ServiceNames.Postgres}") ?? await StartPostgresAsync(data, stop);
            var messaging = Setting($"ConnectionStrings__{ServiceNames.Messaging}") ?? await StartRabbitAsync(data, stop);
            foreach (var database in ServiceSpec.All.Select(s => s.Database).OfType<string>())
            {
                await LocalPostgres.EnsureDatabaseAsync(postgres, database, stop);
            }

            var adminKeyFile = Path.Combine(data, "admin-api-key");
            var adminKey = Secrets.ReadOrCreate(adminKeyFile, "mdk_");
            // The key the Gateway signs each call's service token with and every service validates (ServiceAuth).
            var signingKey = Secrets.ReadOrCreate(Path.Combine(data, "service-signing-key"), "msk_");

            var endpoints = ServiceSpec.All.ToDictionary(
                s => s.Name,
                s => new ServiceEndpoints(s.Name == ServiceNames.Gateway ? gatewayPort : Ports.Free(), Ports.Free()));
            var services = ServiceSpec.All
                .Select(s => StartService(s, root, endpoints, postgres, messaging, adminKey, signingKey))
                .ToList();
            _started.AddRange(services);

            await Task.WhenAll(services.Select(s => WaitHealthyAsync(s, endpoints[s.Name], healthTimeout, stop)));
            PrintTable(endpoints, adminKeyFile, started.Elapsed);

            var exited = await Task.WhenAny(services.Select(async s => { await s.Exited; return (ChildProcess?)s; }).Append(Forever(stop)));
            if (!stop.IsCancellationRequested && exited.Result is { } dead)
            {
                Say("apphost", $"Service '{dead.Name}' exited with code {dead.ExitCode}; stopping everything.");
                return 1;
            }

            Say("apphost", "Stopping…");
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Say("apphost", "Stopping…");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException or HttpRequestException)
        {
            Say("apphost", "Failed: " + ex.Message);
            return 1;
        }
        finally
        {
            // Services first, then the servers they use.
            for (var i = _started.Count - 1; i >= 0; i--)
            {
                await _started[i].DisposeAsync();
            }
        }
    }

    private async Task<string> StartPostgresAsync(string data, CancellationToken ct)
    {
        Say("apphost", "Starting a private PostgreSQL (data in .data/postgres)…");
        var postgres = await LocalPostgres.StartAsync(data, line => Say("postgres", line), durable: true, ct);
        _started.Add(postgres);
        return postgres.ServerConnectionString;
    }

    private async Task<string> StartRabbitAsync(string data, CancellationToken ct)
    {
        Say("apphost", "Starting a private RabbitMQ (data in .data/rabbitmq)…");
        var rabbit = await LocalRabbit.StartAsync(data, line => Say("rabbitmq", line), ct);
        _started.Add(rabbit);
        return rabbit.AmqpUri();
    }

    private ChildProcess StartService(ServiceSpec spec, string root, Dictionary<string, ServiceEndpoints> endpoints, string postgres, string messaging, string adminKey, string signingKey)
    {
        var own = endpoints[spec.Name];
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = Setting("DOTNET_ENVIRONMENT") ?? "Development",
            ["ASPNETCORE_ENVIRONMENT"] = Setting("ASPNETCORE_ENVIRONMENT") ?? "Development",
            ["ASPNETCORE_URLS"] = null,
            ["Kestrel__Endpoints__http__Url"] = own.HttpUrl,
            ["Kestrel__Endpoints__http__Protocols"] = "Http1",
            ["Kestrel__Endpoints__grpc__Url"] = own.GrpcUrl,
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            [$"ConnectionStrings__{ServiceNames.Messaging}"] = messaging,
            ["ServiceAuth__SigningKeys__0"] = Setting("ServiceAuth__SigningKeys__0") ?? signingKey,
            ["OTEL_SERVICE_NAME"] = spec.Name,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__LogLevel__Default"] = Setting("Logging__LogLevel__Default") ?? "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging__LogLevel__System.Net.Http"] = "Warning",
        };
        if (spec.Database is { } database)
        {
            environment[$"ConnectionStrings__{database}"] = LocalPostgres.ForDatabase(postgres, database);
        }

        foreach (var (name, endpoint) in endpoints)
        {
            environment[$"services__{name}__grpc__0"] = endpoint.GrpcUrl;
            environment[$"services__{name}__http__0"] = endpoint.HttpUrl;
        }

        if (spec.Name == ServiceNames.Gateway)
        {
            environment["Gateway__BootstrapAdminKey"] = adminKey;
        }

        var assembly = spec.AssemblyPath(root);
        return ChildProcess.Start(spec.Name, "dotnet", [assembly], environment, line => Say(spec.Name, line), Path.GetDirectoryName(assembly));
    }

    private static async Task WaitHealthyAsync(ChildProcess service, ServiceEndpoints endpoint, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"Service '{service.Name}' exited with code {service.ExitCode} while starting; see its log above.");
            }

            try
            {
                using var response = await http.GetAsync($"{endpoint.HttpUrl}/health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow answer: ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Service '{service.Name}' was not healthy at {endpoint.HttpUrl}/health within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(250, ct);
        }
    }

    private void PrintTable(Dictionary<string, ServiceEndpoints> endpoints, string adminKeyFile, TimeSpan elapsed)
    {
        var gateway = endpoints[ServiceNames.Gateway];
        var lines = new List<string>
        {
            "",
            $"MarketingDev is up ({elapsed.TotalSeconds:0.0} s).",
            "",
            $"  {"service",-10} {"http (health, REST)",-28} {"grpc",-28}",
        };
        lines.AddRange(endpoints.Select(e => $"  {e.Key,-10} {e.Value.HttpUrl,-28} {e.Value.GrpcUrl,-28}"));
        lines.Add("");
        lines.Add($"  REST API     {gateway.HttpUrl}/api/v1");
        lines.Add($"  Swagger UI   {gateway.HttpUrl}/swagger");
        lines.Add($"  OpenAPI      {gateway.HttpUrl}/swagger/v1/swagger.json");
        lines.Add($"  Admin key    in {adminKeyFile}  (curl -H \"X-Api-Key: $(cat {adminKeyFile})\" …)");
        lines.Add("");
        lines.Add("Press Ctrl+C to stop everything.");
        lock (_consoleLock)
        {
            foreach (var line in lines)
            {
                console.WriteLine(line);
            }
        }
    }

    private void Say(string source, string line)
    {
        lock (_consoleLock)
        {
            console.WriteLine($"[{source}] {line}");
        }
    }

    private static async Task<ChildProcess?> Forever(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }
}
