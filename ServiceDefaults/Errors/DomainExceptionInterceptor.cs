using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Status = Google.Rpc.Status;

namespace MarketingDev.ServiceDefaults.Errors;

/// <summary>
/// Maps domain failures to gRPC statuses in the standard rich error model (google.rpc.Status in grpc-status-details-bin:
/// BadRequest field violations, PreconditionFailure, ErrorInfo), so that the Gateway answers with precise problem
/// details without knowing any rule of the service. Texts are bounded: an error that echoes a 64 KB input must not
/// outgrow the trailers a client accepts (it would turn a 400 into a 503).
/// </summary>
public sealed class DomainExceptionInterceptor : Interceptor
{
    private const int MaxText = 1_000;
    private const int MaxViolations = 100;

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
        catch (Exception ex) when (IsUnstorableText(ex))
        {
            // PostgreSQL refuses NUL characters in text (22021) and in JSON (22P05): that is the caller's input, not our fault.
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "#", Description = "Text must not contain NUL (\\u0000) characters." });
            throw new Status
            {
                Code = (int)Code.InvalidArgument,
                Message = "The input contains a character that cannot be stored.",
                Details = { Any.Pack(badRequest) },
            }.ToRpcException();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Another caller changed the same aggregate between our read and our write.
            throw new Status
            {
                Code = (int)Code.FailedPrecondition,
                Message = "The resource was changed concurrently; read it again and retry.",
                Details = { Any.Pack(Info(ErrorDetails.Concurrency)) },
            }.ToRpcException();
        }
    }

    public static RpcException ToRpcException(DomainException ex)
    {
        var status = new Status { Message = Bound(ex.Message) };
        switch (ex)
        {
            case NotFoundException:
                status.Code = (int)Code.NotFound;
                status.Details.Add(Any.Pack(Info(ErrorDetails.NotFound)));
                break;
            case InvalidInputException invalid:
                status.Code = (int)Code.InvalidArgument;
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Errors.Take(MaxViolations).Select(e => new BadRequest.Types.FieldViolation
                {
                    Field = Bound(e.Field), Description = Bound(e.Message),
                }));
                status.Details.Add(Any.Pack(badRequest));
                break;
            case ConflictException conflict:
                status.Code = (int)Code.FailedPrecondition;
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "STATE", Description = Bound(ex.Message) });
                status.Details.Add(Any.Pack(failure));
                var info = Info(ErrorDetails.Conflict);
                if (conflict.Allowed.Count > 0)
                {
                    info.Metadata[ErrorDetails.AllowedKey] = JsonSerializer.Serialize(conflict.Allowed, ErrorDetails.Json);
                }

                status.Details.Add(Any.Pack(info));
                break;
            case UnprocessableException unprocessable:
                status.Code = (int)Code.OutOfRange;
                var unprocessableInfo = Info(ErrorDetails.Unprocessable);
                unprocessableInfo.Metadata[ErrorDetails.DetailsKey] = unprocessable.DetailsJson;
                status.Details.Add(Any.Pack(unprocessableInfo));
                break;
            case StaleVersionException stale:
                status.Code = (int)Code.Aborted;
                var staleInfo = Info(ErrorDetails.StaleVersion);
                staleInfo.Metadata[ErrorDetails.CurrentVersionKey] = stale.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
                status.Details.Add(Any.Pack(staleInfo));
                break;
            case ForbiddenException:
                status.Code = (int)Code.PermissionDenied;
                status.Details.Add(Any.Pack(Info(ErrorDetails.Forbidden)));
                break;
            default:
                status.Code = (int)Code.Internal;
                break;
        }

        return status.ToRpcException();
    }

    private static bool IsUnstorableText(Exception ex) =>
        (ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException) is { SqlState: "22021" or "22P05" };

    private static ErrorInfo Info(string reason) => new() { Reason = reason, Domain = ErrorDetails.Domain };

    private static string Bound(string text) => text.Length <= MaxText ? text : text[..MaxText] + "…";
}

/// <summary>The ErrorInfo reasons and metadata keys services send and the Gateway reads.</summary>
public static class ErrorDetails
{
    public const string Domain = "marketingdev.dev";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Concurrency = "CONCURRENT_CHANGE";
    public const string Unprocessable = "UNPROCESSABLE";
    public const string StaleVersion = "STALE_VERSION";
    public const string Forbidden = "FORBIDDEN";
    public const string AllowedKey = "allowed";
    public const string DetailsKey = "details";
    public const string CurrentVersionKey = "currentVersion";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
