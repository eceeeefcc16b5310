namespace MarketingDev.SyncMeetings.Domain;

/// <summary>
/// A built agenda: an immutable snapshot stored with its meeting. Sections run in order; what did not fit a section's
/// timebox is listed under its <see cref="AgendaSection.Deferred"/> with the reason, never dropped.
/// </summary>
public sealed record Agenda(
    DateOnly Date,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    int MinimumItemMinutes,
    DateTimeOffset BuiltAt,
    IReadOnlyList<AgendaSection> Sections,
    int SpareMinutes);

/// <summary>One block: its own timebox, the spare minutes it received from the block before, and what it allots.</summary>
public sealed record AgendaSection(
    Section Section,
    int TimeboxMinutes,
    int CarriedInMinutes,
    int AllottedMinutes,
    IReadOnlyList<AgendaItem> Items,
    IReadOnlyList<AgendaItem> Deferred);

/// <summary>
/// One thing to talk about. ItemId is the id of what it is about (request, roadblock, idea or action item), so notes
/// recorded against it survive a refresh of the agenda.
/// </summary>
public sealed record AgendaItem(
    Guid ItemId,
    AgendaItemKind Kind,
    string Title,
    int Minutes,
    IReadOnlyList<AgendaMark> Flags,
    Guid? RequestId = null,
    string? RequestKey = null,
    string? Status = null,
    string? Priority = null,
    DateOnly? LaunchDate = null,
    string? EstimateSize = null,
    string? Severity = null,
    string? Owner = null,
    DateOnly? DueDate = null,
    DateTimeOffset? Since = null,
    string? Detail = null,
    string? DeferredReason = null);
