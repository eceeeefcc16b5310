using System.Security.Claims;
using FluentValidation;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Errors;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.OpenApi;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Gateway.Endpoints.ApiKeys;

public sealed record CreateApiKeyBody(string Name, [WireEnum(typeof(Role))] string Role);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyView(Guid Id, string Name, [WireEnum(typeof(Role))] string Role, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>The answer to creating a key: the only time the secret is returned.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, [WireEnum(typeof(Role))] string Role, string Prefix, DateTimeOffset CreatedAt, string Key);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyBody>
{
    public CreateApiKeyValidator()
    {
        RuleFor(b => b.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 200)
            .WithMessage("A name of 1 to 200 characters is required: who or what the key belongs to.");
        RuleFor(b => b.Role).Must(role => WireName.TryParse<Role>(role, out _))
            .WithMessage($"Role must be one of: {WireName.Names<Role>()}.");
    }
}

internal static class ApiKeyEndpoints
{
    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithMetadata(new IdempotentAttribute())
            .WithSummary("Create an API key for a person or tool (admin); the key is shown once.")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("List API keys without their secrets (admin).");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key (admin).");
    }

    private static async Task<Created<CreatedApiKey>> CreateAsync(CreateApiKeyBody body, ClaimsPrincipal user, GatewayDbContext db, [FromServices] IValidator<CreateApiKeyBody> validator,
        TimeProvider clock, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(body, ct);
        _ = WireName.TryParse<Role>(body.Role, out var role); // the validator has accepted it
        var (key, secret) = ApiKey.Create(body.Name.Trim(), role, user.PrincipalName(), clock.GetStoredUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new CreatedApiKey(key.Id, key.Name, Roles.Of(key.Role), key.Prefix, key.CreatedAt, secret));
    }

    private static async Task<Ok<List<ApiKeyView>>> ListAsync(GatewayDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.Name, Roles.Of(k.Role), k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid id, GatewayDbContext db, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        key.Revoke(clock.GetStoredUtcNow());
        await db.SaveChangesAsync(ct);
        // Not one more request on this instance: a revoked admin key must not mint keys in a cache window.
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.Hash));
        return TypedResults.NoContent();
    }
}
