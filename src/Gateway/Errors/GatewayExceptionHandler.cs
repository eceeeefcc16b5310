using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MarketingDev.Gateway.Errors;

/// <summary>
/// Turns everything that escapes an endpoint into problem details: gRPC status codes from the services
/// (NotFound 404, InvalidArgument 400 with field pointers, FailedPrecondition 409, OutOfRange 422, Aborted 412,
/// PermissionDenied 403, Unavailable/DeadlineExceeded 503) and unreadable request bodies (400).
/// </summary>
internal sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            RpcException rpc => FromRpc(rpc, context),
            BadHttpRequestException bad => FromBadRequest(bad),
            ApiProblemException api => api.Problem,
            // The Gateway's own validators (FluentValidation, as in the services) fail with the same exception.
            MarketingDev.ServiceDefaults.Errors.InvalidInputException invalid => Invalid(invalid),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = ProblemCatalogue.Internal.Create("The error has been logged; quote the traceId when reporting it.");
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Invalid(MarketingDev.ServiceDefaults.Errors.InvalidInputException invalid)
    {
        var problem = ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
        problem.Extensions["errors"] = invalid.Errors.Select(e => new Problems.FieldError(e.Field, e.Message)).ToList();
        return problem;
    }

    private ProblemDetails FromRpc(RpcException rpc, HttpContext context)
    {
        switch (rpc.StatusCode)
        {
            case StatusCode.NotFound:
                return ProblemCatalogue.NotFound.Create(rpc.Status.Detail);
            case StatusCode.InvalidArgument:
                var invalid = ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
                invalid.Extensions["errors"] = RichStatus.FieldErrors(rpc);
                return invalid;
            case StatusCode.FailedPrecondition:
                var conflict = ProblemCatalogue.Conflict.Create(rpc.Status.Detail);
                if (RichStatus.Allowed(rpc) is { Count: > 0 } allowed)
                {
                    conflict.Extensions["allowed"] = allowed;
                }

                return conflict;
            case StatusCode.OutOfRange:
                var unprocessable = ProblemCatalogue.Unprocessable.Create(rpc.Status.Detail);
                if (RichStatus.Details(rpc) is { ValueKind: JsonValueKind.Object } details)
                {
                    foreach (var property in details.EnumerateObject())
                    {
                        unprocessable.Extensions[property.Name] = property.Value;
                    }
                }

                return unprocessable;
            case StatusCode.Aborted:
                // Routes marked Conditional() answer this themselves, with the current ETag (see PreconditionFilter).
                return ProblemCatalogue.PreconditionFailed.Create(rpc.Status.Detail);
            case StatusCode.ResourceExhausted:
                return ProblemCatalogue.PayloadTooLarge.Create(rpc.Status.Detail);
            case StatusCode.Unauthenticated:
                // The Gateway signs every call: a service refusing it means the two disagree on the signing key.
                logger.LogError(rpc, "A service refused the Gateway's service token on {Path}; check ServiceAuth__SigningKeys", context.Request.Path);
                context.Response.Headers.RetryAfter = "5";
                return ProblemCatalogue.ServiceUnavailable.Create("Try again shortly.");
            case StatusCode.PermissionDenied:
                return ProblemCatalogue.Forbidden.Create(rpc.Status.Detail);
            case StatusCode.Unavailable or StatusCode.DeadlineExceeded:
                logger.LogWarning(rpc, "A service did not answer on {Path}", context.Request.Path);
                context.Response.Headers.RetryAfter = "5";
                return ProblemCatalogue.ServiceUnavailable.Create("Try again shortly.");
            default:
                logger.LogError(rpc, "A service failed on {Method} {Path}", context.Request.Method, context.Request.Path);
                return ProblemCatalogue.Internal.Create("The error has been logged; quote the traceId when reporting it.");
        }
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemCatalogue.PayloadTooLarge.Create(bad.Message);
        }

        if (bad.InnerException is not JsonException json)
        {
            var known = ProblemCatalogue.ForStatus(bad.StatusCode).Create(bad.Message);
            known.Status = bad.StatusCode;
            return known;
        }

        var error = Describe(json);
        var problem = ProblemCatalogue.MalformedRequest.Create(error.Detail);
        problem.Extensions["errors"] = new[] { error };
        return problem;
    }

    /// <summary>System.Text.Json's messages name .NET types; callers need the field and what is wrong with it.</summary>
    internal static Problems.FieldError Describe(JsonException json)
    {
        var pointer = ToPointer(json.Path ?? "$");
        var message = json.Message;
        if (UnknownField().Match(message) is { Success: true } unknown)
        {
            return new Problems.FieldError(pointer, $"Unknown field '{unknown.Groups[1].Value}'.");
        }

        if (MissingFields().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(',').Select(n => n.Trim().Trim('\'')).ToList();
            return new Problems.FieldError(pointer.TrimEnd('/') + "/" + names[0], $"Missing required field{(names.Count > 1 ? "s" : "")}: {string.Join(", ", names)}.");
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal) || message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return new Problems.FieldError(pointer, "The value has the wrong type or format for this field.");
        }

        return new Problems.FieldError(pointer, "Not valid JSON: " + JsonLocation().Replace(message, "").Trim());
    }

    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnknownField();

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (.*)\\.")]
    private static partial System.Text.RegularExpressions.Regex MissingFields();

    [System.Text.RegularExpressions.GeneratedRegex(" Path: .*$")]
    private static partial System.Text.RegularExpressions.Regex JsonLocation();

    /// <summary>"$.userStory.asA" / "$.acceptanceCriteria[0].text" → "#/userStory/asA" / "#/acceptanceCriteria/0/text".</summary>
    internal static string ToPointer(string jsonPath) =>
        "#" + string.Concat(jsonPath.TrimStart('$').Replace("]", "", StringComparison.Ordinal)
            .Split(['.', '['], StringSplitOptions.RemoveEmptyEntries).Select(s => "/" + s));
}

/// <summary>A problem the Gateway itself detects (a bad header, a stale precondition) before any service is called.</summary>
public sealed class ApiProblemException(ProblemDetails problem) : Exception(problem.Detail)
{
    public ProblemDetails Problem { get; } = problem;
}
