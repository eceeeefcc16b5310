using Google.Protobuf.WellKnownTypes;
using MarketingDev.Contracts.Grpc;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>
/// Proto ⇄ domain at the edge, by hand except for a request's content (<see cref="RequestDocumentMapping"/>, generated). Enums
/// convert by number: the domain's enums carry their proto twins' numbers (Domain/RequestEnums.cs), so a number the
/// contract does not know stays unknown until the validator refuses it with the field's pointer.
/// </summary>
internal static class ProtoMapping
{
    public static RequestContent ToDomain(this Proto.RequestContent? content) => RequestDocumentMapping.ToDomain(content ?? new Proto.RequestContent());

    public static Proto.RequestContent ToProto(this RequestContent content) => RequestDocumentMapping.ToProto(content);

    /// <summary>A calendar date, or an invalid-input error naming the field when the message names no real date (Feb 30).</summary>
    public static DateOnly? ToDate(Contracts.Grpc.Common.Date? date, string pointer) =>
        date.TryToDateOnly(out var value) ? value : throw new InvalidInputException(pointer, "Not a calendar date.");

    private static Timestamp ToProto(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    private static Timestamp? ToProto(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static Proto.ReadinessReport ToProto(this Features.Readiness.ReadinessReport report)
    {
        var proto = new Proto.ReadinessReport { Score = report.Score, Ready = report.Ready, RulesVersion = report.RulesVersion };
        proto.Findings.AddRange(report.Findings.Select(f => f.ToProto()));
        return proto;
    }

    public static Proto.ReadinessFinding ToProto(this Features.Readiness.Finding f) => new()
    {
        Code = f.Code, Severity = (Proto.FindingSeverity)f.Severity, Path = f.Path, Message = f.Message,
    };

    public static Proto.HistoryEntry ToProto(this RequestChange change) => new()
    {
        At = ToProto(change.At),
        Actor = change.Actor,
        ActorId = change.ActorId,
        Action = change.Action,
        FromStatus = (Proto.RequestStatus)(change.FromStatus ?? 0),
        ToStatus = (Proto.RequestStatus)(change.ToStatus ?? 0),
        Reason = change.Reason ?? "",
        Version = change.Version,
    };

    public static Proto.Clarification ToProto(this Clarification c) => new()
    {
        Id = c.Id.ToString(),
        RequestId = c.RequestId.ToString(),
        Question = c.Question,
        AskedBy = c.AskedBy,
        AskedAt = ToProto(c.AskedAt),
        Answer = c.Answer ?? "",
        AnsweredBy = c.AnsweredBy ?? "",
        AnsweredAt = ToProto(c.AnsweredAt),
    };

    public static Proto.Roadblock ToProto(this Roadblock r) => new()
    {
        Id = r.Id.ToString(),
        RequestId = r.RequestId.ToString(),
        RequestKey = r.RequestKey,
        RequestTitle = r.RequestTitle,
        Description = r.Description,
        Severity = (Proto.RoadblockSeverity)r.Severity,
        Status = (Proto.RoadblockStatus)r.Status,
        RaisedBy = r.RaisedBy,
        RaisedAt = ToProto(r.RaisedAt),
        Resolution = r.Resolution ?? "",
        ResolvedBy = r.ResolvedBy ?? "",
        ResolvedAt = ToProto(r.ResolvedAt),
    };

    public static Features.Bugs.ReportBug ToCommand(this Proto.BugContent? c, Actor actor, string? idempotencyKey)
    {
        c ??= new Proto.BugContent();
        var environment = c.Environment ?? new Proto.BugEnvironment();
        return new Features.Bugs.ReportBug(c.RequestId, c.Title, c.StepsToReproduce.ToList(), c.Expected, c.Actual,
            new BugEnvironment(environment.Url, environment.Browser, environment.Os, environment.Device), (BugSeverity)c.Severity, c.Evidence.ToList(),
            actor, idempotencyKey);
    }

    /// <summary>A bug with what makes its report hard to act on (the lint), as every bug call answers.</summary>
    public static Proto.BugReply ToReply(this Bug bug)
    {
        var reply = new Proto.BugReply { Bug = bug.ToProto() };
        reply.Lint.AddRange(Features.Bugs.BugLinter.Lint(bug).Select(f => f.ToProto()));
        return reply;
    }

    public static Features.Queries.ListRequests ToQuery(this Proto.ListRequestsQuery query) => new(
        query.HasLimit ? query.Limit : null, query.Cursor,
        query.Status == 0 ? null : (RequestStatus)query.Status, query.Type == 0 ? null : (RequestType)query.Type,
        query.Priority == 0 ? null : (Priority)query.Priority,
        ToDate(query.LaunchFrom, "#/launchFrom"), ToDate(query.LaunchTo, "#/launchTo"), query.Q);

    public static Proto.Bug ToProto(this Bug b)
    {
        var content = new Proto.BugContent
        {
            RequestId = b.RequestId?.ToString() ?? "",
            Title = b.Title,
            Expected = b.Expected,
            Actual = b.Actual,
            Environment = new Proto.BugEnvironment { Url = b.Environment.Url, Browser = b.Environment.Browser, Os = b.Environment.Os, Device = b.Environment.Device },
            Severity = (Proto.BugSeverity)b.Severity,
        };
        content.StepsToReproduce.AddRange(b.StepsToReproduce);
        content.Evidence.AddRange(b.Evidence);
        return new Proto.Bug
        {
            Id = b.Id.ToString(),
            Key = b.Key,
            Content = content,
            Status = (Proto.BugStatus)b.Status,
            ReportedBy = b.ReportedBy,
            ReportedById = b.ReportedById,
            ReportedAt = ToProto(b.ReportedAt),
            UpdatedAt = ToProto(b.UpdatedAt),
            Version = b.Version,
        };
    }

    public static Proto.Request ToProto(this Request request, int openClarifications = 0) => new()
    {
        OpenClarifications = openClarifications,
        DeliveredAt = ToProto(request.DeliveredAt),
        Id = request.Id.ToString(),
        Key = request.Key,
        Status = (Proto.RequestStatus)request.Status,
        Requester = request.Requester,
        RequesterId = request.RequesterId,
        CreatedAt = ToProto(request.CreatedAt),
        UpdatedAt = ToProto(request.UpdatedAt),
        Version = request.Version,
        Content = request.Content.ToProto(),
        Estimate = request.Estimate is { } e ? new Proto.Estimate { Size = (Proto.EstimateSize)e.Size, Days = e.Days } : null,
        QuickWin = request.QuickWin,
    };
}
