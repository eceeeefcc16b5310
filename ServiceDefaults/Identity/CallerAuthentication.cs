using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
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
        return builder;
    }

    /// <summary>The verified actor of this call. The authorization policy already refused calls without one.</summary>
    public static Actor GetActor(this ServerCallContext context) =>
        ServiceTokens.ActorOf(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no valid service token."));
}
