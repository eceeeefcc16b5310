using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>
/// The projection rows (and Metrics' own records) the formulas read. The lists are never changed once given here: what
/// is derived from them is kept per list (<see cref="MetricIndex"/>).
/// </summary>
public sealed record MetricInputs(
    IReadOnlyList<RequestRow> Requests,
    IReadOnlyList<BugRow> Bugs,
    IReadOnlyList<RoadblockRow> Roadblocks,
    IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<ActionItemRow> ActionItems,
    IReadOnlyList<SessionRow> Sessions,
    IReadOnlyList<SearchCountRow> SearchCounts,
    IReadOnlyList<GapRow> Gaps,
    IReadOnlyList<QuestionRow> Questions,
    IReadOnlyList<ArticleRow> Articles,
    IReadOnlyList<SurveyResponse> SurveyResponses,
    IReadOnlyList<Outcome> Outcomes)
{
    public static readonly MetricInputs Empty = new([], [], [], [], [], [], [], [], [], [], [], []);
}
