using System.Globalization;
using System.Net;

namespace MarketingDev.System.Tests;

/// <summary>Listening TCP sockets from /proc/net/tcp{,6}, with the process that owns each (found through /proc/*/fd).</summary>
internal sealed record Sockets(int ProcessId, IPAddress Address, int Port)
{
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public override string ToString() => $"{ProcessTable.Describe(ProcessId)} on {Address}:{Port}";

    public static IReadOnlyList<Sockets> Listening()
    {
        var owners = SocketOwners();
        var found = new List<Sockets>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                const string Listen = "0A";
                if (fields[3] != Listen || !owners.TryGetValue(fields[9], out var pid))
                {
                    continue;
                }

                var local = fields[1].Split(':');
                found.Add(new Sockets(pid, ParseAddress(local[0]), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        }

        return found;
    }

    // /proc/net/tcp writes each 32-bit word of the address in host (little-endian) order.
    private static IPAddress ParseAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var i = 0; i < bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return new IPAddress(bytes);
    }

    private static Dictionary<string, int> SocketOwners()
    {
        var owners = new Dictionary<string, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFiles(Path.Combine(dir, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                    {
                        owners[target[8..^1]] = pid;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended meanwhile, or not ours to read.
            }
        }

        return owners;
    }
}
