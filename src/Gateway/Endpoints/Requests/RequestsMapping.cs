using System.Globalization;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Requests;

internal static class RequestsMapping
{
    public static Proto.RequestContent ToProto(this RequestBody body)
    {
        var story = body.UserStory ?? new UserStoryDto();
        var context = body.MarketingContext ?? new MarketingContextDto();
        var content = new Proto.RequestContent
        {
            Title = body.Title,
            Type = body.Type ?? "",
            Priority = body.Priority ?? "",
            LaunchDate = body.LaunchDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Team = body.Team ?? "",
            UserStory = new Proto.UserStory { AsA = story.AsA, IWant = story.IWant, SoThat = story.SoThat },
            MarketingContext = new Proto.MarketingContext
            {
                CampaignGoal = context.CampaignGoal,
                Audience = context.Audience,
                BusinessImpact = context.BusinessImpact,
                Kpi = context.Kpi is { } kpi ? ToProto(kpi) : null,
            },
        };
        content.AcceptanceCriteria.AddRange((body.AcceptanceCriteria ?? []).Select(c => new Proto.AcceptanceCriterion { Id = c.Id ?? "", Text = c.Text }));
        content.DesignAssets.AddRange((body.DesignAssets ?? []).Select(a => new Proto.DesignAsset { Url = a.Url, Kind = a.Kind, Label = a.Label }));
        content.TrackingRequirements.AddRange((body.TrackingRequirements ?? []).Select(t =>
        {
            var requirement = new Proto.TrackingRequirement { EventName = t.EventName, Trigger = t.Trigger };
            requirement.Parameters.AddRange((t.Parameters ?? []).Select(p => new Proto.TrackingParameter { Name = p.Name, Description = p.Description }));
            return requirement;
        }));
        content.Benchmarks.AddRange((body.Benchmarks ?? []).Select(b => new Proto.Benchmark { Url = b.Url, Note = b.Note }));
        return content;
    }

    private static Proto.Kpi ToProto(KpiDto kpi)
    {
        var proto = new Proto.Kpi { Name = kpi.Name, Unit = kpi.Unit };
        if (kpi.Baseline is { } baseline)
        {
            proto.Baseline = baseline;
        }

        if (kpi.Target is { } target)
        {
            proto.Target = target;
        }

        return proto;
    }

    public static ReadinessView ToView(this Proto.ReadinessReport report) => new(
        report.Score, report.Ready,
        report.Findings.Select(f => new FindingView(f.Code, f.Severity, f.Path, f.Message)).ToList(),
        report.RulesVersion);

    public static HistoryEntryView ToView(this Proto.HistoryEntry e) => new(
        e.At.ToDateTimeOffset(), e.Actor, e.ActorId, e.Action, e.FromStatus.Length == 0 ? null : e.FromStatus, e.ToStatus.Length == 0 ? null : e.ToStatus,
        e.Reason.Length == 0 ? null : e.Reason, e.Version);

    public static ClarificationView ToView(this Proto.Clarification c) => new(
        Guid.Parse(c.Id), Guid.Parse(c.RequestId), c.Question, c.AskedBy, c.AskedAt.ToDateTimeOffset(), c.Answer.Length == 0,
        c.Answer.Length == 0 ? null : c.Answer, c.AnsweredBy.Length == 0 ? null : c.AnsweredBy, c.AnsweredAt?.ToDateTimeOffset());

    public static RequestView ToView(this Proto.Request r)
    {
        var c = r.Content;
        return new RequestView(
            Guid.Parse(r.Id),
            r.Key,
            r.Status,
            r.Requester,
            r.RequesterId,
            c.Title,
            c.Type,
            c.Priority,
            c.LaunchDate.Length == 0 ? null : DateOnly.ParseExact(c.LaunchDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.Team.Length == 0 ? null : c.Team,
            new UserStoryDto(c.UserStory.AsA, c.UserStory.IWant, c.UserStory.SoThat),
            c.AcceptanceCriteria.Select(a => new AcceptanceCriterionDto(a.Text, a.Id)).ToList(),
            new MarketingContextDto(c.MarketingContext.CampaignGoal, c.MarketingContext.Audience, c.MarketingContext.BusinessImpact,
                c.MarketingContext.Kpi is { } kpi
                    ? new KpiDto(kpi.Name, kpi.HasBaseline ? kpi.Baseline : null, kpi.HasTarget ? kpi.Target : null, kpi.Unit)
                    : null),
            c.DesignAssets.Select(a => new DesignAssetDto(a.Url, a.Kind, a.Label)).ToList(),
            c.TrackingRequirements.Select(t => new TrackingRequirementDto(t.EventName, t.Trigger,
                t.Parameters.Select(p => new TrackingParameterDto(p.Name, p.Description)).ToList())).ToList(),
            c.Benchmarks.Select(b => new BenchmarkDto(b.Url, b.Note)).ToList(),
            r.Estimate is { } e ? new EstimateDto(e.Size, e.Days) : null,
            r.QuickWin,
            r.OpenClarifications,
            r.CreatedAt.ToDateTimeOffset(),
            r.UpdatedAt.ToDateTimeOffset(),
            r.DeliveredAt?.ToDateTimeOffset(),
            r.Version);
    }
}
