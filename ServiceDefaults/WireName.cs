using System.Text.Json;

namespace MarketingDev.ServiceDefaults;

/// <summary>Enums travel as camelCase names ("landingPage") over gRPC and REST; numbers are never accepted.</summary>
public static class WireName
{
    public static string ToWire<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value);
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(ToWire));
}
