namespace MarketingDev.ServiceDefaults.Errors;

/// <summary>
/// Failures a use case reports in the domain's words. The gRPC layer turns them into status codes (and the Gateway
/// into problem details); domain code never throws RpcException.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The thing asked for does not exist.</summary>
public sealed class NotFoundException(string what, string id) : DomainException($"{what} '{id}' was not found.");

/// <summary>The input is malformed; each error names the field path it is about.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldError> errors)
    : DomainException("The input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public InvalidInputException(string field, string message) : this([new FieldError(field, message)])
    {
    }
}

/// <summary>The change is well formed but the aggregate's state does not allow it (an illegal transition).</summary>
public sealed class ConflictException(string message, IReadOnlyList<string>? allowed = null) : DomainException(message)
{
    public IReadOnlyList<string> Allowed { get; } = allowed ?? [];
}

/// <summary>The change is well formed but its content is not acceptable yet (for example, not ready to submit).</summary>
public sealed class UnprocessableException(string message, string detailsJson) : DomainException(message)
{
    public string DetailsJson { get; } = detailsJson;
}

/// <summary>The caller edited a version that is no longer current.</summary>
public sealed class StaleVersionException(int expected, int current)
    : DomainException($"Version {expected} is stale; the current version is {current}.")
{
    public int Current { get; } = current;
}

/// <summary>The caller's role may not do this to this aggregate.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

public sealed record FieldError(string Field, string Message);
