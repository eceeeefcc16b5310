namespace MarketingDev.Gateway.Webhooks;

/// <summary>Webhook delivery settings (section "Webhooks"; environment variables Webhooks__...).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Hosts, IP addresses or CIDR ranges that may be targeted although private or loopback (and over plain http when
    /// the URL names them), e.g. "hooks.internal", "10.20.0.0/16". Empty by default: only public https targets.
    /// </summary>
    public List<string> AllowedTargets { get; set; } = [];

    /// <summary>How long one attempt may take, response included; a slow receiver cannot hold a worker longer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a failing delivery is retried before it is given up.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>First retry delay; each further retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many events in a row failed for good, the webhook is disabled (and WebhookDisabled published).</summary>
    public int DisableAfterFailures { get; set; } = 10;

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A claimed delivery is invisible to other workers for the attempt timeout plus this margin; if its Gateway dies
    /// mid-attempt, another (or the restarted one) takes it up after that.
    /// </summary>
    public TimeSpan ClaimMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for due deliveries (commits on this replica wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many deliveries claimed by one statement.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Deliveries one worker holds at once, claimed but not yet recorded: claims continue while earlier ones are still
    /// being sent or recorded, so one slow receiver or one slow round does not hold up the others.
    /// </summary>
    public int MaxInFlight { get; set; } = 1000;

    /// <summary>How long the event feed keeps events; never less than 30 days (younger events are never pruned).</summary>
    public TimeSpan FeedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Where people reach the API (Gateway__PublicBaseUrl), for the links in chat messages.</summary>
    public string? PublicBaseUrl { get; set; }

    public static readonly TimeSpan MinFeedRetention = TimeSpan.FromDays(30);

    public TimeSpan EffectiveFeedRetention => FeedRetention < MinFeedRetention ? MinFeedRetention : FeedRetention;
}
