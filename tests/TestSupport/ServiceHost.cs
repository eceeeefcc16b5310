using Grpc.Core;
using Grpc.Net.Client;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingDev.TestSupport;

/// <summary>
/// A service's real Program in process, over the real HTTP and gRPC pipeline (TestServer), with only its connection
/// strings (and, for the Gateway, how it reaches the other services) overridden. Its logs are recorded for assertions.
/// </summary>
public sealed class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public LogRecorder Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A channel whose calls carry a service token for the actor (an admin unless given), as the Gateway's do.</summary>
    public GrpcChannel CreateGrpcChannel(Actor? actor = null) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Server.CreateHandler(),
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, TestActors.Credentials(actor ?? TestActors.Admin)),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    /// <summary>A channel that sends no service token at all, to show a service refuses such calls.</summary>
    public GrpcChannel CreateAnonymousGrpcChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
}
