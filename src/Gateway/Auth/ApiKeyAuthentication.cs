using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
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

/// <summary>The scheme every route authenticates with: it picks API key or bearer token by the header the caller sent.</summary>
public static class CallerScheme
{
    public const string Name = "ApiKeyOrBearer";

    /// <summary>Authorization: Bearer → the identity provider's JWT; anything else (X-Api-Key or nothing) → API key.</summary>
    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtSignIn.Scheme
            : ApiKeyDefaults.Scheme;
}

/// <summary>Policies by who may act: one per set of roles, named after what the caller is allowed to do.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Author = "author";
    public const string KnowledgeWriter = "knowledgeWriter";
    public const string Organizer = "organizer";

    internal static void Add(AuthorizationOptions options)
    {
        // Every endpoint needs a caller with a known role unless it says otherwise (health and the API document opt out):
        // a signed-in person whose token maps to no role gets 403, never a call to a service without an actor.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(CallerScheme.Name)
            .RequireAuthenticatedUser()
            .RequireRole(Enum.GetValues<Role>().Select(Roles.Of))
            .Build();
        options.DefaultPolicy = options.FallbackPolicy;
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Of(Role.Admin)));
        options.AddPolicy(Author, p => p.RequireRole(Roles.Of(Role.Marketing), Roles.Of(Role.Lead), Roles.Of(Role.Admin)));
        options.AddPolicy(KnowledgeWriter, p => p.RequireRole(Roles.Of(Role.Developer), Roles.Of(Role.Lead), Roles.Of(Role.Admin)));
        // Leads and admins run the sync: series, meetings, action items, decisions on ideas.
        options.AddPolicy(Organizer, p => p.RequireRole(Roles.Of(Role.Lead), Roles.Of(Role.Admin)));
    }
}

public static class Roles
{
    public static string Of(Role role) => WireName.ToWire(role);
}

internal static class ApiKeyAuthenticationExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuthentication(CallerScheme.Name)
            .AddPolicyScheme(CallerScheme.Name, "API key or bearer token", o =>
            {
                o.ForwardDefaultSelector = CallerScheme.Select;
                // One 403 problem document for both kinds of caller.
                o.ForwardForbid = ApiKeyDefaults.Scheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddJwtSignIn(configuration, environment);
        services.AddAuthorization(Policies.Add);
        return services;
    }

    /// <summary>
    /// The caller as a GUID (idempotency records are keyed by it): an API key's own id, or for a signed-in person a
    /// name-based GUID derived from their actor id (stable across sign-ins, never equal to a key's random v7 id).
    /// </summary>
    public static Guid KeyId(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (Guid.TryParse(id, out var keyId))
        {
            return keyId;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash, bigEndian: true);
    }

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
        // Both ways in are offered: a tool's API key, a person's bearer token.
        Response.Headers.WWWAuthenticate = new([$"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"", "Bearer"]);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemCatalogue.Unauthenticated.Create(
                result.Failure?.Message ?? $"Send an API key in the {ApiKeyDefaults.HeaderName} header, or a bearer token from the identity provider."),
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemCatalogue.Forbidden.Create(role is null
                ? "The sign-in carries no role this API knows; ask for one of " + WireName.Names<Role>() + "."
                : $"The role '{role}' may not do this."),
        });
    }
}
