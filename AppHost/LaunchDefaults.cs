using Microsoft.Extensions.Configuration;

namespace MarketingDev.AppHost;

/// <summary>What Properties/launchSettings.json sets, for the keys not given otherwise.</summary>
internal static class LaunchDefaults
{
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:18888",
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://127.0.0.1:18889",
        ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://127.0.0.1:18890",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
    };

    public static IEnumerable<KeyValuePair<string, string?>> Missing(IConfiguration configuration) =>
        Defaults.Where(d => string.IsNullOrEmpty(configuration[d.Key]))
            .Select(d => new KeyValuePair<string, string?>(d.Key, d.Value));
}
