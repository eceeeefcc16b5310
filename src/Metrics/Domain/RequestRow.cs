namespace MarketingDev.Metrics.Domain;

/// <summary>
/// What Metrics knows of one request, folded from its stored events (<see cref="Projections.RequestProjection"/>).
/// Firsts are kept because lead and cycle times run to the first delivery; a reopen is rework, not a new lead time.
/// </summary>
public sealed class RequestRow
{
    public Guid RequestId { get; set; }
    public string Key { get; set; } = "";
    public string? Team { get; set; }
    public string Type { get; set; } = "";
    public string Priority { get; set; } = "";
    public DateOnly? LaunchDate { get; set; }
    public DateTimeOffset? DraftedAt { get; set; }
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    /// <summary>Warning findings at the first submission (errors cannot be submitted).</summary>
    public int? WarningFindings { get; set; }

    public DateTimeOffset? FirstReadyAt { get; set; }
    public DateTimeOffset? FirstInProgressAt { get; set; }
    public DateTimeOffset? FirstDeliveredAt { get; set; }
    public double? EstimateDays { get; set; }

    /// <summary>Working days in progress at the first delivery.</summary>
    public int? ActualDays { get; set; }

    public int Returns { get; set; }
    public int Reopens { get; set; }
    public int Clarifications { get; set; }

    /// <summary>When each return, reopen, clarification and piece of rework happened, so periods count them by occurrence.</summary>
    public List<RequestMoment> Moments { get; set; } = [];
}

/// <summary>Kind is returned, reopened, clarification or rework (Days: working days from a return or reopen to the next submission or delivery).</summary>
public sealed class RequestMoment
{
    public const string Returned = "returned";
    public const string Reopened = "reopened";
    public const string Clarification = "clarification";
    public const string Rework = "rework";

    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public double Days { get; set; }
}
