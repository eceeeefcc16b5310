using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Errors;
using MarketingDev.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;

namespace MarketingDev.Gateway.RateLimiting;

/// <summary>One token bucket: up to TokenLimit calls at once, refilled by TokensPerPeriod every ReplenishmentPeriod.</summary>
public sealed class TokenBucket
{
    public int TokenLimit { get; set; }
    public int TokensPerPeriod { get; set; }
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seconds for an empty bucket to fill up again: the window the RateLimit-Policy header announces.</summary>
    public int WindowSeconds => SecondsToRefill(TokenLimit);

    public int SecondsToRefill(long missingTokens) =>
        missingTokens <= 0 ? 0 : (int)Math.Ceiling(Math.Ceiling((double)missingTokens / TokensPerPeriod) * ReplenishmentPeriod.TotalSeconds);
}

/// <summary>
/// Limits per role (Gateway__RateLimits__Marketing__TokenLimit, __TokensPerPeriod, __ReplenishmentPeriod) and for callers
/// without valid credentials (…__Anonymous__…, per remote address).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimits";
    public const string AnonymousPolicy = "anonymous";

    // People click and scripts page through lists: a burst of a few hundred, then several calls a second.
    public TokenBucket Marketing { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(2) };
    public TokenBucket Developer { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(2) };
    public TokenBucket Lead { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(2) };

    // Admin keys run integrations and migrations (bulk imports).
    public TokenBucket Admin { get; set; } = new() { TokenLimit = 1000, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    // Without credentials every call is a 401: enough for a misconfigured client to see why, not for guessing keys.
    public TokenBucket Anonymous { get; set; } = new() { TokenLimit = 30, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(2) };

    public TokenBucket For(Role role) => role switch
    {
        Role.Marketing => Marketing,
        Role.Developer => Developer,
        Role.Lead => Lead,
        _ => Admin,
    };

    public string? Problem() =>
        new[] { Marketing, Developer, Lead, Admin, Anonymous }.Any(b => b.TokenLimit < 1 || b.TokensPerPeriod < 1 || b.ReplenishmentPeriod <= TimeSpan.Zero)
            ? "Every Gateway__RateLimits bucket needs TokenLimit ≥ 1, TokensPerPeriod ≥ 1 and a positive ReplenishmentPeriod."
            : null;
}

/// <summary>
/// A token bucket per principal (the actor id an API key or a bearer token authenticated), with the limits of its role;
/// callers without valid credentials share a bucket per remote address. Probes, /metrics and the API document are not
/// limited. Answers carry RateLimit-Policy and RateLimit (IETF draft-ietf-httpapi-ratelimit-headers); a refusal is a
/// 429 problem document with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string Header = "RateLimit";

    private static readonly string[] Unlimited = ["/health", "/alive", "/metrics", "/swagger"];

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RateLimitOptions();
        configuration.GetSection(RateLimitOptions.Section).Bind(options);

        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
        services.AddSingleton(options);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        services.AddSingleton(new GatewayRateLimiter(limiter));
        return services;
    }

    /// <summary>Limits are counted after authentication (the principal is the partition) and before authorisation.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.Use(AnnounceAsync);
        return app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        if (!IsLimited(context))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var (key, _, bucket) = Principal(context, options);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static bool IsLimited(HttpContext context) => !Unlimited.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The partition key (role and actor id, so a key given another role starts a fresh bucket), the policy name and its bucket.</summary>
    private static (string Key, string Policy, TokenBucket Bucket) Principal(HttpContext context, RateLimitOptions options) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
        && WireName.TryParse<Role>(context.User.FindFirstValue(ClaimTypes.Role), out var role)
            ? ($"{Roles.Of(role)}|{id}", Roles.Of(role), options.For(role))
            : ($"{RateLimitOptions.AnonymousPolicy}|{context.Connection.RemoteIpAddress}", RateLimitOptions.AnonymousPolicy, options.Anonymous);

    private static Task AnnounceAsync(HttpContext context, RequestDelegate next)
    {
        if (IsLimited(context))
        {
            context.Response.OnStarting(() =>
            {
                var options = context.RequestServices.GetRequiredService<RateLimitOptions>();
                var (_, policy, bucket) = Principal(context, options);
                var remaining = context.RequestServices.GetRequiredService<GatewayRateLimiter>().Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? bucket.TokenLimit;
                var headers = context.Response.Headers;
                headers[PolicyHeader] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";q={bucket.TokenLimit};w={bucket.WindowSeconds}");
                headers[Header] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={remaining};t={bucket.SecondsToRefill(bucket.TokenLimit - remaining)}");
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemCatalogue.RateLimited.Create($"Too many calls from this caller; try again in {seconds} s."),
        });
    }
}

/// <summary>The limiter the middleware enforces, kept so that the RateLimit header can report a partition's remaining tokens.</summary>
internal sealed record GatewayRateLimiter(PartitionedRateLimiter<HttpContext> Limiter);
