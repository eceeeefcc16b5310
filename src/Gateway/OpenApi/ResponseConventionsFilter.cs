using System.Reflection;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// The answers every operation can give by the Gateway's conventions, added from each endpoint's metadata so that a new
/// route documents them without saying so: 401 (and the security requirement) when it needs a caller, 403 when a role
/// policy guards it or it writes, 400 when it reads a body or query, 404 when its path names a resource, 409/422 with
/// Idempotency-Key, 412 with If-Match, 413 with a body, 429 when rate limited, 503 when it calls a service. Every
/// problem answer uses the shared Problem (or ValidationProblem) schema; headers (ETag, Location, Link, Retry-After)
/// are declared where they are sent; answers that are not JSON are strings. Route-specific statuses stay on the route
/// (<c>.ProducesProblem(409)</c>).
/// </summary>
internal sealed class ResponseConventionsFilter(IOptions<SwaggerGenOptions> swagger, IOptions<RateLimiterOptions> rateLimits) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var responses = operation.Responses ??= [];
        var isGet = string.Equals(description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        var hasPath = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var conditionalWrite = metadata.OfType<ConditionalWriteAttribute>().Any();
        var conditionalRead = isGet && responses.ContainsKey("304");
        var idempotent = metadata.OfType<IdempotentAttribute>().Any();

        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Require(operation, context);
            AddProblem(responses, 401);
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null) || !isGet)
            {
                AddProblem(responses, 403);
            }
        }

        if (hasBody || hasQuery)
        {
            AddProblem(responses, 400);
        }

        if (hasPath)
        {
            AddProblem(responses, 404);
        }

        if (hasBody)
        {
            AddProblem(responses, 413);
        }

        if (idempotent)
        {
            AddProblem(responses, 400);
            AddProblem(responses, 409);
            AddProblem(responses, 422);
            AddHeader(responses["409"], "Retry-After", "Seconds to wait: the first request with this Idempotency-Key is still running.");
        }

        if (conditionalWrite)
        {
            AddProblem(responses, 412);
            AddHeader(responses["412"], "ETag", "The resource's current ETag.");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || rateLimits.Value.GlobalLimiter is not null)
        {
            AddProblem(responses, 429);
            AddHeader(responses["429"], "Retry-After", "Seconds to wait before trying again.");
        }

        if (CallsAService(context.MethodInfo))
        {
            AddProblem(responses, 503);
            AddHeader(responses["503"], "Retry-After", "Seconds to wait before trying again.");
        }

        if (conditionalRead)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag you hold; when it is still current the answer is 304 without a body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            var notModified = responses["304"];
            if (notModified is OpenApiResponse plain)
            {
                plain.Description = "Not modified: the ETag sent in If-None-Match is current.";
                plain.Content = null;
            }

            AddHeader(notModified, "ETag", "The resource's version.");
        }

        // Re-added in order, so that each operation lists its answers by status code.
        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses[status] = response;
            var code = int.TryParse(status, out var number) ? number : 0;
            if (code >= 400)
            {
                responses[status] = Problem(code, response, context.Document);
                continue;
            }

            if (code is >= 200 and < 300)
            {
                TypeNonJsonContent(response);
                if (conditionalRead || conditionalWrite)
                {
                    AddHeader(response, "ETag", "The resource's version; send it in If-Match to change it, in If-None-Match to re-read it.");
                }

                if (code == 201)
                {
                    AddHeader(response, "Location", "Where the created resource (or the list that holds it) is read.");
                    if (HasETagHeader(context.MethodInfo))
                    {
                        AddHeader(response, "ETag", "The created resource's version.");
                    }
                }

                if (IsPage(description, code))
                {
                    AddHeader(response, "Link", "The next page (RFC 8288, rel=\"next\"), absent on the last page.");
                }

                if (idempotent)
                {
                    AddHeader(response, IdempotencyMiddleware.ReplayedHeader, "\"true\" when this is the stored answer to an earlier request with the same Idempotency-Key.");
                }
            }
        }
    }

    /// <summary>Any of the defined schemes authenticates (API key today; more as they are added with AddSecurityDefinition).</summary>
    private void Require(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Security = swagger.Value.SwaggerGeneratorOptions.SecuritySchemes.Keys
            .Select(name => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, context.Document)] = [] })
            .ToList();
    }

    private static bool CallsAService(MethodInfo method) =>
        method.GetParameters().Any(p => p.ParameterType.IsSubclassOf(typeof(Grpc.Core.ClientBase)));

    /// <summary>Handlers that set an ETag take the HttpContext and return a typed result; the conditional ones are known by metadata.</summary>
    private static bool HasETagHeader(MethodInfo method) =>
        method.GetParameters().Any(p => p.ParameterType == typeof(HttpContext)) && ReturnsCreated(method.ReturnType);

    private static bool ReturnsCreated(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Created<>) || type.GetGenericArguments().Any(ReturnsCreated));

    private static bool IsPage(ApiDescription description, int status) =>
        description.SupportedResponseTypes.Any(r => r.StatusCode == status && r.Type is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Page<>));

    private static void AddProblem(OpenApiResponses responses, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.ContainsKey(key))
        {
            responses[key] = new OpenApiResponse();
        }
    }

    /// <summary>Every 4xx/5xx is application/problem+json: a 400 lists the fields (ValidationProblem), the rest are Problem.</summary>
    private static OpenApiResponse Problem(int status, IOpenApiResponse declared, OpenApiDocument document)
    {
        var schema = status == 400 ? ProblemSchemas.ValidationProblem : ProblemSchemas.Problem;
        var description = declared.Description;
        var headers = declared.Headers is { } kept ? new Dictionary<string, IOpenApiHeader>(kept) : [];
        if (status == 401)
        {
            headers.TryAdd("WWW-Authenticate", new OpenApiHeader
            {
                Description = "The scheme to authenticate with.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return new OpenApiResponse
        {
            Description = string.IsNullOrWhiteSpace(description) || description == ReasonPhrases.GetReasonPhrase(status) ? Describe(status) : description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [ProblemSchemas.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) },
            },
            Headers = headers,
        };
    }

    private static string Describe(int status) => status switch
    {
        400 => "The request is not valid: malformed JSON, a wrong type, an unknown or missing field, or a rule the fields break (errors lists them).",
        401 => "No API key, or one that is not valid.",
        403 => "The caller's role may not do this.",
        404 => "No such resource.",
        409 => "The resource's state does not allow this (allowed lists the moves that are).",
        412 => "If-Match names a version that is no longer current.",
        413 => "The request body is too large.",
        422 => "Well-formed but not acceptable as it is (the problem's extra members say why).",
        429 => "Too many requests.",
        503 => "A service did not answer in time; try again after Retry-After seconds.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static void AddHeader(IOpenApiResponse response, string name, string description)
    {
        if (response is not OpenApiResponse target)
        {
            return;
        }

        target.Headers ??= new Dictionary<string, IOpenApiHeader>();
        target.Headers.TryAdd(name, new OpenApiHeader
        {
            Description = description,
            Schema = new OpenApiSchema { Type = name == "Retry-After" ? JsonSchemaType.Integer : JsonSchemaType.String },
        });
    }

    /// <summary>CSV, iCalendar, Markdown and HTML answers are text: their schema is a string, whatever the handler returns.</summary>
    private static void TypeNonJsonContent(IOpenApiResponse response)
    {
        if (response is not OpenApiResponse { Content: { } content })
        {
            return;
        }

        foreach (var (mediaType, media) in content)
        {
            if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && media is OpenApiMediaType target)
            {
                target.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            }
        }
    }
}
