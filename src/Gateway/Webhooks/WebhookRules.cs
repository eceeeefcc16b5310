namespace MarketingDev.Gateway.Webhooks;

/// <summary>What a webhook may look like, and the pure decisions of delivery: how an answer is judged, when to retry.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 500;
    public const int MaxEvents = 100;
    public static readonly string[] Formats = ["json", "slack"];

    /// <summary>
    /// What an attempt's answer means. 2xx delivered; 5xx, 408, 429 and no answer (timeout, connection error) are worth
    /// retrying; any other status (other 4xx, and 3xx since redirects are not followed) is permanent; a target the
    /// SSRF rule refuses is permanent too.
    /// </summary>
    public static AttemptOutcome Judge(int? statusCode, bool refused) => (statusCode, refused) switch
    {
        (_, true) => AttemptOutcome.Permanent,
        (null, _) => AttemptOutcome.Retry,
        ( >= 200 and < 300, _) => AttemptOutcome.Delivered,
        (408 or 429, _) => AttemptOutcome.Retry,
        ( >= 500, _) => AttemptOutcome.Retry,
        _ => AttemptOutcome.Permanent,
    };

    /// <summary>
    /// When to try again after failed attempt number <paramref name="attempt"/> (1-based), or null to give up. The delay
    /// doubles from <paramref name="first"/> up to <paramref name="max"/>, scaled by a jitter in [0.5, 1] so that
    /// receivers coming back are not hit by every retry at once; a receiver's Retry-After is honoured as a minimum (it
    /// may ask for at most <paramref name="max"/>). Nothing is scheduled after <paramref name="giveUpAt"/>.
    /// </summary>
    public static DateTimeOffset? NextAttempt(
        int attempt, DateTimeOffset now, DateTimeOffset giveUpAt, TimeSpan first, TimeSpan max, double jitter, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, exponent), max.Ticks));
        var delay = backoff * (0.5 + Math.Clamp(jitter, 0, 1) / 2);
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < max ? asked : max;
        }

        var next = now + delay;
        return next <= giveUpAt ? next : null;
    }
}

public enum AttemptOutcome
{
    Delivered,
    Retry,
    Permanent,
}
