using System.Diagnostics;
using MarketingDev.AppHost.Infrastructure;

namespace MarketingDev.System.Tests;

/// <summary>A service whose database or broker is unreachable says what and where, and exits, within the minute.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task UnreachablePostgres_IsNamedWithItsAddress_AndTheServiceExits()
    {
        var closed = Ports.Free();
        await using var service = new RunningProcess(Binaries.Service("Metrics"), new Dictionary<string, string?>
        {
            ["ConnectionStrings__metricsdb"] = $"Host=127.0.0.1;Port={closed};Database=metricsdb;Username=u;Password=p",
            ["ConnectionStrings__messaging"] = "amqp://u:p@127.0.0.1:1/",
            ["Startup__DependencyTimeoutSeconds"] = "5",
            ["ServiceAuth__SigningKeys__0"] = TestSupport.TestActors.SigningKey,
            // Its appsettings.json declares fixed ports; a test must not depend on them being free.
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{Ports.Free()}",
        });
        var clock = Stopwatch.StartNew();

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        Assert.Contains($"PostgreSQL at 127.0.0.1:{closed} (database 'metricsdb', user 'u') is unreachable", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=p", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableRabbitMq_IsNamedWithItsAddress_AndTheServiceExits()
    {
        var servers = await TestSupport.TestServers.GetAsync();
        var closed = Ports.Free();
        await using var service = new RunningProcess(Binaries.Service("Metrics"), new Dictionary<string, string?>
        {
            ["ConnectionStrings__metricsdb"] = LocalPostgres.ForDatabase(servers.PostgresServer, "metricsdb_unused"),
            ["ConnectionStrings__messaging"] = $"amqp://someone:secret@127.0.0.1:{closed}/",
            ["Startup__DependencyTimeoutSeconds"] = "5",
            ["ServiceAuth__SigningKeys__0"] = TestSupport.TestActors.SigningKey,
            // Its appsettings.json declares fixed ports; a test must not depend on them being free.
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{Ports.Free()}",
        });

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"RabbitMQ at 127.0.0.1:{closed} (virtual host '/', user 'someone') is unreachable", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", service.Output, StringComparison.Ordinal);
    }
}
