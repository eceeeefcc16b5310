using MarketingDev.Metrics.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Data;

/// <summary>
/// The event store (stored_events), the projections folded from it (truncated and refilled by a rebuild), and what
/// Metrics records itself: survey answers, outcomes and the baseline period.
/// </summary>
public sealed class MetricsDbContext(DbContextOptions<MetricsDbContext> options) : ServiceDbContext(options)
{
    /// <summary>The projection tables, in the order a rebuild truncates them.</summary>
    public static readonly IReadOnlyList<string> ProjectionTables =
        ["requests", "bugs", "roadblocks", "meetings", "action_items", "sessions", "search_counts", "gaps", "questions", "articles"];

    public DbSet<StoredEvent> StoredEvents => Set<StoredEvent>();
    public DbSet<RequestRow> Requests => Set<RequestRow>();
    public DbSet<BugRow> Bugs => Set<BugRow>();
    public DbSet<RoadblockRow> Roadblocks => Set<RoadblockRow>();
    public DbSet<MeetingRow> Meetings => Set<MeetingRow>();
    public DbSet<ActionItemRow> ActionItems => Set<ActionItemRow>();
    public DbSet<SessionRow> Sessions => Set<SessionRow>();
    public DbSet<SearchCountRow> SearchCounts => Set<SearchCountRow>();
    public DbSet<GapRow> Gaps => Set<GapRow>();
    public DbSet<QuestionRow> Questions => Set<QuestionRow>();
    public DbSet<ArticleRow> Articles => Set<ArticleRow>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<BaselinePeriod> Baselines => Set<BaselinePeriod>();
    public DbSet<InputsVersion> InputsVersions => Set<InputsVersion>();
    public DbSet<InputsChange> InputsChanges => Set<InputsChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MetricsDbContext).Assembly);
    }
}
