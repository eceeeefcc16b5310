using MarketingDev.Gateway.OpenApi;

namespace MarketingDev.Gateway.Endpoints.Requests;

/// <summary>The closed sets of the requests area as the wire spells them (the Requests service's enums).</summary>
internal static class RequestSets
{
    public const string Types = "feature,landingPage,experiment,integration,tracking,content,other";
    public const string Priorities = "low,medium,high,urgent";
    public const string Statuses = "draft,submitted,inReview,ready,inProgress,delivered,rejected,withdrawn";
    public const string AssetKinds = "figma,xd,image,other";
    public const string Sizes = "xs,s,m,l,xl";
    public const string FindingSeverities = "error,warning,info";
}

public sealed record UserStoryDto(string AsA = "", string IWant = "", string SoThat = "");

public sealed record AcceptanceCriterionDto(string Text, string? Id = null);

public sealed record KpiDto(string Name = "", double? Baseline = null, double? Target = null, string Unit = "");

public sealed record MarketingContextDto(string CampaignGoal = "", string Audience = "", string BusinessImpact = "", KpiDto? Kpi = null);

public sealed record DesignAssetDto(string Url, [WireEnum(RequestSets.AssetKinds)] string Kind = "other", string Label = "");

public sealed record TrackingParameterDto(string Name, string Description = "");

public sealed record TrackingRequirementDto(string EventName, string Trigger = "", IReadOnlyList<TrackingParameterDto>? Parameters = null);

public sealed record BenchmarkDto(string Url, string Note = "");

public sealed record EstimateDto([WireEnum(RequestSets.Sizes)] string Size, double Days);

/// <summary>What a requester writes. Only the title is required for a draft; the readiness check says what else is missing.</summary>
public sealed record RequestBody(
    string Title,
    [WireEnum(RequestSets.Types)] string? Type = null,
    [WireEnum(RequestSets.Priorities)] string? Priority = null,
    DateOnly? LaunchDate = null,
    string? Team = null,
    UserStoryDto? UserStory = null,
    IReadOnlyList<AcceptanceCriterionDto>? AcceptanceCriteria = null,
    MarketingContextDto? MarketingContext = null,
    IReadOnlyList<DesignAssetDto>? DesignAssets = null,
    IReadOnlyList<TrackingRequirementDto>? TrackingRequirements = null,
    IReadOnlyList<BenchmarkDto>? Benchmarks = null);

public sealed record RequestView(
    Guid Id,
    string Key,
    [WireEnum(RequestSets.Statuses)] string Status,
    string Requester,
    string RequesterId,
    string Title,
    [WireEnum(RequestSets.Types)] string Type,
    [WireEnum(RequestSets.Priorities)] string Priority,
    DateOnly? LaunchDate,
    string? Team,
    UserStoryDto UserStory,
    IReadOnlyList<AcceptanceCriterionDto> AcceptanceCriteria,
    MarketingContextDto MarketingContext,
    IReadOnlyList<DesignAssetDto> DesignAssets,
    IReadOnlyList<TrackingRequirementDto> TrackingRequirements,
    IReadOnlyList<BenchmarkDto> Benchmarks,
    EstimateDto? Estimate,
    bool QuickWin,
    int OpenClarifications,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt,
    int Version);

public sealed record FindingView(string Code, [WireEnum(RequestSets.FindingSeverities)] string Severity, string Path, string Message);

public sealed record ReadinessView(int Score, bool Ready, IReadOnlyList<FindingView> Findings, string RulesVersion);

public sealed record TransitionBody([WireEnum(RequestSets.Statuses)] string To, string? Reason = null);

public sealed record EstimateBody([WireEnum(RequestSets.Sizes)] string Size, double Days, bool? QuickWin = null);

/// <summary>One change; Actor is the display name, ActorId the stable id (API key id or sign-in subject) that tells people apart.</summary>
public sealed record HistoryEntryView(DateTimeOffset At, string Actor, string ActorId, string Action, [WireEnum(RequestSets.Statuses)] string? From, [WireEnum(RequestSets.Statuses)] string? To, string? Reason, int Version);

public sealed record ClarificationBody(string Question);

public sealed record AnswerBody(string Answer);

public sealed record ClarificationView(
    Guid Id, Guid RequestId, string Question, string AskedBy, DateTimeOffset AskedAt, bool Open,
    string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);
