using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MarketingDev.Contracts;
using MarketingDev.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// HTTP that Kestrel itself refuses before any middleware runs, sent over a raw socket to the Gateway on real Kestrel:
/// the answer is a problem document, not an empty 400 (as it was before).
/// </summary>
public sealed class MalformedHttpTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<GatewayOptions>? _gateway;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb);
        var settings = _resources.Settings();
        settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
        settings["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0";
        _gateway = new ServiceHost<GatewayOptions>(settings);
        _gateway.UseKestrel();
        _gateway.StartServer();
        _address = new Uri(_gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nThis is no header\r\n\r\n", 400)]
    [InlineData("GET /api/v1/requests HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET /api/v1/requests HTTP/1.7\r\nHost: localhost\r\n\r\n", 505)]
    public async Task MalformedRequest_RefusedByKestrel_IsAProblemDocument(string raw, int status)
    {
        var (head, body) = await SendRawAsync(raw);

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith(Errors.Problems.TypeBase, problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task WellFormedRequests_OnOneConnection_PassThroughUntouched()
    {
        var (head, body) = await SendRawAsync(
            "GET /alive HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 401 ", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
    }

    /// <summary>Sends the bytes as they are and reads until the server closes the connection (it does after a refusal).</summary>
    private async Task<(string Head, string Body)> SendRawAsync(string raw)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _address.Port, deadline.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(raw), SocketFlags.None, deadline.Token);
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No complete response head in: {text}");
        return (text[..split], text[(split + 4)..]);
    }

    public async ValueTask DisposeAsync()
    {
        await (_gateway?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
