using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MarketingDev.Gateway.Errors;
using MarketingDev.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MarketingDev.Gateway.Auth;

/// <summary>
/// People sign in with a JWT bearer token from the organisation's identity provider (Gateway__Jwt__Authority and
/// __Audience), or, in Development only, with a token signed by a symmetric development key (Gateway__Jwt__DevelopmentSigningKey,
/// minted by `dotnet run --project src/Gateway -- mint-token`).
/// </summary>
public sealed class JwtSignInOptions
{
    public const string Section = "Gateway:Jwt";
    public const string DevelopmentIssuer = "marketingdev-development";
    public const string DefaultAudience = "marketingdev-api";

    /// <summary>The identity provider (OpenID Connect discovery at {Authority}/.well-known/openid-configuration).</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>The claim whose value is the person's role (e.g. "roles" for Entra ID app roles, "groups").</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim shown as the person's name (falls back to preferred_username, then the subject).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>
    /// Identity-provider role values → our roles (Gateway__Jwt__RoleMap__md-leads=lead). Our own role names
    /// (marketing, developer, lead, admin) are always understood; any other value gives no role, hence 403.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A symmetric key (at least 32 characters) for tokens minted locally; refused outside Development.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Why these options cannot run in this environment, or null when they can.</summary>
    public string? Problem(bool isDevelopment) =>
        string.IsNullOrEmpty(DevelopmentSigningKey) ? null
        : !isDevelopment ? "Gateway__Jwt__DevelopmentSigningKey is set outside Development. A symmetric development key would let " +
                           "anyone who knows it sign in as anyone: remove it and configure Gateway__Jwt__Authority instead."
        : DevelopmentSigningKey.Length < 32 ? "Gateway__Jwt__DevelopmentSigningKey must be at least 32 characters long."
        : null;

    internal SymmetricSecurityKey DevelopmentKey() => new(Encoding.UTF8.GetBytes(DevelopmentSigningKey!));
}

internal static class JwtSignIn
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The longest actor id the services store; longer issuer|subject pairs are hashed into it.</summary>
    private const int MaxIdLength = 200;
    private const int MaxNameLength = 200;

    public static AuthenticationBuilder AddJwtSignIn(this AuthenticationBuilder authentication, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JwtSignInOptions.Section).Get<JwtSignInOptions>() ?? new JwtSignInOptions();
        if (options.Problem(environment.IsDevelopment()) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return authentication.AddJwtBearer(Scheme, jwt =>
        {
            // Claims keep the identity provider's names ("sub", "role"), which is what the configuration speaks of.
            jwt.MapInboundClaims = false;
            jwt.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
            jwt.Audience = options.Audience;
            jwt.TokenValidationParameters.ValidAudience = options.Audience;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            if (!string.IsNullOrEmpty(options.DevelopmentSigningKey))
            {
                jwt.TokenValidationParameters.IssuerSigningKey = options.DevelopmentKey();
                jwt.TokenValidationParameters.ValidIssuers = jwt.Authority is null ? [JwtSignInOptions.DevelopmentIssuer] : null;
            }
            else if (jwt.Authority is null)
            {
                // Sign-in is not configured: every bearer token is refused (401), API keys still work.
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [];
            }

            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    // Without a subject every such token would be one and the same actor (ownership, idempotency, limits).
                    if (string.IsNullOrWhiteSpace(context.Principal!.FindFirstValue(JwtRegisteredClaimNames.Sub)))
                    {
                        context.Fail("The token has no subject (sub).");
                        return Task.CompletedTask;
                    }

                    context.Principal = ToActorPrincipal(context.Principal!, options);
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var detail = context.AuthenticateFailure is null
                        ? "Send a bearer token from the identity provider, or an API key in X-Api-Key."
                        : "The bearer token is not valid: " + Describe(context.AuthenticateFailure);
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                        ? "Bearer"
                        : $"Bearer error=\"invalid_token\", error_description=\"{Describe(context.AuthenticateFailure)}\"";
                    await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context.HttpContext,
                        ProblemDetails = ProblemCatalogue.Unauthenticated.Create(detail),
                    });
                },
            };
        });
    }

    /// <summary>
    /// The same claims an API key gives (NameIdentifier, Name, Role), so ActorTokens signs the same kind of actor for both.
    /// The id is namespaced by issuer so that it can never equal an API key's id (a GUID) or another provider's subject.
    /// </summary>
    internal static ClaimsPrincipal ToActorPrincipal(ClaimsPrincipal token, JwtSignInOptions options)
    {
        var issuer = token.FindFirstValue(JwtRegisteredClaimNames.Iss) ?? "";
        var subject = token.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? "";
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, ActorId(issuer, subject)),
            new(ClaimTypes.Name, Bound(token.FindFirstValue(options.NameClaim)
                                       ?? token.FindFirstValue("preferred_username") ?? subject, MaxNameLength)),
        };
        if (RoleOf(token.FindAll(options.RoleClaim).Select(c => c.Value), options) is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.Of(role)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    internal static string ActorId(string issuer, string subject)
    {
        var id = $"jwt:{issuer}|{subject}";
        return id.Length <= MaxIdLength && !id.Any(char.IsControl)
            ? id
            : "jwt:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "|" + subject)));
    }

    /// <summary>The highest role any of the values maps to; none when no value is known (the caller then gets 403).</summary>
    internal static Role? RoleOf(IEnumerable<string> values, JwtSignInOptions options)
    {
        Role? best = null;
        foreach (var value in values)
        {
            var name = options.RoleMap.TryGetValue(value, out var mapped) ? mapped : value;
            if (WireName.TryParse<Role>(name, out var role) && (best is null || role > best))
            {
                best = role;
            }
        }

        return best;
    }

    private static string Bound(string text, int max)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= max ? clean : clean[..max];
    }

    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token is from an issuer this API does not trust",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the signature is not valid",
        _ => "it could not be validated",
    };
}

/// <summary>
/// Mints a development token for curl: `dotnet run --project src/Gateway -- mint-token --role lead --name ana`.
/// It only works where the Gateway would accept it: in Development, with Gateway__Jwt__DevelopmentSigningKey set.
/// </summary>
internal static class DevelopmentTokens
{
    public const string Command = "mint-token";

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter error)
    {
        var options = configuration.GetSection(JwtSignInOptions.Section).Get<JwtSignInOptions>() ?? new JwtSignInOptions();
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(options.DevelopmentSigningKey))
        {
            error.WriteLine("mint-token needs the Development environment and Gateway__Jwt__DevelopmentSigningKey (appsettings.Development.json has one).");
            return 2;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var role = values.GetValueOrDefault("role", "marketing");
        if (!WireName.TryParse<Role>(role, out _))
        {
            error.WriteLine($"Unknown role '{role}'; one of {WireName.Names<Role>()}.");
            return 2;
        }

        var name = values.GetValueOrDefault("name", role);
        var minutes = int.TryParse(values.GetValueOrDefault("minutes"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 60;
        output.WriteLine(Mint(options, values.GetValueOrDefault("sub", name), name, role, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(minutes)));
        return 0;
    }

    public static string Mint(JwtSignInOptions options, string subject, string name, string role, DateTimeOffset now, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSignInOptions.DevelopmentIssuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [options.NameClaim] = name,
                [options.RoleClaim] = role,
            },
            SigningCredentials = new SigningCredentials(options.DevelopmentKey(), SecurityAlgorithms.HmacSha256),
        });
}
