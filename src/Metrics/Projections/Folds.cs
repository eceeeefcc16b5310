using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Contracts.Events.SyncMeetings;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Projections;

/// <summary>
/// Each stream's row is a pure fold of its events in stored order (occurred-at, then arrival), so the row a consumer
/// writes and the row a rebuild writes are the same whatever order the queues delivered them in.
/// </summary>
public static class Folds
{
    public static object Fold(StreamKind kind, Guid streamId, IReadOnlyList<IIntegrationEvent> events) => kind switch
    {
        StreamKind.Request => Request(streamId, events),
        StreamKind.Bug => Bug(streamId, events),
        StreamKind.Roadblock => Roadblock(streamId, events),
        StreamKind.Meeting => Meeting(streamId, events),
        StreamKind.ActionItem => ActionItem(streamId, events),
        StreamKind.Session => Session(streamId, events),
        StreamKind.SearchCount => SearchCount(streamId, events),
        StreamKind.Gap => Gap(streamId, events),
        StreamKind.Question => Question(streamId, events),
        StreamKind.Article => Article(streamId, events),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RequestRow Request(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new RequestRow { RequestId = id };
        DateTimeOffset? returnedAt = null, reopenedAt = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case RequestDrafted d:
                    (row.Key, row.Type, row.Priority, row.LaunchDate, row.Team) = (d.Key, d.Type, d.Priority, d.LaunchDate, d.Team);
                    row.DraftedAt ??= d.OccurredAt;
                    break;
                case RequestEdited d:
                    (row.Key, row.Type, row.Priority, row.LaunchDate, row.Team) = (d.Key, d.Type, d.Priority, d.LaunchDate, d.Team);
                    break;
                case RequestSubmitted s:
                    (row.Key, row.Type, row.Priority, row.LaunchDate) = (s.Key, s.Type, s.Priority, s.LaunchDate);
                    if (row.FirstSubmittedAt is null)
                    {
                        row.FirstSubmittedAt = s.OccurredAt;
                        row.WarningFindings = s.WarningFindings;
                    }

                    if (returnedAt is { } returned)
                    {
                        row.Moments.Add(new RequestMoment { Kind = RequestMoment.Rework, At = s.OccurredAt, Days = WorkingDays.Between(returned, s.OccurredAt) });
                        returnedAt = null;
                    }

                    break;
                case RequestStatusChanged c:
                    (row.Key, row.Type, row.Priority, row.LaunchDate) = (c.Key, c.Type, c.Priority, c.LaunchDate);
                    row.EstimateDays = c.EstimateDays ?? row.EstimateDays;
                    if (c.Kind == RequestMoment.Returned)
                    {
                        row.Returns++;
                        row.Moments.Add(new RequestMoment { Kind = RequestMoment.Returned, At = c.OccurredAt });
                        returnedAt ??= c.OccurredAt;
                    }
                    else if (c.Kind == RequestMoment.Reopened)
                    {
                        row.Reopens++;
                        row.Moments.Add(new RequestMoment { Kind = RequestMoment.Reopened, At = c.OccurredAt });
                        reopenedAt ??= c.OccurredAt;
                    }

                    if (c.To == "ready")
                    {
                        row.FirstReadyAt ??= c.OccurredAt;
                    }
                    else if (c.To == "inProgress" && c.Kind != RequestMoment.Reopened)
                    {
                        row.FirstInProgressAt ??= c.OccurredAt;
                    }

                    break;
                case RequestDelivered d:
                    (row.Key, row.Type, row.Priority, row.LaunchDate) = (d.Key, d.Type, d.Priority, d.LaunchDate);
                    if (row.FirstDeliveredAt is null)
                    {
                        row.FirstDeliveredAt = d.OccurredAt;
                        row.ActualDays = d.ActualDays;
                        row.EstimateDays = d.EstimateDays ?? row.EstimateDays;
                        row.FirstSubmittedAt ??= d.SubmittedAt;
                    }

                    if (reopenedAt is { } reopened)
                    {
                        row.Moments.Add(new RequestMoment { Kind = RequestMoment.Rework, At = d.OccurredAt, Days = WorkingDays.Between(reopened, d.OccurredAt) });
                        reopenedAt = null;
                    }

                    break;
                case RequestEstimated est:
                    row.Key = est.Key;
                    row.EstimateDays = est.Days;
                    break;
                case ClarificationRequested q:
                    row.Key = q.RequestKey;
                    row.Clarifications++;
                    row.Moments.Add(new RequestMoment { Kind = RequestMoment.Clarification, At = q.OccurredAt });
                    break;
            }
        }

