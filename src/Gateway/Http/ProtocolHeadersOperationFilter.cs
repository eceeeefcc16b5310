using MarketingDev.Gateway.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.Http;

/// <summary>Documents the protocol headers (Idempotency-Key, If-Match) on the operations that honour them.</summary>
internal sealed class ProtocolHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Parameters ??= [];
        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique string up to 255 characters (a UUID v4 is advised). A retry with the same key and body gets " +
                              "the first response again and creates nothing; the same key with another body is 422; while the first " +
                              "is still running, 409. Keys are remembered for 24 hours per API key.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }

        if (metadata.OfType<ConditionalWriteAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The ETag of the version you edited; a stale one is refused with 412 and the current ETag.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}

/// <summary>Marks a write that honours If-Match.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConditionalWriteAttribute : Attribute;
