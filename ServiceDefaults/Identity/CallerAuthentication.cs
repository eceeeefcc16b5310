using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingDev.ServiceDefaults.Identity;

public static class CallerAuthentication
{
    /// <summary>
    /// Every gRPC call must carry a service token signed by the Gateway (Authorization: Bearer); anything else is
    /// refused as Unauthenticated before a handler runs. Health endpoints stay open (MapDefaultEndpoints).
    /// </summary>
    public static IHostApplicationBuilder AddCallerAuthentication(this IHostApplicationBuilder builder)
    {
        var tokens = ServiceTokens.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters();
            });
        builder.Services.AddAuthorization(o =>
            o.FallbackPolicy = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        KeepDataProtectionInMemory(builder.Services);
        return builder;
    }

    /// <summary>
    /// Authentication brings ASP.NET Data Protection, whose hosted service creates and stores a key ring at every start
    /// in the user profile: in a container a directory that dies with it (which it warns about, and then that the key
    /// is stored unencrypted), under a read-only root file system one it cannot write at all. A service protects
    /// nothing that must outlive its process (service tokens are verified with the signing key; no cookies, no
    /// antiforgery), so its Data Protection keys live in memory only and no key ring is created or stored. A service
    /// that starts protecting data must persist (and encrypt) a key ring instead, as the Gateway does.
    /// </summary>
    private static void KeepDataProtectionInMemory(IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var keyRingPreload = services
            .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(KeyManagementOptions).Assembly)
            .ToList();
        foreach (var descriptor in keyRingPreload)
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>The verified actor of this call. The authorization policy already refused calls without one.</summary>
    public static Actor GetActor(this ServerCallContext context) =>
        ServiceTokens.ActorOf(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no valid service token."));
}
