using FluentValidation;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

public sealed record UpdateSeries(string Id, SeriesInput Input, int ExpectedVersion, Actor Actor);

/// <summary>Replaces a series' settings; the new version is the calendar's next SEQUENCE.</summary>
public sealed class UpdateSeriesHandler(MeetingsDbContext db, IValidator<SeriesInput> validator, TimeProvider clock)
{
    public async Task<SyncSeries> HandleAsync(UpdateSeries command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var settings = command.Input.ToSettings();
        SeriesInput.RequireTimeboxesAddUp(settings);
        var series = await db.SeriesAsync(command.Id, ct);
        Organizers.Require(command.Actor);
        if (command.ExpectedVersion != 0 && command.ExpectedVersion != series.Version)
        {
            throw new StaleVersionException(command.ExpectedVersion, series.Version);
        }

        series.Apply(settings, clock.GetStoredUtcNow());
        await db.SaveChangesAsync(ct);
        return series;
    }
}
