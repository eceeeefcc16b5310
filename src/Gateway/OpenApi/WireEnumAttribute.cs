using System.Text.Json;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// Declares the closed set of camelCase strings a string field or query parameter takes on the wire, so the API document
/// lists them as an enum. Give the enum the value maps to, or the
/// names themselves where no enum exists yet. A proto enum's X_UNSPECIFIED member is left out.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class WireEnumAttribute : Attribute
{
    public WireEnumAttribute(Type protoEnum)
    {
        ArgumentNullException.ThrowIfNull(protoEnum);
        ProtoEnum = protoEnum;
        Values = Enum.GetValues(protoEnum).Cast<Enum>()
            .Where(v => !v.ToString().EndsWith("Unspecified", StringComparison.Ordinal))
            .Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))
            .ToArray();
    }

    /// <param name="names">The names, comma-separated ("low,medium,high"): attribute arguments must be constants.</param>
    public WireEnumAttribute(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Values = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public Type? ProtoEnum { get; }

    public string? Names { get; }

    public IReadOnlyList<string> Values { get; }
}
