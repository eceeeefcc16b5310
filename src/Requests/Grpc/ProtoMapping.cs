using Google.Protobuf.WellKnownTypes;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>Proto ⇄ domain, by hand, at the edge.</summary>
internal static class ProtoMapping
{
    public static RequestInput ToInput(this Proto.RequestContent? c)
    {
        c ??= new Proto.RequestContent();
        var story = c.UserStory ?? new Proto.UserStory();
        var context = c.MarketingContext ?? new Proto.MarketingContext();
        return new RequestInput(
            c.Title, c.Type, c.Priority, c.LaunchDate, c.Team,
            new UserStory(story.AsA, story.IWant, story.SoThat),
            c.AcceptanceCriteria.Select(a => new AcceptanceCriterion(a.Id, a.Text)).ToList(),
            new MarketingContext(context.CampaignGoal, context.Audience, context.BusinessImpact,
                context.Kpi is null ? null : new Kpi(context.Kpi.Name, context.Kpi.HasBaseline ? context.Kpi.Baseline : null,
                    context.Kpi.HasTarget ? context.Kpi.Target : null, context.Kpi.Unit)),
            c.DesignAssets.Select(a => new DesignAssetInput(a.Url, a.Kind, a.Label)).ToList(),
            c.TrackingRequirements.Select(t => new TrackingRequirement(t.EventName, t.Trigger,
                t.Parameters.Select(p => new TrackingParameter(p.Name, p.Description)).ToList())).ToList(),
            c.Benchmarks.Select(b => new Benchmark(b.Url, b.Note)).ToList());
    }

    public static Proto.RequestContent ToProto(this RequestContent content)
    {
        var details = content.Details;
        var proto = new Proto.RequestContent
        {
            Title = content.Title,
            Type = WireName.ToWire(content.Type),
            Priority = WireName.ToWire(content.Priority),
            LaunchDate = content.LaunchDate?.ToString("yyyy-MM-dd") ?? "",
            Team = content.Team ?? "",
            UserStory = new Proto.UserStory { AsA = details.UserStory.AsA, IWant = details.UserStory.IWant, SoThat = details.UserStory.SoThat },
            MarketingContext = new Proto.MarketingContext
            {
                CampaignGoal = details.MarketingContext.CampaignGoal,
                Audience = details.MarketingContext.Audience,
                BusinessImpact = details.MarketingContext.BusinessImpact,
                Kpi = details.MarketingContext.Kpi?.ToProto(),
            },
        };
        proto.AcceptanceCriteria.AddRange(details.AcceptanceCriteria.Select(a => new Proto.AcceptanceCriterion { Id = a.Id, Text = a.Text }));
        proto.DesignAssets.AddRange(details.DesignAssets.Select(a => new Proto.DesignAsset { Url = a.Url, Kind = WireName.ToWire(a.Kind), Label = a.Label }));
        proto.TrackingRequirements.AddRange(details.TrackingRequirements.Select(t =>
        {
            var requirement = new Proto.TrackingRequirement { EventName = t.EventName, Trigger = t.Trigger };
            requirement.Parameters.AddRange(t.Parameters.Select(p => new Proto.TrackingParameter { Name = p.Name, Description = p.Description }));
            return requirement;
        }));
        proto.Benchmarks.AddRange(details.Benchmarks.Select(b => new Proto.Benchmark { Url = b.Url, Note = b.Note }));
        return proto;
    }

    private static Proto.Kpi ToProto(this Kpi kpi)
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

    public static Proto.ReadinessReport ToProto(this Features.Readiness.ReadinessReport report)
    {
        var proto = new Proto.ReadinessReport { Score = report.Score, Ready = report.Ready, RulesVersion = report.RulesVersion };
        proto.Findings.AddRange(report.Findings.Select(f => f.ToProto()));
        return proto;
    }

