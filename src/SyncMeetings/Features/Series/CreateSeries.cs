using FluentValidation;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first series.</summary>
public sealed record CreateSeries(SeriesInput Input, Actor Actor, string? IdempotencyKey = null);

/// <summary>Leads and admins set up a sync series; the answer carries advice (group size, both functions present).</summary>
public sealed class CreateSeriesHandler(MeetingsDbContext db, IValidator<SeriesInput> validator, TimeProvider clock)
{
    public async Task<SyncSeries> HandleAsync(CreateSeries command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var settings = command.Input.ToSettings();
        SeriesInput.RequireTimeboxesAddUp(settings);
        Organizers.Require(command.Actor);
        if (await db.CreatedEarlierAsync<SyncSeries>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var series = SyncSeries.Create(settings, command.Actor.Id, command.Actor.Name, now);
        db.Series.Add(series);
        db.RememberCreated<SyncSeries>(command.IdempotencyKey, command.Actor.Id, series.Id, now);
        return await db.SaveChangesOrEarlierAsync<SyncSeries>(command.IdempotencyKey, command.Actor.Id, ct) ?? series;
    }
}

/// <summary>Who runs the syncs: leads and admins manage series and meetings.</summary>
public static class Organizers
{
    public static void Require(Actor actor)
    {
        if (!actor.IsLeadOrAdmin)
        {
            throw new ForbiddenException("Only leads and admins manage sync series and meetings.");
        }
    }
}
