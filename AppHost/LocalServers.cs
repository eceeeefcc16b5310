using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MarketingDev.AppHost;

/// <summary>
/// PostgreSQL and RabbitMQ from the Debian packages as Aspire executable resources: the same commands the tests'
/// private servers run (Infrastructure/), on 127.0.0.1 only, on ports chosen at start, with health checks.
/// </summary>
internal static class LocalServers
{
    private static readonly Action<string> Log = line => Console.WriteLine($"[apphost] {line}");

    public static async Task<IResourceBuilder<IResourceWithConnectionString>> AddPostgresAsync(IDistributedApplicationBuilder builder, string data)
    {
        var setup = await LocalPostgres.PrepareAsync(data, Ports.Free(), durable: true, Log, CancellationToken.None);
        var password = builder.AddParameter("postgres-password", setup.Password, secret: true);
        var server = new PostgresProcess(ServiceNames.Postgres, setup, password.Resource);
        builder.Services.AddHealthChecks().AddAsyncCheck("postgres-login", async ct =>
            await LocalPostgres.AcceptsLoginAsync(setup.ServerConnectionString, ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"PostgreSQL on 127.0.0.1:{setup.Port} does not accept a login yet."));
        return builder.AddResource(server)
            .WithArgs([.. setup.Command.Arguments])
            .WithEnvironment(setup.Command)
            .WithEndpoint("tcp", e => Fixed(e, setup.Port))
            .WithHealthCheck("postgres-login");
    }

    public static async Task<IResourceBuilder<IResourceWithConnectionString>> AddRabbitMQAsync(IDistributedApplicationBuilder builder, string data)
    {
        var setup = await LocalRabbit.PrepareAsync(data, RabbitPorts.Free(), Log, CancellationToken.None);
        var password = builder.AddParameter("messaging-password", setup.Password, secret: true);

        builder.Services.AddHealthChecks().AddAsyncCheck("epmd-listening", async ct =>
            await Ports.AcceptsAsync(setup.Ports.Epmd, ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("epmd is not listening yet."));
        var epmd = builder.AddExecutable("epmd", setup.Epmd.FileName, setup.Epmd.WorkingDirectory, [.. setup.Epmd.Arguments])
            .WithEnvironment(setup.Epmd)
            .WithEndpoint("tcp", e => Fixed(e, setup.Ports.Epmd))
            .WithHealthCheck("epmd-listening");

        builder.Services.AddHealthChecks().AddAsyncCheck("messaging-management", async ct => await ManagementAnswersAsync(setup.ManagementUri, ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("RabbitMQ's management API does not answer yet."));
        return builder.AddResource(new RabbitProcess(ServiceNames.Messaging, setup, password.Resource))
            .WithEnvironment(setup.Server)
            .WithEndpoint("tcp", e => Fixed(e, setup.Ports.Amqp))
            .WithEndpoint("management", e => Fixed(e, setup.Ports.Management, "http"))
            .WaitFor(epmd)
            .WithParentRelationship(epmd.Resource)
            .WithHealthCheck("messaging-management");
    }

    // The servers listen where they were told: no proxy in front of them, the port is part of their configuration.
    private static void Fixed(EndpointAnnotation endpoint, int port, string scheme = "tcp")
    {
        endpoint.Port = port;
        endpoint.TargetPort = port;
        endpoint.IsProxied = false;
        endpoint.UriScheme = scheme;
        endpoint.TargetHost = "127.0.0.1";
    }

    private static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> resource, ServerCommand command) where T : IResourceWithEnvironment
    {
        foreach (var (key, value) in command.Environment)
        {
            if (value is not null)
            {
                resource.WithEnvironment(key, value);
            }
        }

        return resource;
    }

    private static async Task<bool> ManagementAnswersAsync(Uri managementUri, CancellationToken ct)
    {
        var credentials = managementUri.UserInfo.Split(':', 2).Select(Uri.UnescapeDataString).ToArray();
        using var http = new HttpClient { BaseAddress = new Uri(managementUri.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials[0]}:{credentials[1]}")));
        try
        {
            using var response = await http.GetAsync("api/overview", ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

/// <summary>PostgreSQL as a process; its connection string names the server (no database) with a secret password.</summary>
internal sealed class PostgresProcess(string name, PostgresSetup setup, ParameterResource password)
    : ExecutableResource(name, setup.Command.FileName, setup.Command.WorkingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={setup.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username={LocalPostgres.User};Password={password}");
}

/// <summary>A RabbitMQ node as a process; its connection string is the AMQP URI of the default virtual host.</summary>
internal sealed class RabbitProcess(string name, RabbitSetup setup, ParameterResource password)
    : ExecutableResource(name, setup.Server.FileName, setup.Server.WorkingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://{LocalRabbit.User}:{password}@127.0.0.1:{setup.Ports.Amqp.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
}
