using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MarketingDev.ServiceDefaults.Identity;

/// <summary>
/// The short-lived token the Gateway signs for every gRPC call with the actor it authenticated, and the services
/// validate (JWT, HS256). Keys come from ServiceAuth:SigningKeys (a list, at least 32 characters each): the first one
/// signs, every one of them validates, so a platform team rotates by adding the new key second, rolling every
/// service, moving it first, rolling again, then removing the old one.
/// </summary>
public sealed class ServiceTokens
{
    public const string Section = "ServiceAuth";
    public const string Issuer = "marketingdev-gateway";
    public const string Audience = "marketingdev-services";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _signing;

    public ServiceTokens(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0 || keys.Any(k => k.Length < 32))
        {
            throw new InvalidOperationException(
                "No service signing key, or one shorter than 32 characters. Set ServiceAuth__SigningKeys__0 to the same secret " +
                "(32 characters or more) on the Gateway and on every service (the AppHost does this for you: dotnet run --project AppHost).");
        }

        SecurityKeys = keys.Select(k => (SecurityKey)new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k))).ToList();
        _signing = new SigningCredentials(SecurityKeys[0], SecurityAlgorithms.HmacSha256);
    }

    public IReadOnlyList<SecurityKey> SecurityKeys { get; }

    public static ServiceTokens FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection(Section).GetSection("SigningKeys").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList());

    public string Sign(Actor actor, DateTimeOffset now) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime.AddSeconds(-5),
        Expires = now.Add(Lifetime).UtcDateTime,
        Claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = actor.Id,
            [NameClaim] = actor.Name,
            [RoleClaim] = WireName.ToWire(actor.Role),
        },
        SigningCredentials = _signing,
    });

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = SecurityKeys,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
    };

    /// <summary>The actor a validated principal carries, or null when it lacks any part of one.</summary>
    public static Actor? ActorOf(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var name = user?.FindFirst(NameClaim)?.Value;
        return id is { Length: > 0 } && name is not null && WireName.TryParse<Role>(user?.FindFirst(RoleClaim)?.Value, out var role)
            ? new Actor(id, name, role)
            : null;
    }
}
