using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Agenda;

/// <summary>The agenda's first block: initiatives launching between today and the horizon, soonest first.</summary>
public sealed class ListUpcomingInitiativesHandler(MeetingsDbContext db, TimeProvider clock)
{
    public const int DefaultHorizonDays = 42;

    public async Task<IReadOnlyList<Initiative>> HandleAsync(int daysAhead, CancellationToken ct)
    {
        var horizon = daysAhead == 0 ? DefaultHorizonDays : daysAhead;
        if (horizon is < 1 or > 365)
        {
            throw new InvalidInputException("#/daysAhead", "Days ahead must be between 1 and 365.");
        }

        var today = DateOnly.FromDateTime(clock.GetStoredUtcNow().UtcDateTime);
        var until = today.AddDays(horizon);
        return await db.Initiatives.AsNoTracking()
            .Where(i => i.LaunchDate >= today && i.LaunchDate <= until)
            .OrderBy(i => i.LaunchDate).ThenBy(i => i.Key)
            .ToListAsync(ct);
    }
}
