using MarketingDev.ServiceDefaults;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Data;

public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<SyncSeries> Series => Set<SyncSeries>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<TrackedRequest> Requests => Set<TrackedRequest>();
    public DbSet<TrackedRoadblock> Roadblocks => Set<TrackedRoadblock>();

    public async Task<SyncSeries> SeriesAsync(string id, CancellationToken ct) =>
        (Guid.TryParse(id, out var seriesId) ? await Series.SingleOrDefaultAsync(s => s.Id == seriesId, ct) : null)
        ?? throw new ServiceDefaults.Errors.NotFoundException("Series", id);

    public async Task<Meeting> MeetingAsync(string id, CancellationToken ct) =>
        (Guid.TryParse(id, out var meetingId) ? await Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct) : null)
        ?? throw new ServiceDefaults.Errors.NotFoundException("Meeting", id);

    /// <summary>The read-model row of a request, created on the first event about it whatever that event is.</summary>
    public async Task<TrackedRequest> TrackedRequestAsync(Guid requestId, string key, CancellationToken ct)
    {
        var request = await Requests.SingleOrDefaultAsync(r => r.RequestId == requestId, ct);
        if (request is null)
        {
            request = TrackedRequest.New(requestId, key);
            Requests.Add(request);
        }

        request.KnownAs(key, null);
        return request;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MeetingsDbContext).Assembly);
    }
}
