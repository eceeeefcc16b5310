namespace MarketingDev.Requests.Domain;

/// <summary>A developer's question about a request and the requester's answer.</summary>
public sealed class Clarification
{
    private Clarification()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Question { get; private set; } = "";
    public string AskedBy { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public bool IsOpen => Answer is null;

    public static Clarification Ask(Guid requestId, string question, string askedBy, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), RequestId = requestId, Question = question.Trim(), AskedBy = askedBy, AskedAt = now };

    public void Answered(string answer, string by, DateTimeOffset now)
    {
        Answer = answer.Trim();
        AnsweredBy = by;
        AnsweredAt = now;
    }
}

public enum RoadblockSeverity { Low = 1, Medium, High }

public enum RoadblockStatus { Open = 1, Resolved }

/// <summary>A technical obstacle on a request, reviewed in the weekly sync until resolved.</summary>
public sealed class Roadblock
{
    private Roadblock()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Assigned by the database; orders the list and keys its cursor.</summary>
    public long Seq { get; private set; }
    public Guid RequestId { get; private set; }
    public string RequestKey { get; private set; } = "";
    public string RequestTitle { get; private set; } = "";
    public string Description { get; private set; } = "";
    public RoadblockSeverity Severity { get; private set; }
    public RoadblockStatus Status { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public static Roadblock Raise(Request request, string description, RoadblockSeverity severity, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RequestId = request.Id,
        RequestKey = request.Key,
        RequestTitle = request.Title,
        Description = description.Trim(),
        Severity = severity,
        Status = RoadblockStatus.Open,
        RaisedBy = by,
        RaisedAt = now,
    };

    public void Resolve(string resolution, string by, DateTimeOffset now)
    {
        Status = RoadblockStatus.Resolved;
        Resolution = resolution.Trim();
        ResolvedBy = by;
        ResolvedAt = now;
    }
}

public enum BugSeverity { Low = 1, Medium, High, Critical }

public enum BugStatus { Open = 1, Fixed, Verified, WontFix }

public sealed record BugEnvironment(string Url, string Browser, string Os, string Device)
{
    public bool IsEmpty => new[] { Url, Browser, Os, Device }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A structured bug report, optionally linked to the request it breaks.</summary>
public sealed class Bug
{
    private Bug()
    {
    }

    public Guid Id { get; private set; }
    public long Number { get; private set; }
    public string Key => $"BUG-{Number}";
    public Guid? RequestId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> StepsToReproduce { get; private set; } = [];
    public string Expected { get; private set; } = "";
    public string Actual { get; private set; } = "";
    public BugEnvironment Environment { get; private set; } = new("", "", "", "");
    public BugSeverity Severity { get; private set; }
    public IReadOnlyList<string> Evidence { get; private set; } = [];
    public BugStatus Status { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public string ReportedById { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Bug Report(long number, Guid? requestId, string title, IReadOnlyList<string> steps, string expected, string actual,
        BugEnvironment environment, BugSeverity severity, IReadOnlyList<string> evidence, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Number = number,
        RequestId = requestId,
        Title = title.Trim(),
        StepsToReproduce = steps.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList(),
        Expected = expected.Trim(),
        Actual = actual.Trim(),
        Environment = environment,
        Severity = severity,
        Evidence = evidence,
        Status = BugStatus.Open,
        ReportedBy = by.Name,
        ReportedById = by.Id,
        ReportedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public void MoveTo(BugStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
    }
}