        return row;
    }

    public static BugRow Bug(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new BugRow { BugId = id };
        foreach (var e in events.OfType<BugReported>())
        {
            (row.RequestId, row.ReportedAt) = (e.RequestId, e.OccurredAt);
        }

        return row;
    }

    public static RoadblockRow Roadblock(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new RoadblockRow { RoadblockId = id };
        foreach (var e in events)
        {
            switch (e)
            {
                case RoadblockRaised r:
                    (row.RequestId, row.RaisedAt) = (r.RequestId, r.OccurredAt);
                    break;
                case RoadblockResolved r:
                    (row.RequestId, row.ResolvedAt) = (r.RequestId, r.OccurredAt);
                    row.RaisedAt = row.RaisedAt == default ? r.RaisedAt : row.RaisedAt;
                    break;
            }
        }

        return row;
    }

    public static MeetingRow Meeting(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new MeetingRow { MeetingId = id };
        foreach (var e in events.OfType<MeetingCompleted>())
        {
            (row.HeldAt, row.PlannedMinutes, row.ActualMinutes) = (e.OccurredAt, e.PlannedMinutes, e.ActualMinutes);
            row.Attendance = Attendance(e.AttendanceByFunction);
        }

        return row;
    }

    public static ActionItemRow ActionItem(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new ActionItemRow { ActionItemId = id };
        foreach (var e in events)
        {
            switch (e)
            {
                case ActionItemAssigned a:
                    (row.AssignedAt, row.DueDate) = (a.OccurredAt, a.DueDate);
                    break;
                case ActionItemCompleted c:
                    (row.CompletedAt, row.DueDate) = (c.OccurredAt, c.DueDate);
                    row.AssignedAt ??= c.AssignedAt;
                    break;
            }
        }

        return row;
    }

    public static SessionRow Session(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new SessionRow { SessionId = id };
        foreach (var e in events.OfType<SessionHeld>())
        {
            (row.HeldAt, row.Type, row.DurationMinutes) = (e.OccurredAt, e.Type, e.DurationMinutes);
            row.Attendance = Attendance(e.AttendanceByFunction);
        }

        return row;
    }

    public static SearchCountRow SearchCount(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new SearchCountRow { EventId = id };
        foreach (var e in events.OfType<KnowledgeSearchesCounted>())
        {
            (row.CountedAt, row.Searches, row.SearchesWithResult) = (e.OccurredAt, e.Searches, e.SearchesWithResult);
        }

        return row;
    }

    public static GapRow Gap(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new GapRow { GapId = id };
        foreach (var e in events)
        {
            switch (e)
            {
                case KnowledgeGapRecorded r:
                    row.RecordedAt ??= r.OccurredAt;
                    break;
                case KnowledgeGapClosed c:
                    row.ClosedAt = c.OccurredAt;
                    row.RecordedAt ??= c.RecordedAt;
                    break;
            }
        }

        return row;
    }

    public static QuestionRow Question(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new QuestionRow { QuestionId = id };
        foreach (var e in events)
        {
            switch (e)
            {
                case QuestionAsked a:
                    row.AskedAt = a.OccurredAt;
                    break;
                case QuestionAnswered a:
                    row.AnsweredAt ??= a.OccurredAt;
                    row.AskedAt ??= a.AskedAt;
                    break;
            }
        }

        return row;
    }

    public static ArticleRow Article(Guid id, IReadOnlyList<IIntegrationEvent> events)
    {
        var row = new ArticleRow { ArticleId = id };
        foreach (var e in events)
        {
            switch (e)
            {
                case ArticlePublished p:
                    (row.Kind, row.ReviewIntervalDays) = (p.Kind, p.ReviewIntervalDays);
                    row.PublishedAt ??= p.OccurredAt;
                    row.LastReviewedAt = p.OccurredAt;
                    break;
                case ArticleRevised r:
                    (row.Kind, row.ReviewIntervalDays, row.LastReviewedAt) = (r.Kind, r.ReviewIntervalDays, r.OccurredAt);
                    row.PublishedAt ??= r.OccurredAt;
                    break;
                case ArticleReviewed r:
                    (row.Kind, row.ReviewIntervalDays, row.LastReviewedAt) = (r.Kind, r.ReviewIntervalDays, r.OccurredAt);
                    break;
                case ArticleDeleted d:
                    (row.Kind, row.DeletedAt) = (d.Kind, d.OccurredAt);
                    break;
            }
        }

        return row;
    }

    private static List<FunctionCount> Attendance(IReadOnlyDictionary<string, int> byFunction) =>
        byFunction.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new FunctionCount { Function = p.Key, Count = p.Value }).ToList();
}
