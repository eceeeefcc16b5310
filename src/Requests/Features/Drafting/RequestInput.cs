using FluentValidation;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;

namespace MarketingDev.Requests.Features.Drafting;

/// <summary>
/// A request's content as it arrives on the wire (enums and dates as text), so that validation failures name the
/// API's own field paths. <see cref="ToContent"/> is only called on input that passed <see cref="RequestInputValidator"/>.
/// </summary>
public sealed record RequestInput(
    string Title,
    string Type,
    string Priority,
    string LaunchDate,
    string Team,
    UserStory UserStory,
    IReadOnlyList<AcceptanceCriterion> AcceptanceCriteria,
    MarketingContext MarketingContext,
    IReadOnlyList<DesignAssetInput> DesignAssets,
    IReadOnlyList<TrackingRequirement> TrackingRequirements,
    IReadOnlyList<Benchmark> Benchmarks)
{
    public RequestContent ToContent()
    {
        return new RequestContent(
            Title,
            WireName.TryParse<RequestType>(Type, out var type) ? type : RequestType.Feature,
            WireName.TryParse<Priority>(Priority, out var priority) ? priority : Domain.Priority.Medium,
            string.IsNullOrEmpty(LaunchDate) ? null : DateOnly.ParseExact(LaunchDate, "yyyy-MM-dd"),
            Team,
            new RequestDetails(
                UserStory,
                AcceptanceCriteria.Select((c, i) => c with { Id = string.IsNullOrWhiteSpace(c.Id) ? $"AC{i + 1}" : c.Id.Trim() }).ToList(),
                MarketingContext,
                DesignAssets.Select(a => new DesignAsset(a.Url, WireName.TryParse<AssetKind>(a.Kind, out var kind) ? kind : AssetKind.Other, a.Label)).ToList(),
                TrackingRequirements,
                Benchmarks));
    }
}

public sealed record DesignAssetInput(string Url, string Kind, string Label);

/// <summary>Shape rules only (types, formats, sizes). Completeness is the readiness lint's job, not a reason to refuse a draft.</summary>
public sealed class RequestInputValidator : AbstractValidator<RequestInput>
{
    private const int TextMax = 4000;
    private const int ListMax = 50;

    /// <summary>The launch dates a plan can mean; beyond them date arithmetic (working days, agenda horizons) stops making sense.</summary>
    public static readonly DateOnly EarliestLaunch = new(2000, 1, 1);
    public static readonly DateOnly LatestLaunch = new(2100, 12, 31);

    public RequestInputValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("A title is required.").MaximumLength(200);
        RuleFor(r => r.Type).Must(t => t.Length == 0 || WireName.TryParse<RequestType>(t, out _))
            .WithMessage($"Type must be one of: {WireName.Names<RequestType>()}.");
        RuleFor(r => r.Priority).Must(p => p.Length == 0 || WireName.TryParse<Priority>(p, out _))
            .WithMessage($"Priority must be one of: {WireName.Names<Priority>()}.");
        RuleFor(r => r.LaunchDate).Must(d => d.Length == 0 || DateOnly.TryParseExact(d, "yyyy-MM-dd", out _))
            .WithMessage("Launch date must be a date in the form yyyy-MM-dd.")
            .Must(d => d.Length == 0 || !DateOnly.TryParseExact(d, "yyyy-MM-dd", out var date) || (date >= EarliestLaunch && date <= LatestLaunch))
            .WithMessage($"Launch date must be between {EarliestLaunch:yyyy-MM-dd} and {LatestLaunch:yyyy-MM-dd}.");
        RuleFor(r => r.Team).MaximumLength(100);
        RuleFor(r => r.UserStory.AsA).MaximumLength(TextMax).OverridePropertyName("UserStory.AsA");
        RuleFor(r => r.UserStory.IWant).MaximumLength(TextMax).OverridePropertyName("UserStory.IWant");
        RuleFor(r => r.UserStory.SoThat).MaximumLength(TextMax).OverridePropertyName("UserStory.SoThat");

        RuleFor(r => r.AcceptanceCriteria.Count).LessThanOrEqualTo(ListMax).OverridePropertyName("AcceptanceCriteria");
        RuleForEach(r => r.AcceptanceCriteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Text).NotEmpty().WithMessage("An acceptance criterion needs text.").MaximumLength(TextMax);
            c.RuleFor(x => x.Id).MaximumLength(40);
        });
        RuleFor(r => r.AcceptanceCriteria).Must(list => list.Where(c => !string.IsNullOrWhiteSpace(c.Id)).GroupBy(c => c.Id.Trim()).All(g => g.Count() == 1))
            .WithMessage("Acceptance criterion ids must be unique.");

        RuleFor(r => r.MarketingContext.CampaignGoal).MaximumLength(TextMax).OverridePropertyName("MarketingContext.CampaignGoal");
        RuleFor(r => r.MarketingContext.Audience).MaximumLength(TextMax).OverridePropertyName("MarketingContext.Audience");
        RuleFor(r => r.MarketingContext.BusinessImpact).MaximumLength(TextMax).OverridePropertyName("MarketingContext.BusinessImpact");
        RuleFor(r => r.MarketingContext.Kpi!.Name).MaximumLength(200).OverridePropertyName("MarketingContext.Kpi.Name")
            .When(r => r.MarketingContext.Kpi is not null);

        RuleFor(r => r.DesignAssets.Count).LessThanOrEqualTo(ListMax).OverridePropertyName("DesignAssets");
        RuleForEach(r => r.DesignAssets).ChildRules(a =>
        {
            a.RuleFor(x => x.Url).Must(IsHttpUrl).WithMessage("A design asset needs an absolute http(s) URL.");
            a.RuleFor(x => x.Kind).Must(k => k.Length == 0 || WireName.TryParse<AssetKind>(k, out _))
                .WithMessage($"Kind must be one of: {WireName.Names<AssetKind>()}.");
            a.RuleFor(x => x.Label).MaximumLength(200);
        });

        RuleFor(r => r.TrackingRequirements.Count).LessThanOrEqualTo(ListMax).OverridePropertyName("TrackingRequirements");
        RuleForEach(r => r.TrackingRequirements).ChildRules(t =>
        {
            t.RuleFor(x => x.EventName).NotEmpty().WithMessage("A tracking requirement needs an event name.").MaximumLength(200);
            t.RuleFor(x => x.Trigger).MaximumLength(TextMax);
            t.RuleFor(x => x.Parameters.Count).LessThanOrEqualTo(100).OverridePropertyName("Parameters");
            t.RuleForEach(x => x.Parameters).ChildRules(p =>
            {
                p.RuleFor(x => x.Name).NotEmpty().WithMessage("A parameter needs a name.").MaximumLength(200);
                p.RuleFor(x => x.Description).MaximumLength(TextMax);
            });
        });

        RuleFor(r => r.Benchmarks.Count).LessThanOrEqualTo(ListMax).OverridePropertyName("Benchmarks");
        RuleForEach(r => r.Benchmarks).ChildRules(b =>
        {
            b.RuleFor(x => x.Url).Must(IsHttpUrl).WithMessage("A benchmark needs an absolute http(s) URL.");
            b.RuleFor(x => x.Note).MaximumLength(TextMax);
        });
    }

    /// <summary>An absolute http(s) URL of at most 2,000 characters: what design assets, benchmarks and bug evidence link to.</summary>
    internal static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && url.Length <= 2000;
}
