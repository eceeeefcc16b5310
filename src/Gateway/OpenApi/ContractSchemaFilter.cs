using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// Makes each object schema say what the Gateway's JSON options enforce, read from System.Text.Json's own contract of
/// the type (not guessed from C#): a property is <c>required</c> when the body is refused without it (a constructor
/// parameter without a default, RespectRequiredConstructorParameters, or <c>required</c>/[JsonRequired]), and
/// <c>nullable</c> exactly when null is accepted and written (RespectNullableAnnotations). Closed sets of strings get
/// their values from <see cref="WireEnumAttribute"/>.
/// </summary>
internal sealed class ContractSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    private readonly JsonSerializerOptions _json = new(json.Value.SerializerOptions);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target)
        {
            return;
        }

        if (context.MemberInfo is null && context.ParameterInfo is { } parameter)
        {
            ApplyEnum(target, parameter.GetCustomAttribute<WireEnumAttribute>());
            return;
        }

        if (target.Properties is not { Count: > 0 } properties || context.Type.IsPrimitive || context.Type == typeof(string)
            || _json.GetTypeInfo(context.Type) is not { Kind: JsonTypeInfoKind.Object } info)
        {
            return;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var constructorParameter = property.AssociatedParameter;
            if (property.IsRequired || (_json.RespectRequiredConstructorParameters && constructorParameter is { HasDefaultValue: false }))
            {
                required.Add(property.Name);
            }

            var nullable = property.IsGetNullable || (constructorParameter?.IsNullable ?? property.IsSetNullable);
            properties[property.Name] = WithNullability(propertySchema, nullable);
            var wireEnum = property.AttributeProvider?.GetCustomAttributes(typeof(WireEnumAttribute), true).OfType<WireEnumAttribute>().FirstOrDefault()
                ?? constructorParameter?.AttributeProvider?.GetCustomAttributes(typeof(WireEnumAttribute), true).OfType<WireEnumAttribute>().FirstOrDefault();
            ApplyEnum(properties[property.Name] as OpenApiSchema, wireEnum);
        }

        target.Required = required.Count > 0 ? required : null;
    }

    /// <summary>OpenAPI 3.0 cannot put nullable beside a $ref, so a nullable reference becomes an object, nullable, allOf [ref].</summary>
    private static IOpenApiSchema WithNullability(IOpenApiSchema schema, bool nullable)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, AllOf = [reference] };
            case OpenApiSchema { AllOf.Count: 1 } wrapper when !nullable && wrapper.AllOf[0] is OpenApiSchemaReference only
                                                                && wrapper.Properties is not { Count: > 0 }:
                return only;
            case OpenApiSchema inline:
                if (inline.Type is { } type)
                {
                    inline.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                }
                else if (nullable)
                {
                    inline.Type = JsonSchemaType.Null;
                }

                return inline;
            default:
                return schema;
        }
    }

    private static void ApplyEnum(OpenApiSchema? schema, WireEnumAttribute? wireEnum)
    {
        if (schema is null || wireEnum is null)
        {
            return;
        }

        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        // In OpenAPI 3.0 an enum also limits a nullable value: null is allowed only when it is listed.
        target.Enum = wireEnum.Values.Select(v => (JsonNode?)JsonValue.Create(v))
            .Concat(target.Type?.HasFlag(JsonSchemaType.Null) == true ? [null] : [])
            .ToList()!;
    }
}
