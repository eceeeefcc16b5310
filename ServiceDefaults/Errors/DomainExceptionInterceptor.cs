using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MarketingDev.ServiceDefaults.Errors;

/// <summary>
/// Maps domain failures to gRPC status codes with machine-readable trailers, so that the Gateway can answer with
/// precise problem details without knowing any rule of the service.
/// </summary>
public sealed class DomainExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainException ex)
        {
            throw ToRpcException(ex);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Another caller changed the same aggregate between our read and our write.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The resource was changed concurrently; read it again and retry."));
        }
    }

    public static RpcException ToRpcException(DomainException ex)
    {
        var trailers = new Metadata();
        var code = ex switch
        {
            NotFoundException => StatusCode.NotFound,
            InvalidInputException invalid => WithTrailer(trailers, ErrorTrailers.FieldErrors, JsonSerializer.Serialize(invalid.Errors, ErrorTrailers.Json), StatusCode.InvalidArgument),
            ConflictException conflict => WithTrailer(trailers, ErrorTrailers.Allowed, JsonSerializer.Serialize(conflict.Allowed, ErrorTrailers.Json), StatusCode.FailedPrecondition),
            UnprocessableException unprocessable => WithTrailer(trailers, ErrorTrailers.Details, unprocessable.DetailsJson, StatusCode.OutOfRange),
            StaleVersionException stale => WithTrailer(trailers, ErrorTrailers.CurrentVersion, stale.Current.ToString(), StatusCode.Aborted),
            ForbiddenException => StatusCode.PermissionDenied,
            _ => StatusCode.Internal,
        };
        return new RpcException(new Status(code, ex.Message), trailers);
    }

    private static StatusCode WithTrailer(Metadata trailers, string key, string value, StatusCode code)
    {
        trailers.Add(key, System.Text.Encoding.UTF8.GetBytes(value));
        return code;
    }
}

/// <summary>Trailer names shared by services (writers) and the Gateway (reader); binary (-bin) so any UTF-8 text travels.</summary>
public static class ErrorTrailers
{
    public const string FieldErrors = "md-field-errors-bin";
    public const string Allowed = "md-allowed-bin";
    public const string Details = "md-details-bin";
    public const string CurrentVersion = "md-current-version-bin";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
