using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MarketingDev.Gateway.Errors;

/// <summary>
/// The one place problem details are shaped (RFC 9457): a stable type URI per problem, the request path as
/// instance, and the trace id so a report can be matched to the logs.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://marketingdev.dev/problems/";

    public static ProblemDetails Create(int status, string type, string title, string? detail = null) => new()
    {
        Status = status,
        Type = TypeBase + type,
        Title = title,
        Detail = detail,
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        if (problem.Type is null or "about:blank" || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            // A bare status from the framework (no route, wrong method, wrong media type): described by the catalogue.
            var known = ProblemCatalogue.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Type = known.Type;
            problem.Title = known.Title;
        }

        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }

    /// <summary>One validation failure: a JSON pointer into the request body (or a query parameter) and what is wrong.</summary>
    public sealed record FieldError(string Pointer, string Detail);
}
