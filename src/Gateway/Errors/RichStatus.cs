using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Gateway.Errors;

/// <summary>Reads the standard rich error details (google.rpc.Status) a service attached to a failed call.</summary>
internal static class RichStatus
{
    public static IReadOnlyList<Problems.FieldError> FieldErrors(RpcException rpc) =>
        rpc.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
            ? badRequest.FieldViolations.Select(v => new Problems.FieldError(v.Field, v.Description)).ToList()
            : [];

    public static string? Metadata(RpcException rpc, string key) =>
        rpc.GetRpcStatus()?.GetDetail<ErrorInfo>() is { } info && info.Metadata.TryGetValue(key, out var value) ? value : null;

    public static IReadOnlyList<string> Allowed(RpcException rpc) =>
        Metadata(rpc, ErrorDetails.AllowedKey) is { } json ? JsonSerializer.Deserialize<List<string>>(json, ErrorDetails.Json) ?? [] : [];

    public static JsonElement? Details(RpcException rpc) =>
        Metadata(rpc, ErrorDetails.DetailsKey) is { } json ? JsonSerializer.Deserialize<JsonElement>(json, ErrorDetails.Json) : null;

    public static int? CurrentVersion(RpcException rpc) =>
        int.TryParse(Metadata(rpc, ErrorDetails.CurrentVersionKey), System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
}
