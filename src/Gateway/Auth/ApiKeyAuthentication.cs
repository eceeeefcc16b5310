using System.Security.Claims;
using System.Text.Encodings.Web;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Errors;
using MarketingDev.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
}

/// <summary>Policies by who may act: one per set of roles, named after what the caller is allowed to do.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Author = "author";
    public const string KnowledgeWriter = "knowledgeWriter";

    internal static void Add(AuthorizationOptions options)
    {
        // Every endpoint needs a caller unless it says otherwise (health and the API document opt out).
        options.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Of(Role.Admin)));
        options.AddPolicy(Author, p => p.RequireRole(Roles.Of(Role.Marketing), Roles.Of(Role.Lead), Roles.Of(Role.Admin)));
        options.AddPolicy(KnowledgeWriter, p => p.RequireRole(Roles.Of(Role.Developer), Roles.Of(Role.Lead), Roles.Of(Role.Admin)));
    }
}

public static class Roles
{
    public static string Of(Role role) => WireName.ToWire(role);
}

internal static class ApiKeyAuthenticationExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorization(Policies.Add);
        return services;
    }

    public static Guid KeyId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static string PrincipalName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";
}

/// <summary>
/// Authenticates X-Api-Key against the stored hashes, comparing the exact value (a key padded with spaces is another
/// value). Lookups are cached for <see cref="CacheFor"/>: the instance that revokes a key evicts it at once, other
/// Gateway replicas stop accepting it within that second.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GatewayDbContext db,
    IMemoryCache cache,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    public static string CacheKey(string hash) => "apikey:" + hash;

    private sealed record KnownKey(Guid Id, string Name, Role Role);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || string.IsNullOrWhiteSpace(values))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.HashOf(values.ToString());
        // Only known keys are cached: caching misses would let anyone fill memory with made-up keys.
        if (!cache.TryGetValue(CacheKey(hash), out KnownKey? key))
        {
            key = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Hash == hash && k.RevokedAt == null)
                .Select(k => new KnownKey(k.Id, k.Name, k.Role))
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (key is not null)
            {
                cache.Set(CacheKey(hash), key, CacheFor);
            }
        }

        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, Roles.Of(key.Role)),
            ],
            ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Create(StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication required",
                result.Failure?.Message ?? $"Send an API key in the {ApiKeyDefaults.HeaderName} header."),
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this role",
                $"The role '{role}' may not do this."),
        });
    }
}
