namespace MarketingDev.Requests.Domain;

/// <summary>The structured body of a request that is stored as one document (jsonb): read whole, replaced whole.</summary>
public sealed record RequestDetails(
    UserStory UserStory,
    IReadOnlyList<AcceptanceCriterion> AcceptanceCriteria,
    MarketingContext MarketingContext,
    IReadOnlyList<DesignAsset> DesignAssets,
    IReadOnlyList<TrackingRequirement> TrackingRequirements,
    IReadOnlyList<Benchmark> Benchmarks)
{
    public static readonly RequestDetails Empty = new(UserStory.Empty, [], MarketingContext.Empty, [], [], []);

    /// <summary>The words of the request as one plain text (story, criteria, context), for consumers that match text.</summary>
    public string PlainText() => string.Join("\n", new[]
        {
            $"As a {UserStory.AsA}, I want {UserStory.IWant}, so that {UserStory.SoThat}.",
            MarketingContext.CampaignGoal, MarketingContext.Audience, MarketingContext.BusinessImpact,
        }
        .Concat(AcceptanceCriteria.Select(c => c.Text))
        .Concat(TrackingRequirements.Select(t => t.Trigger))
        .Where(t => !string.IsNullOrWhiteSpace(t)));
}

public sealed record UserStory(string AsA, string IWant, string SoThat)
{
    public static readonly UserStory Empty = new("", "", "");
}

public sealed record AcceptanceCriterion(string Id, string Text);

public sealed record Kpi(string Name, double? Baseline, double? Target, string Unit);

public sealed record MarketingContext(string CampaignGoal, string Audience, string BusinessImpact, Kpi? Kpi)
{
    public static readonly MarketingContext Empty = new("", "", "", null);
}

public sealed record DesignAsset(string Url, AssetKind Kind, string Label);

public sealed record TrackingParameter(string Name, string Description);

public sealed record TrackingRequirement(string EventName, string Trigger, IReadOnlyList<TrackingParameter> Parameters);

public sealed record Benchmark(string Url, string Note);

public sealed record Estimate(EstimateSize Size, double Days);

/// <summary>Everything a requester writes: what the draft command carries and what the readiness lint reads.</summary>
public sealed record RequestContent(
    string Title,
    RequestType Type,
    Priority Priority,
    DateOnly? LaunchDate,
    string? Team,
    RequestDetails Details);