    public static Proto.HistoryEntry ToProto(this RequestChange change) => new()
    {
        At = Timestamp.FromDateTimeOffset(change.At),
        Actor = change.Actor,
        ActorId = change.ActorId,
        Action = change.Action,
        FromStatus = change.FromStatus is { } from ? WireName.ToWire(from) : "",
        ToStatus = change.ToStatus is { } to ? WireName.ToWire(to) : "",
        Reason = change.Reason ?? "",
        Version = change.Version,
    };

    public static Proto.Clarification ToProto(this Clarification c) => new()
    {
        Id = c.Id.ToString(),
        RequestId = c.RequestId.ToString(),
        Question = c.Question,
        AskedBy = c.AskedBy,
        AskedAt = Timestamp.FromDateTimeOffset(c.AskedAt),
        Answer = c.Answer ?? "",
        AnsweredBy = c.AnsweredBy ?? "",
        AnsweredAt = c.AnsweredAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    public static Proto.Roadblock ToProto(this Roadblock r) => new()
    {
        Id = r.Id.ToString(),
        RequestId = r.RequestId.ToString(),
        RequestKey = r.RequestKey,
        RequestTitle = r.RequestTitle,
        Description = r.Description,
        Severity = WireName.ToWire(r.Severity),
        Status = WireName.ToWire(r.Status),
        RaisedBy = r.RaisedBy,
        RaisedAt = Timestamp.FromDateTimeOffset(r.RaisedAt),
        Resolution = r.Resolution ?? "",
        ResolvedBy = r.ResolvedBy ?? "",
        ResolvedAt = r.ResolvedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    public static Features.Bugs.BugInput ToInput(this Proto.BugContent? c)
    {
        c ??= new Proto.BugContent();
        var environment = c.Environment ?? new Proto.BugEnvironment();
        return new Features.Bugs.BugInput(c.RequestId, c.Title, c.StepsToReproduce.ToList(), c.Expected, c.Actual,
            new BugEnvironment(environment.Url, environment.Browser, environment.Os, environment.Device), c.Severity, c.Evidence.ToList());
    }

    public static Proto.Bug ToProto(this Bug b)
    {
        var content = new Proto.BugContent
        {
            RequestId = b.RequestId?.ToString() ?? "",
            Title = b.Title,
            Expected = b.Expected,
            Actual = b.Actual,
            Environment = new Proto.BugEnvironment { Url = b.Environment.Url, Browser = b.Environment.Browser, Os = b.Environment.Os, Device = b.Environment.Device },
            Severity = WireName.ToWire(b.Severity),
        };
        content.StepsToReproduce.AddRange(b.StepsToReproduce);
        content.Evidence.AddRange(b.Evidence);
        return new Proto.Bug
        {
            Id = b.Id.ToString(),
            Key = b.Key,
            Content = content,
            Status = WireName.ToWire(b.Status),
            ReportedBy = b.ReportedBy,
            ReportedById = b.ReportedById,
            ReportedAt = Timestamp.FromDateTimeOffset(b.ReportedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(b.UpdatedAt),
            Version = b.Version,
        };
    }

    public static Proto.ReadinessFinding ToProto(this Features.Readiness.Finding f) => new()
    {
        Code = f.Code, Severity = WireName.ToWire(f.Severity), Path = f.Path, Message = f.Message,
    };

    public static Proto.Request ToProto(this Request request, int openClarifications = 0) => new()
    {
        OpenClarifications = openClarifications,
        DeliveredAt = request.DeliveredAt is { } delivered ? Timestamp.FromDateTimeOffset(delivered) : null,
        Id = request.Id.ToString(),
        Key = request.Key,
        Status = WireName.ToWire(request.Status),
        Requester = request.Requester,
        RequesterId = request.RequesterId,
        CreatedAt = Timestamp.FromDateTimeOffset(request.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(request.UpdatedAt),
        Version = request.Version,
        Content = request.Content.ToProto(),
        Estimate = request.Estimate is { } e ? new Proto.Estimate { Size = WireName.ToWire(e.Size), Days = e.Days } : null,
        QuickWin = request.QuickWin,
    };
}
