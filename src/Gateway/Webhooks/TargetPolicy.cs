using System.Net;
using System.Net.Sockets;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// The SSRF rule: a webhook may only reach public addresses over https, unless configuration allow-lists the host or
/// address range. Checked when a webhook is registered and again on every connect, on the address actually dialled,
/// so a name that later resolves elsewhere (DNS rebinding) gains nothing.
/// </summary>
public sealed class TargetPolicy
{
    // Loopback, private, link-local (cloud metadata 169.254.169.254), CGNAT, unspecified, documentation, benchmarking,
    // multicast and reserved ranges; IPv4-mapped IPv6 addresses are checked as IPv4.
    private static readonly IPNetwork[] Blocked =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    public TargetPolicy(IEnumerable<string> allowedTargets)
    {
        foreach (var entry in allowedTargets.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                _networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                _hosts.Add(entry);
            }
        }
    }

    /// <summary>The host is named by the allow-list (by name, or as an address inside an allowed range).</summary>
    public bool IsAllowListed(string host) =>
        _hosts.Contains(host) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && InAllowedNetwork(ip));

    /// <summary>Whether the address may be dialled for a URL whose host is <paramref name="host"/>.</summary>
    public bool MayConnect(string host, IPAddress address)
    {
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _hosts.Contains(host) || InAllowedNetwork(ip) || !Blocked.Any(n => n.Contains(ip));
    }

    /// <summary>Why the URL may not be a webhook target (null when it may), without resolving its host.</summary>
    public string? CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "Must be an absolute https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Must not carry credentials; the signature authenticates the sender.";
        }

        if (uri.Scheme == "http" && !IsAllowListed(uri.IdnHost))
        {
            return "Must use https (plain http only for targets allow-listed in Webhooks__AllowedTargets).";
        }

        return null;
    }

    private bool InAllowedNetwork(IPAddress ip)
    {
        var mapped = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        return _networks.Any(n => n.Contains(mapped));
    }
}

/// <summary>Resolves host names for the SSRF checks; a seam so tests can simulate a name that changes its answer.</summary>
public class TargetResolver
{
    public virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A connect the SSRF rule refused: nothing was sent.</summary>
public sealed class TargetRefusedException(string message) : Exception(message);
