using MarketingDev.Gateway.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// The API document (/swagger/v1/swagger.json, OpenAPI 3.0): what the wire does, applied as conventions so that new
/// routes are documented the same way. tests/Gateway.Tests/OpenApi keeps a committed copy of it (the test client is
/// generated from it) and lints it with Redocly; docs/CONTRIBUTING.md says how to regenerate the copy.
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "MarketingDev API",
                Version = "v1",
                Description = "Marketing requests, sync meetings, the knowledge base and collaboration metrics. " +
                              "Every /api route needs a caller (an X-Api-Key header or a bearer token from the identity provider). Errors are " +
                              "RFC 9457 problem details (application/problem+json; GET /api/v1/problems lists every type); calls are " +
                              "rate-limited per caller (RateLimit headers). JSON is camelCase; closed sets are camelCase strings; unknown fields are refused.",
                Contact = new OpenApiContact { Name = "MarketingDev platform team" },
            });
            o.AddServer(new OpenApiServer
            {
                Url = "{scheme}://{authority}",
                Description = "The Gateway; locally http://127.0.0.1:5080 (dotnet run --project AppHost).",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["scheme"] = new() { Default = "http", Enum = ["http", "https"] },
                    ["authority"] = new() { Default = "127.0.0.1:5080", Description = "Host and port of the Gateway." },
                },
            });

            // Each scheme defined here is offered as an alternative on every authenticated operation (ResponseConventionsFilter).
            o.AddSecurityDefinition(ApiKeyDefaults.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.HeaderName,
                Description = "An API key created with POST /api/v1/api-keys (or the bootstrap admin key).",
            });
            o.AddSecurityDefinition(JwtSignIn.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the organisation's identity provider (in Development: dotnet run --project src/Gateway -- mint-token).",
            });

            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<ContractSchemaFilter>();
            o.OperationFilter<Http.ProtocolHeadersOperationFilter>();
            o.OperationFilter<ResponseConventionsFilter>();
            o.OperationFilter<RequestExamples>();
            o.DocumentFilter<ProblemSchemas>();
            o.DocumentFilter<TagDescriptions>();
        });
        return services;
    }
}

/// <summary>One sentence per tag, shown above its operations. A new tag needs a line here (the lint test says so).</summary>
internal sealed class TagDescriptions : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["API keys"] = "Keys for people and tools, each with a role (admin only). Only a key's SHA-256 is stored.",
        ["Requests"] = "Marketing work that needs development: draft, lint for readiness, submit, move through the workflow, estimate.",
        ["Clarifications"] = "Questions developers ask about a request and the requester's answers.",
        ["Roadblocks"] = "Technical roadblocks flagged on a request, reviewed in the sync and resolved.",
        ["Bugs"] = "Structured bug reports, optionally linked to the request they break, with their lifecycle.",
        ["Metrics"] = "Collaboration metrics per period against a baseline, the scorecard, pulse surveys and business outcomes.",
        ["Knowledge base"] = "The living technical requirements document: articles with revisions, search, knowledge gaps, questions, glossary.",
        ["Sync series"] = "The weekly Marketing–Dev sync: its schedule, timeboxes, participants, calendar and ideas backlog.",
        ["Sync meetings"] = "Meetings with an agenda built from live data, notes, action items and ideas.",
        ["Sessions"] = "Cross-functional sessions (dev demos, lunch & learns, workshops, retrospectives) with attendance by function.",
        ["Webhooks"] = "Outbound webhooks: subscriptions to integration events, delivered signed and retried.",
        ["Events"] = "The integration events the system publishes.",
        ["Problems"] = "The problem types the API answers with, one page per type URI.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
