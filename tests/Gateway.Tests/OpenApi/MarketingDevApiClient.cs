using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MarketingDev.Gateway.Tests.OpenApi.Client;

/// <summary>
/// The settings a client of this API needs beyond the document. Leave unset optional fields out: the Gateway refuses
/// null for a field that is not nullable (an optional text field has a default instead), and NSwag writes every
/// property. Enums by their wire names: NSwag puts <c>JsonStringEnumConverter&lt;T&gt;</c> (C# member names,
/// "LandingPage") on every enum property, and System.Text.Json ignores the <c>EnumMember</c> values it also writes, so
/// each enum property gets a camelCase converter instead ("landingPage", "wontFix"), as the document lists them.
/// </summary>
public partial class MarketingDevApiClient
{
    private static readonly System.Reflection.MethodInfo ConverterFor =
        typeof(MarketingDevApiClient).GetMethod(nameof(CamelCaseConverter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>The serializer options this client writes bodies with, for tests that check the wire.</summary>
    internal JsonSerializerOptions SerializerOptions => JsonSerializerSettings;

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { CamelCaseEnums } };
    }

    private static void CamelCaseEnums(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var enumType = underlying ?? property.PropertyType;
            if (enumType.IsEnum)
            {
                property.CustomConverter = (JsonConverter)ConverterFor.MakeGenericMethod(enumType).Invoke(null, [underlying is not null])!;
            }
        }
    }

    private static JsonConverter CamelCaseConverter<T>(bool nullable) where T : struct, Enum =>
        nullable ? new NullableCamelCaseEnum<T>() : new CamelCaseEnum<T>();

    private sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
        where T : struct, Enum;

    private sealed class NullableCamelCaseEnum<T> : JsonConverter<Nullable<T>> where T : struct, Enum
    {
        private static readonly JsonSerializerOptions Names = new() { Converters = { new JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) } };

        public override Nullable<T> Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<T>(ref reader, Names);

        public override void Write(Utf8JsonWriter writer, Nullable<T> value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                JsonSerializer.Serialize(writer, v, Names);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
