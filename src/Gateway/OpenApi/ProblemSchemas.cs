using MarketingDev.Gateway.Errors;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// The problem documents the Gateway writes (Errors/Problems.cs, GatewayExceptionHandler), as two shared schemas:
/// Problem (RFC 9457 plus traceId, allowed on 409 and the details of a 422 as extra members) and ValidationProblem
/// (a Problem with errors: [{ pointer, detail }]). They replace the ASP.NET types ProducesProblem names, whose
/// shapes are not what the wire carries.
/// </summary>
internal sealed class ProblemSchemas : IDocumentFilter
{
    public const string MediaType = "application/problem+json";
    public const string Problem = "Problem";
    public const string ValidationProblem = "ValidationProblem";
    public const string FieldError = "FieldError";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components!.Schemas!;
        schemas.Remove("ProblemDetails");
        schemas.Remove("HttpValidationProblemDetails");
        schemas[FieldError] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One field that is not valid.",
            Required = new HashSet<string> { "pointer", "detail" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["pointer"] = Text("A JSON pointer into the request body (#/acceptanceCriteria/0/text), or the name of a query parameter."),
                ["detail"] = Text("What is wrong with it."),
            },
            AdditionalPropertiesAllowed = false,
        };
        schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem document. Routes may add members: allowed (409, the moves that are allowed now), and the " +
                          "details of a 422 (for a submit refused by the readiness check: score and findings).",
            Required = new HashSet<string> { "type", "title", "status", "instance", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Format = "uri",
                    Description = $"A stable identifier of the kind of problem, under {Problems.TypeBase}.",
                },
                ["title"] = Text("A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong this time."),
                ["instance"] = Text("The request path."),
                ["traceId"] = Text("The trace id: quote it when reporting a problem."),
                ["allowed"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    Description = "On a 409 from a state change: the moves allowed from the current state.",
                },
            },
            AdditionalPropertiesAllowed = true,
        };
        schemas[ValidationProblem] = new OpenApiSchema
        {
            Description = "A 400 problem; errors lists the fields that are not valid (absent when the request could not be read at all).",
            AllOf =
            [
                new OpenApiSchemaReference(Problem, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(FieldError, document) },
                    },
                },
            ],
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
