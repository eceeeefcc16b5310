using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;

namespace MarketingDev.Metrics.Features.Recording;

public sealed record SurveyScores(int Communication, int Clarity, int Trust, int Speed);

/// <summary>
/// Function is a wire name (marketing, development, product, design, other); no actor is kept: answers are anonymous.
/// IdempotencyKey (from the Gateway, already specific to the caller) makes a retry return the first answer; it is
/// stored without an actor id, so it does not tell who answered.
/// </summary>
public sealed record RecordSurveyResponse(string Function, SurveyScores? Scores, string? Comment, string? IdempotencyKey = null);

public sealed class RecordSurveyResponseValidator : AbstractValidator<RecordSurveyResponse>
{
    public static readonly IReadOnlyList<string> Functions = ["marketing", "development", "product", "design", "other"];

    public RecordSurveyResponseValidator()
    {
        RuleFor(c => c.Function).Must(f => Functions.Contains(f)).WithMessage($"Function must be one of: {string.Join(", ", Functions)}.");
        RuleFor(c => c.Scores).NotNull().WithMessage("Scores are required: communication, clarity, trust and speed, each 1 to 5.");
        RuleFor(c => c.Scores!.Communication).InclusiveBetween(1, 5).When(c => c.Scores is not null);
        RuleFor(c => c.Scores!.Clarity).InclusiveBetween(1, 5).When(c => c.Scores is not null);
        RuleFor(c => c.Scores!.Trust).InclusiveBetween(1, 5).When(c => c.Scores is not null);
        RuleFor(c => c.Scores!.Speed).InclusiveBetween(1, 5).When(c => c.Scores is not null);
        RuleFor(c => c.Comment).FilterText(2000);
    }
}

public sealed class RecordSurveyResponseHandler(MetricsDbContext db, TimeProvider clock, RecordSurveyResponseValidator validator)
{
    private const string Anonymous = "";

    public async Task<SurveyResponse> HandleAsync(RecordSurveyResponse command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        if (await db.CreatedEarlierAsync<SurveyResponse>(command.IdempotencyKey, Anonymous, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var scores = command.Scores!;
        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(now),
            Function = command.Function,
            Communication = scores.Communication,
            Clarity = scores.Clarity,
            Trust = scores.Trust,
            Speed = scores.Speed,
            Comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(),
            RecordedAt = now,
        };
        db.SurveyResponses.Add(response);
        db.RememberCreated<SurveyResponse>(command.IdempotencyKey, Anonymous, response.Id, now);
        // The row and its change record commit together: a change recorded apart could be lost (a crash, a cancelled
        // call) and the cached inputs would never see this row. A taken key rolls back to EF's savepoint, so the
        // lookup of the earlier result still runs in this transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveChangesOrEarlierAsync<SurveyResponse>(command.IdempotencyKey, Anonymous, ct) is { } concurrent)
        {
            return concurrent;
        }

        await MetricInputsLoader.RecordChangeAsync(db, InputsChange.SurveyResponse, response.Id, ct);
        await transaction.CommitAsync(ct);
        return response;
    }
}
