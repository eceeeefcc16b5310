using MarketingDev.Gateway.Errors;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Http;

/// <summary>
/// The Gateway's own limits on URL and header size, answered as problem documents. Kestrel's limits are set above
/// these (GatewayLimits.Configure) because Kestrel answers its own 414 and 431 with an empty body.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var request = context.Request;
        var urlLength = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (urlLength > limits.MaxUrlLength)
        {
            await RefuseAsync(context, ProblemCatalogue.UriTooLong, $"At most {limits.MaxUrlLength} characters of path and query.");
            return;
        }

        var headerBytes = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
        if (headerBytes > limits.MaxHeaderBytes)
        {
            await RefuseAsync(context, ProblemCatalogue.HeadersTooLarge, $"At most {limits.MaxHeaderBytes} bytes of headers.");
            return;
        }

        await next(context);
    }

    private async Task RefuseAsync(HttpContext context, ProblemType problem, string detail)
    {
        context.Response.StatusCode = problem.Status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem.Create(detail) });
    }
}

internal static class GatewayLimits
{
    /// <summary>Body size (413 as a problem document), and Kestrel's own line/header limits above the middleware's.</summary>
    public static void Configure(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, options.MaxUrlLength * 2);
            kestrel.Limits.MaxRequestHeadersTotalSize = Math.Max(kestrel.Limits.MaxRequestHeadersTotalSize, options.MaxHeaderBytes * 2);
            // What Kestrel still refuses itself (malformed or oversized request lines and headers) gets a problem body too.
            kestrel.ConfigureEndpointDefaults(MalformedRequestProblems.Install);
        });
    }
}
