using FluentValidation;
using System.Text.Json;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Readiness;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Workflow;

public sealed record TransitionRequest(string Id, RequestStatus To, string? Reason, Actor Actor, int ExpectedVersion);

public sealed class TransitionRequestValidator : AbstractValidator<TransitionRequest>
{
    public TransitionRequestValidator()
    {
        RuleFor(c => c.To).Known("Status");
        RuleFor(c => c.Reason).MaximumLength(TextRules.ReasonMax).WithMessage($"At most {TextRules.ReasonMax} characters.");
    }
}

/// <summary>
/// Moves a request through its lifecycle. Submitting runs the readiness check and is refused (422, with the findings)
/// while an error finding remains. An unknown move is 409 listing the allowed ones; a move the role may not make is 403.
/// Every move is recorded in the history and published (RequestSubmitted, RequestStatusChanged, RequestDelivered).
/// </summary>
public sealed class TransitionRequestHandler(RequestsDbContext db, IValidator<TransitionRequest> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(TransitionRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var to = command.To;

        var request = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var move = Domain.Workflow.Find(request.Status, to)
            ?? throw new ConflictException(
                $"A request that is {WireName.ToWire(request.Status)} cannot become {WireName.ToWire(to)}.",
                Domain.Workflow.AllowedFrom(request.Status).Select(WireName.ToWire).ToList());
        if (!Domain.Workflow.MayMake(move, command.Actor, request.RequesterId))
        {
            throw new ForbiddenException($"A {WireName.ToWire(command.Actor.Role)} may not move this request from {WireName.ToWire(move.From)} to {WireName.ToWire(move.To)}.");
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        // Depends on the move, so it is decided here rather than in the validator.
        if (move.ReasonRequired && reason is null)
        {
            throw new InvalidInputException("#/reason", $"Say why the request is {move.Kind}.");
        }

        var now = clock.GetStoredUtcNow();
        ReadinessReport? readiness = null;
        if (to == RequestStatus.Submitted)
        {
            readiness = ReadinessLinter.Lint(request.Content, DateOnly.FromDateTime(now.UtcDateTime), ReadinessRules.Default);
            if (!readiness.Ready)
            {
                throw new UnprocessableException("The request is not ready to submit: fix the error findings first.",
                    JsonSerializer.Serialize(new { readiness.Score, readiness.Ready, readiness.RulesVersion, Findings = readiness.Findings.Select(ReadinessJson.Of) }, ErrorDetails.Json));
            }
        }

        var from = request.MoveTo(to, now);
        db.RequestChanges.Add(RequestChange.Of(request, command.Actor, move.Kind, now, from, to, reason));
        Publish(request, move, from, reason, command.Actor, readiness, now);
        await db.SaveChangesAsync(ct);
        return request;
    }

    private void Publish(Request request, Move move, RequestStatus from, string? reason, Actor actor, ReadinessReport? readiness, DateTimeOffset now)
    {
        string type = WireName.ToWire(request.Type), priority = WireName.ToWire(request.Priority);
        if (readiness is not null)
        {
            db.Publish(new RequestSubmitted(Guid.CreateVersion7(now), now, request.Id, request.Key, type, priority, request.LaunchDate,
                readiness.Score, request.Requester, actor.Name,
                readiness.Findings.Count(f => f.Severity == Readiness.Severity.Warning), request.Title, request.Details.PlainText()));
        }

        db.Publish(new RequestStatusChanged(Guid.CreateVersion7(now), now, request.Id, request.Key, WireName.ToWire(from), WireName.ToWire(request.Status),
            move.Kind, reason, actor.Name, type, priority, request.LaunchDate,
            request.Estimate is { } e ? WireName.ToWire(e.Size) : null, request.Estimate?.Days));
        if (request.Status == RequestStatus.Delivered)
        {
            var started = DateOnly.FromDateTime((request.StartedAt ?? now).UtcDateTime);
            db.Publish(new RequestDelivered(Guid.CreateVersion7(now), now, request.Id, request.Key, type, priority, request.LaunchDate,
                request.SubmittedAt, request.Estimate?.Days, ReadinessLinter.WorkingDaysBetween(started, DateOnly.FromDateTime(now.UtcDateTime))));
        }
    }
}

/// <summary>Findings as the API spells them (severity in lower case).</summary>
public static class ReadinessJson
{
    public static object Of(Finding f) => new { f.Code, Severity = WireName.ToWire(f.Severity), f.Path, f.Message };
}
