using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>The request rows of one scope (all, or one team and type) by drafting, first submission, first readiness, first delivery and moment.</summary>
public sealed class RequestScope
{
    private HashSet<Guid>? _ids;

    public RequestScope(IReadOnlyList<RequestRow> rows)
        : this(rows, new(rows, r => r.DraftedAt), new(rows, r => r.FirstSubmittedAt), new(rows, r => r.FirstReadyAt),
            new(rows, r => r.FirstDeliveredAt), new(MomentsOf(rows), m => m.Moment.At))
    {
    }

    private RequestScope(IReadOnlyList<RequestRow> rows, Timeline<RequestRow> drafted, Timeline<RequestRow> submitted, Timeline<RequestRow> ready,
        Timeline<RequestRow> delivered, Timeline<(RequestRow Row, RequestMoment Moment)> moments) =>
        (Rows, Drafted, Submitted, Ready, Delivered, Moments) = (rows, drafted, submitted, ready, delivered, moments);

    public IReadOnlyList<RequestRow> Rows { get; }

    public Timeline<RequestRow> Drafted { get; }

    public Timeline<RequestRow> Submitted { get; }

    public Timeline<RequestRow> Ready { get; }

    public Timeline<RequestRow> Delivered { get; }

    /// <summary>Each moment (return, reopen, clarification, rework) with its request.</summary>
    public Timeline<(RequestRow Row, RequestMoment Moment)> Moments { get; }

    public HashSet<Guid> Ids => _ids ??= Rows.Select(r => r.RequestId).ToHashSet();

    /// <summary>The scope of rows: these rows without the ones whose id is in changed, with the added rows (the changed ones as they are now).</summary>
    public RequestScope Replace(IReadOnlyList<RequestRow> rows, IReadOnlySet<Guid> changed, IReadOnlyCollection<RequestRow> added)
    {
        bool Removed(RequestRow r) => changed.Contains(r.RequestId);
        return new RequestScope(rows, Drafted.Replace(Removed, added), Submitted.Replace(Removed, added), Ready.Replace(Removed, added),
            Delivered.Replace(Removed, added), Moments.Replace(m => Removed(m.Row), MomentsOf(added)));
    }

    private static IEnumerable<(RequestRow Row, RequestMoment Moment)> MomentsOf(IEnumerable<RequestRow> rows) => rows.SelectMany(r => r.Moments.Select(m => (r, m)));
}
