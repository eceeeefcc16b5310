namespace MarketingDev.Requests.Domain;

/// <summary>A piece of marketing work that needs development, from draft to delivery.</summary>
public sealed class Request
{
    private Request()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Sequential, assigned by the database; the human key is MKT-{Number}.</summary>
    public long Number { get; private set; }

    public string Key => $"MKT-{Number}";
    public string Title { get; private set; } = "";
    public RequestType Type { get; private set; }
    public Priority Priority { get; private set; }
    public DateOnly? LaunchDate { get; private set; }
    public string? Team { get; private set; }
    public RequestDetails Details { get; private set; } = RequestDetails.Empty;
    public RequestStatus Status { get; private set; }
    /// <summary>The requester's display name, for people.</summary>
    public string Requester { get; private set; } = "";

    /// <summary>The requester's stable id (API key id or sign-in subject): what ownership is decided by.</summary>
    public string RequesterId { get; private set; } = "";
    public Estimate? Estimate { get; private set; }
    public bool QuickWin { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was last submitted: the start of the lead time.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When development first started: the start of the cycle time.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When it was last delivered: bugs reported after it are post-launch bugs.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Starts at 1 and grows with every change; the Gateway's ETag.</summary>
    public int Version { get; private set; }

    /// <summary>Withdrawn and rejected requests take no more questions, roadblocks or estimates.</summary>
    public bool IsClosed => Status is RequestStatus.Withdrawn or RequestStatus.Rejected;

    /// <summary>Title and user story as one text, computed by the database, for ?q= searches.</summary>
    public string SearchText { get; private set; } = "";

    public RequestContent Content => new(Title, Type, Priority, LaunchDate, Team, Details);

    /// <summary>The client's Idempotency-Key (as the Gateway scopes it), stored with the draft so a retry finds it.</summary>
    public string? IdempotencyKey { get; private set; }

    public static Request Draft(RequestContent content, Actor requester, DateTimeOffset now, string? idempotencyKey = null)
    {
        var request = new Request
        {
            Id = Guid.CreateVersion7(now),
            Status = RequestStatus.Draft,
            Requester = requester.Name,
            RequesterId = requester.Id,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
            Version = 0,
        };
        request.Apply(content, now);
        return request;
    }

    public void Edit(RequestContent content, DateTimeOffset now) => Apply(content, now);

    /// <summary>Applies an allowed move (the caller checked the rules); returns the status it came from.</summary>
    public RequestStatus MoveTo(RequestStatus to, DateTimeOffset now)
    {
        var from = Status;
        Status = to;
        if (to == RequestStatus.Submitted)
        {
            SubmittedAt = now;
        }

        if (to == RequestStatus.InProgress)
        {
            StartedAt ??= now;
        }

        if (to == RequestStatus.Delivered)
        {
            DeliveredAt = now;
        }

        Touch(now);
        return from;
    }

    public void SetEstimate(Estimate estimate, bool? quickWin, DateTimeOffset now)
    {
        Estimate = estimate;
        QuickWin = quickWin ?? QuickWin;
        Touch(now);
    }

    /// <summary>The database sequence hands out numbers; the draft takes its own before its first event names the key.</summary>
    public void AssignNumber(long number) => Number = number;

    private void Apply(RequestContent content, DateTimeOffset now)
    {
        Title = content.Title.Trim();
        Type = content.Type;
        Priority = content.Priority;
        LaunchDate = content.LaunchDate;
        Team = string.IsNullOrWhiteSpace(content.Team) ? null : content.Team.Trim();
        Details = content.Details;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
