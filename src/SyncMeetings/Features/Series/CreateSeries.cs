using FluentValidation;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

public sealed record CreateSeries(SeriesInput Input, Actor Actor);

/// <summary>Leads and admins set up a sync series; the answer carries advice (group size, both functions present).</summary>
public sealed class CreateSeriesHandler(MeetingsDbContext db, IValidator<SeriesInput> validator, TimeProvider clock)
{
    public async Task<SyncSeries> HandleAsync(CreateSeries command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var settings = command.Input.ToSettings();
        SeriesInput.RequireTimeboxesAddUp(settings);
        Organizers.Require(command.Actor);

        var series = SyncSeries.Create(settings, command.Actor.Id, command.Actor.Name, clock.GetStoredUtcNow());
        db.Series.Add(series);
        await db.SaveChangesAsync(ct);
        return series;
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
