using System.Text.Json;

namespace MarketingDev.Requests.Features.Readiness;

/// <summary>
/// The lint's data: vague words, thresholds and GA4's reserved names (see shared/reference/ga4-rules.md). Google says
/// its lists are not exhaustive and change, so they live in readiness-rules.json, versioned, and every report names
/// the version it was checked against.
/// </summary>
public sealed record ReadinessRules(
    string Version,
    IReadOnlyList<string> VagueWords,
    IReadOnlyList<string> ConditionWords,
    int MinimumLeadWorkingDays,
    IReadOnlyList<string> TrackingRequiredFor,
    IReadOnlyList<string> DesignAssetExpectedFor,
    Ga4Rules Ga4)
{
    public static ReadinessRules Default { get; } = Load();

    private static ReadinessRules Load()
    {
        using var stream = typeof(ReadinessRules).Assembly.GetManifestResourceStream("MarketingDev.Requests.readiness-rules.json")
            ?? throw new InvalidOperationException("readiness-rules.json is not embedded in the Requests assembly.");
        return JsonSerializer.Deserialize<ReadinessRules>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("readiness-rules.json is empty.");
    }
}

public sealed record Ga4Rules(
    int MaxNameLength,
    int MaxParametersPerEvent,
    IReadOnlyList<string> ReservedEventNames,
    IReadOnlyList<string> ReservedEventPrefixes,
    IReadOnlyList<string> ReservedParameterNames,
    IReadOnlyList<string> ReservedParameterPrefixes);
