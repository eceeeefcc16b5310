using System.Net;
using System.Net.Sockets;

namespace MarketingDev.AppHost.Infrastructure;

internal static class Ports
{
    /// <summary>A port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool InUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task WaitUntilAcceptingAsync(int port, string what, TimeSpan timeout, Func<bool> failed, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await AcceptsAsync(port, ct))
        {
            if (failed())
            {
                throw new InvalidOperationException($"{what} stopped while starting; see its log above.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not accept connections on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, ct);
        }
    }
}
