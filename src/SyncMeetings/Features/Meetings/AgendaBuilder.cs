using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Meetings;

/// <summary>
/// Builds a timeboxed agenda from a snapshot of the read model. Pure: same input, same agenda.
/// <list type="bullet">
/// <item>initiatives: requests not delivered, rejected or withdrawn, launching between the meeting date and the
/// horizon (inclusive), earliest launch first, then priority; drafts included and flagged, <c>needsKickoff</c> for
/// l/xl estimates without a kick-off, <c>stillRelevant?</c> after 3 weeks without activity;</item>
/// <item>roadblocks: open, highest severity first, then oldest;</item>
/// <item>quick wins: requests marked quick win or estimated xs/s, not yet in progress or done (and not already an
/// initiative), then new ideas collected since the previous meeting;</item>
/// <item>action items: open, overdue first, then by due date.</item>
/// </list>
/// Every item needs at least the minimum minutes. A section fills from its own timebox plus what the sections before
/// it left unused; what does not fit is deferred with the reason. A section whose items fit uses its own timebox
/// (shared evenly, earlier items first for the odd minute) and passes the rest on; the last section's rest is spare.
/// </summary>
public static class AgendaBuilder
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(21);

    private static readonly string[] ClosedStatuses = ["delivered", "rejected", "withdrawn"];
    private static readonly string[] StartedStatuses = ["inProgress", "delivered", "rejected", "withdrawn"];

    public static Domain.Agenda Build(AgendaInput input)
    {
        var settings = input.Settings;
        var startsAt = LocalTimes.StartOf(input.MeetingDate, settings.StartTime, settings.TimeZoneId)
            ?? throw NonexistentStart(input.MeetingDate, settings);

        var candidates = new Dictionary<Section, List<AgendaItem>>
        {
            [Section.Initiatives] = Initiatives(input, startsAt),
            [Section.Roadblocks] = Roadblocks(input),
            [Section.QuickWins] = QuickWins(input),
            [Section.ActionItems] = ActionItems(input),
        };
        // Quick wins that are already initiatives are discussed there, once.
        var initiativeIds = candidates[Section.Initiatives].Select(i => i.ItemId).ToHashSet();
        candidates[Section.QuickWins].RemoveAll(i => i.Kind == AgendaItemKind.Request && initiativeIds.Contains(i.ItemId));

        var sections = new List<AgendaSection>();
        var carried = 0;
        foreach (var timebox in settings.Sections)
        {
            var section = Allot(timebox, carried, candidates[timebox.Section], settings.MinimumItemMinutes);
            carried = section.CarriedInMinutes + section.TimeboxMinutes - section.AllottedMinutes;
            sections.Add(section);
        }

        return new Domain.Agenda(input.MeetingDate, startsAt, settings.DurationMinutes, settings.MinimumItemMinutes, input.Now, sections, carried);
    }

    public static UnprocessableException NonexistentStart(DateOnly date, AgendaSettings settings) => new(
        $"{date:yyyy-MM-dd} at {settings.StartTime:HH\\:mm} does not exist in {settings.TimeZoneId} (the clocks skip it); move the meeting or the series' start time.",
        $$"""{"code":"NONEXISTENT_LOCAL_TIME","date":"{{date:yyyy-MM-dd}}","startTime":"{{settings.StartTime:HH\:mm}}","timeZone":"{{settings.TimeZoneId}}"}""");

    internal static AgendaSection Allot(SectionTimebox timebox, int carriedIn, IReadOnlyList<AgendaItem> items, int minimum)
    {
        var available = timebox.Minutes + carriedIn;
        var fit = Math.Min(items.Count, available / minimum);
        var overflow = fit < items.Count;
        var used = fit == 0 ? 0 : overflow ? available : Math.Max(fit * minimum, Math.Min(timebox.Minutes, available));
        var kept = items.Take(fit).Select((item, i) => item with { Minutes = used / fit + (i < used % fit ? 1 : 0) }).ToList();
        var reason = overflow
            ? $"The {Name(timebox.Section)} timebox is full: {available} min ({timebox.Minutes} own + {carriedIn} carried over) " +
              $"hold {fit} of {items.Count} items at {minimum} min each; carry it to the next sync."
            : null;
        var deferred = items.Skip(fit).Select(item => item with { Minutes = 0, DeferredReason = reason }).ToList();
        return new AgendaSection(timebox.Section, timebox.Minutes, carriedIn, used, kept, deferred);
    }

    private static string Name(Section section) => ServiceDefaults.WireName.ToWire(section);

    private static List<AgendaItem> Initiatives(AgendaInput input, DateTimeOffset startsAt)
    {
        var horizonEnd = input.MeetingDate.AddDays(7 * input.Settings.HorizonWeeks);
        return input.Requests
            .Where(r => !ClosedStatuses.Contains(r.Status) && r.LaunchDate is { } launch && launch >= input.MeetingDate && launch <= horizonEnd)
            .OrderBy(r => r.LaunchDate).ThenByDescending(r => PriorityRank(r.Priority)).ThenBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.RequestId)
            .Select(r =>
            {
                var flags = new List<AgendaMark>();
                if (r.Status == "draft")
                {
                    flags.Add(AgendaMark.Draft);
                }

                if (r.EstimateSize is "l" or "xl" && !r.KickoffHeld)
                {
                    flags.Add(AgendaMark.NeedsKickoff);
                }

                if (startsAt - r.LastActivityAt >= StaleAfter)
                {
                    flags.Add(AgendaMark.StillRelevant);
                }

                return RequestItem(r, flags);
            })
            .ToList();
    }

    private static List<AgendaItem> Roadblocks(AgendaInput input) => input.Roadblocks
        .Where(r => !r.Resolved)
        .OrderByDescending(r => SeverityRank(r.Severity)).ThenBy(r => r.RaisedAt).ThenBy(r => r.RoadblockId)
        .Select(r => new AgendaItem(r.RoadblockId, AgendaItemKind.Roadblock, $"{r.RequestKey} {r.RequestTitle}".Trim(), 0, [],
            RequestId: r.RequestId, RequestKey: r.RequestKey, Severity: r.Severity, Since: r.RaisedAt, Detail: r.Description))
        .ToList();

    private static List<AgendaItem> QuickWins(AgendaInput input)
    {
        var requests = input.Requests
            .Where(r => (r.QuickWin || r.EstimateSize is "xs" or "s") && !StartedStatuses.Contains(r.Status))
            .OrderByDescending(r => PriorityRank(r.Priority)).ThenBy(r => r.LaunchDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.RequestId)
            .Select(r => RequestItem(r, r.Status == "draft" ? [AgendaMark.Draft] : []));
        var ideas = input.Ideas
            .Where(i => i.Status == IdeaStatus.New && i.CreatedAt <= input.Now
                        && (input.PreviousMeetingStartsAt is not { } previous || i.CreatedAt > previous))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.IdeaId)
            .Select(i => new AgendaItem(i.IdeaId, AgendaItemKind.Idea, i.Text, 0, [], Owner: i.By, Since: i.CreatedAt));
        return requests.Concat(ideas).ToList();
    }

    private static List<AgendaItem> ActionItems(AgendaInput input) => input.ActionItems
        .Where(a => a.Status == ActionItemStatus.Open)
        .OrderByDescending(a => a.DueDate < input.MeetingDate).ThenBy(a => a.DueDate).ThenBy(a => a.AssignedAt).ThenBy(a => a.ActionItemId)
        .Select(a => new AgendaItem(a.ActionItemId, AgendaItemKind.ActionItem, a.Title, 0,
            a.DueDate < input.MeetingDate ? [AgendaMark.Overdue] : [], RequestId: a.RequestId, Owner: a.Owner, DueDate: a.DueDate, Since: a.AssignedAt))
        .ToList();

    private static AgendaItem RequestItem(RequestFacts r, IReadOnlyList<AgendaMark> flags) => new(
        r.RequestId, AgendaItemKind.Request, r.Title, 0, flags, RequestId: r.RequestId, RequestKey: r.Key, Status: r.Status,
        Priority: r.Priority, LaunchDate: r.LaunchDate, EstimateSize: r.EstimateSize, Since: r.LastActivityAt);

    internal static int PriorityRank(string priority) => priority switch
    {
        "urgent" => 3,
        "high" => 2,
        "medium" => 1,
        _ => 0,
    };

    internal static int SeverityRank(string severity) => severity switch
    {
        "critical" => 3,
        "high" => 2,
        "medium" => 1,
        _ => 0,
    };
}
