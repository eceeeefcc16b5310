using FluentValidation;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;

namespace MarketingDev.Requests.Features.Drafting;

/// <summary>
/// Shape rules only (known enum values, formats, sizes) of a request's content as it arrives. Completeness is the
/// readiness lint's job, not a reason to refuse a draft. The document's fields live under <c>Details</c> but are named
/// at the top level of the API, hence <c>Doc(...)</c> on their rules.
/// </summary>
public sealed class RequestContentValidator : AbstractValidator<RequestContent>
{
    private const int TextMax = 4000;
    private const int ListMax = 50;

    /// <summary>The launch dates a plan can mean; beyond them date arithmetic (working days, agenda horizons) stops making sense.</summary>
    public static readonly DateOnly EarliestLaunch = new(2000, 1, 1);
    public static readonly DateOnly LatestLaunch = new(2100, 12, 31);

    public RequestContentValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("A title is required.").MaximumLength(200);
        RuleFor(r => r.Type).Must(t => t == 0 || Enum.IsDefined(t)).WithMessage($"Type must be one of: {WireName.Names<RequestType>()}.");
        RuleFor(r => r.Priority).Must(p => p == 0 || Enum.IsDefined(p)).WithMessage($"Priority must be one of: {WireName.Names<Priority>()}.");
        RuleFor(r => r.LaunchDate).InclusiveBetween(EarliestLaunch, LatestLaunch)
            .WithMessage($"Launch date must be between {EarliestLaunch:yyyy-MM-dd} and {LatestLaunch:yyyy-MM-dd}.");
        RuleFor(r => r.Team).MaximumLength(100);

        // The request document (Details): one rule per field; Doc names it as the API does (#/userStory/asA).
        Doc(RuleFor(r => r.Details.UserStory.AsA).MaximumLength(TextMax), "UserStory.AsA");
        Doc(RuleFor(r => r.Details.UserStory.IWant).MaximumLength(TextMax), "UserStory.IWant");
        Doc(RuleFor(r => r.Details.UserStory.SoThat).MaximumLength(TextMax), "UserStory.SoThat");

        Doc(RuleFor(r => r.Details.AcceptanceCriteria.Count).LessThanOrEqualTo(ListMax), "AcceptanceCriteria");
        Doc(RuleForEach(r => r.Details.AcceptanceCriteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Text).NotEmpty().WithMessage("An acceptance criterion needs text.").MaximumLength(TextMax);
            c.RuleFor(x => x.Id).MaximumLength(40);
        }), "AcceptanceCriteria");
        Doc(RuleFor(r => r.Details.AcceptanceCriteria)
            .Must(list => list.Where(c => !string.IsNullOrWhiteSpace(c.Id)).GroupBy(c => c.Id.Trim()).All(g => g.Count() == 1))
            .WithMessage("Acceptance criterion ids must be unique."), "AcceptanceCriteria");

        Doc(RuleFor(r => r.Details.MarketingContext.CampaignGoal).MaximumLength(TextMax), "MarketingContext.CampaignGoal");
        Doc(RuleFor(r => r.Details.MarketingContext.Audience).MaximumLength(TextMax), "MarketingContext.Audience");
        Doc(RuleFor(r => r.Details.MarketingContext.BusinessImpact).MaximumLength(TextMax), "MarketingContext.BusinessImpact");
        Doc(RuleFor(r => r.Details.MarketingContext.Kpi!.Name).MaximumLength(200)
            .When(r => r.Details.MarketingContext.Kpi is not null), "MarketingContext.Kpi.Name");

        Doc(RuleFor(r => r.Details.DesignAssets.Count).LessThanOrEqualTo(ListMax), "DesignAssets");
        Doc(RuleForEach(r => r.Details.DesignAssets).ChildRules(a =>
        {
            a.RuleFor(x => x.Url).Must(IsHttpUrl).WithMessage("A design asset needs an absolute http(s) URL.");
            a.RuleFor(x => x.Kind).Must(k => k == 0 || Enum.IsDefined(k)).WithMessage($"Kind must be one of: {WireName.Names<AssetKind>()}.");
            a.RuleFor(x => x.Label).MaximumLength(200);
        }), "DesignAssets");

        Doc(RuleFor(r => r.Details.TrackingRequirements.Count).LessThanOrEqualTo(ListMax), "TrackingRequirements");
        Doc(RuleForEach(r => r.Details.TrackingRequirements).ChildRules(t =>
        {
            t.RuleFor(x => x.EventName).NotEmpty().WithMessage("A tracking requirement needs an event name.").MaximumLength(200);
            t.RuleFor(x => x.Trigger).MaximumLength(TextMax);
            t.RuleFor(x => x.Parameters.Count).LessThanOrEqualTo(100).OverridePropertyName("Parameters");
            t.RuleForEach(x => x.Parameters).ChildRules(p =>
            {
                p.RuleFor(x => x.Name).NotEmpty().WithMessage("A parameter needs a name.").MaximumLength(200);
                p.RuleFor(x => x.Description).MaximumLength(TextMax);
            });
        }), "TrackingRequirements");

        Doc(RuleFor(r => r.Details.Benchmarks.Count).LessThanOrEqualTo(ListMax), "Benchmarks");
        Doc(RuleForEach(r => r.Details.Benchmarks).ChildRules(b =>
        {
            b.RuleFor(x => x.Url).Must(IsHttpUrl).WithMessage("A benchmark needs an absolute http(s) URL.");
            b.RuleFor(x => x.Note).MaximumLength(TextMax);
        }), "Benchmarks");
    }

    /// <summary>An absolute http(s) URL of at most 2,000 characters: what design assets, benchmarks and bug evidence link to.</summary>
    internal static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && url.Length <= 2000;

    private static void Doc<TProperty>(IRuleBuilderOptions<RequestContent, TProperty> rule, string apiName) => rule.OverridePropertyName(apiName);
}

public static class RequestContentDefaults
{
    /// <summary>
    /// What a draft means by what it left out: a feature, of medium priority, assets of kind "other", criteria numbered
    /// AC1, AC2, … Only called on content that passed <see cref="RequestContentValidator"/>.
    /// </summary>
    public static RequestContent WithDefaults(this RequestContent content) => content with
    {
        Type = content.Type == 0 ? RequestType.Feature : content.Type,
        Priority = content.Priority == 0 ? Priority.Medium : content.Priority,
        Details = content.Details with
        {
            AcceptanceCriteria = content.Details.AcceptanceCriteria
                .Select((c, i) => c with { Id = string.IsNullOrWhiteSpace(c.Id) ? $"AC{i + 1}" : c.Id.Trim() }).ToList(),
            DesignAssets = content.Details.DesignAssets.Select(a => a.Kind == 0 ? a with { Kind = AssetKind.Other } : a).ToList(),
        },
    };
}
