using MarketingDev.Contracts.Events;
using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Features.Demo;

/// <summary>
/// A simulated half-year of a marketing and a development team, as the events their services would have published:
/// a baseline quarter of poorly specified requests (returns, clarification rounds, slow scoping, late and reopened
/// deliveries, bugs, long kick-offs, interruptions) and a quarter with the practices in place. Only the simulated
/// behaviour differs between the quarters; every number the metrics show is computed from these events as usual.
/// Deterministic: the same seed gives the same events with the same ids (whatever the day, only the calendar moves),
/// so seeding twice stores nothing new.
/// </summary>
public sealed record DemoHistory(
    IReadOnlyList<IIntegrationEvent> Events,
    IReadOnlyList<SurveyResponse> SurveyResponses,
    IReadOnlyList<Outcome> Outcomes,
    DateTimeOffset BaselineFrom,
    DateTimeOffset BaselineTo,
    DateTimeOffset End)
{
    public const int DefaultSeed = 20261126;
    public const int QuarterWeeks = 13;

    private static readonly string[] Teams = ["growth", "brand", "lifecycle"];
    private static readonly string[] Types = ["landingPage", "email", "tracking", "integration"];

    /// <param name="end">The history ends at the Monday (00:00 UTC) of end's week; nothing lies after it.</param>
    /// <param name="requestsPerWeek">Requests drafted per week in each quarter (the benchmark raises it to reach 100,000 events).</param>
    /// <param name="quarters">Baseline quarters (one by default) followed by as many quarters with the practices.</param>
    public static DemoHistory Generate(DateTimeOffset end, int seed = DefaultSeed, int requestsPerWeek = 4, int quarters = 1)
    {
        var weekEnd = MondayOf(end);
        var weeks = QuarterWeeks * quarters * 2;
        var start = weekEnd.AddDays(-7 * weeks);
        var random = new Random(seed);
        var ids = new Random(seed ^ 0x5eed);
        Func<Guid> id = () =>
        {
            Span<byte> bytes = stackalloc byte[16];
            ids.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        };

        var events = new List<IIntegrationEvent>();
        var surveys = new List<SurveyResponse>();
        var outcomes = new List<Outcome>();
        var requestNumber = 0;
        for (var week = 0; week < weeks; week++)
        {
            var monday = start.AddDays(7 * week);
            var practices = week >= weeks / 2;
            var p = practices ? Behaviour.WithPractices : Behaviour.Baseline;
            for (var n = 0; n < requestsPerWeek; n++)
            {
                var request = Request(++requestNumber, monday.AddDays(random.Next(0, 5)).AddHours(9 + random.Next(0, 8)), p, random, id);
                events.AddRange(request.Events);
                if (request.DeliveredAt is { } delivered && random.NextDouble() < 0.5)
                {
                    var baseline = 100 + random.Next(0, 400);
                    var target = baseline * 1.3;
                    var met = random.NextDouble() < p.OutcomeMet;
                    outcomes.Add(new Outcome
                    {
                        Id = id(), RequestId = request.Id, Kpi = "Sign-ups per week", Baseline = baseline, Target = Math.Round(target),
                        Actual = Math.Round(met ? target * (1 + random.NextDouble() * 0.3) : baseline * (1 + random.NextDouble() * 0.25)),
                        MeasuredAt = DateOnly.FromDateTime(delivered.AddDays(21).UtcDateTime), RecordedAt = delivered.AddDays(21), RecordedBy = "demo",
                    });
                }
            }

            Week(events, week, monday, p, random, id);
            for (var n = 0; n < 3; n++)
            {
                var score = (int low) => Math.Clamp(low + random.Next(0, 3), 1, 5);
                surveys.Add(new SurveyResponse
                {
                    Id = id(), Function = n == 0 ? "marketing" : n == 1 ? "development" : random.Next(0, 2) == 0 ? "design" : "product",
                    Communication = score(p.SurveyLow), Clarity = score(p.SurveyLow), Trust = score(p.SurveyLow + 1), Speed = score(p.SurveyLow),
                    RecordedAt = monday.AddDays(4).AddHours(15),
                });
            }
        }

        // What would lie in the future stays unwritten (drawing it anyway keeps the ids of the rest the same).
        return new DemoHistory(
            events.Where(e => e.OccurredAt < weekEnd).OrderBy(e => e.OccurredAt).ToList(),
            surveys,
            outcomes.Where(o => o.RecordedAt < weekEnd).ToList(),
            start, start.AddDays(7 * weeks / 2), weekEnd);
    }

    /// <summary>How the teams work: the baseline quarter and the quarter with the practices.</summary>
    private sealed record Behaviour(
        double Warnings, double Returned, int Clarifications, int ScopingDays, double Overrun, double Reopened, int Bugs, double Roadblock,
        int MeetingOverrun, double ActionItemsDone, int KickoffMinutes, int Searches, double SearchHits, int Questions, int Articles,
        int SurveyLow, double OutcomeMet)
    {
        public static readonly Behaviour Baseline = new(0.7, 0.45, 4, 8, 1.5, 0.3, 3, 0.4, 15, 0.55, 95, 40, 0.5, 12, 1, 2, 0.3);
        public static readonly Behaviour WithPractices = new(0.15, 0.1, 1, 4, 0.95, 0.06, 1, 0.15, 2, 0.9, 55, 120, 0.85, 8, 3, 3, 0.7);
    }

    private sealed record SimulatedRequest(Guid Id, List<IIntegrationEvent> Events, DateTimeOffset? DeliveredAt);

    private static SimulatedRequest Request(int number, DateTimeOffset drafted, Behaviour p, Random random, Func<Guid> id)
    {
        var launch = DateOnly.FromDateTime(drafted.AddDays(21 + random.Next(0, 15)).UtcDateTime);
        var script = new RequestScript($"MKT-{number}", Teams[random.Next(Teams.Length)], Types[random.Next(Types.Length)], launch, id);
        var at = drafted;
        DateTimeOffset Later(double minDays, double maxDays) => at = at.AddDays(minDays + random.NextDouble() * (maxDays - minDays));

        script.Drafted(at);
        script.Submitted(Later(0.5, 2), random.NextDouble() < p.Warnings ? 1 + random.Next(0, 3) : 0);
        if (random.NextDouble() < p.Returned)
        {
            script.Returned(Later(1, 3)).Clarification(Later(0.2, 1)).Submitted(Later(1, 4), 0);
        }

        for (var n = random.Next(0, p.Clarifications + 1); n > 0; n--)
        {
            script.Clarification(Later(0.2, 1.5));
        }

        var inReview = Later(0.5, 1);
        script.Reviewed(inReview, Later(p.ScopingDays * 0.5, p.ScopingDays * 1.2));
        var estimate = 2 + random.Next(0, 7);
        script.Estimated(Later(0.1, 0.5), estimate).Started(Later(0.5, 2));
        if (random.NextDouble() < p.Roadblock)
        {
            var raised = Later(0.5, 2);
            script.Roadblock(raised, raised.AddDays(1 + random.NextDouble() * 6));
        }

        var actual = (int)Math.Max(1, Math.Round(estimate * (p.Overrun - 0.2 + random.NextDouble() * 0.4)));
        var delivered = Later(actual * 1.3, actual * 1.5);
        script.Delivered(delivered, estimate, actual);
        if (random.NextDouble() < p.Reopened)
        {
            script.Reopened(Later(2, 8)).Delivered(Later(2, 5), estimate, actual + 2);
        }

        var events = script.Events.ToList();
        for (var n = random.Next(0, p.Bugs + 1); n > 0; n--)
        {
            events.Add(EventScript.Bug(script.Id, delivered.AddDays(1 + random.Next(0, 25)), id));
        }

        return new SimulatedRequest(script.Id, events, delivered);
    }

    /// <summary>The week's sync meeting, its action items, sessions, searches, gaps, questions and articles.</summary>
    private static void Week(List<IIntegrationEvent> events, int week, DateTimeOffset monday, Behaviour p, Random random, Func<Guid> id)
    {
        var tuesday = monday.AddDays(1).AddHours(10);
        events.Add(EventScript.Meeting(tuesday, 30, 30 + random.Next(0, p.MeetingOverrun + 1) - 1,
            new Dictionary<string, int> { ["marketing"] = 3 + random.Next(0, 3), ["development"] = 3 + random.Next(0, 3) }, id));
        for (var n = 0; n < 3; n++)
        {
            var due = DateOnly.FromDateTime(tuesday.AddDays(7).UtcDateTime);
            var (assigned, itemId) = EventScript.ActionItem(tuesday, due, id);
            events.Add(assigned);
            if (random.NextDouble() < p.ActionItemsDone)
            {
                events.Add(EventScript.Completed(itemId, tuesday, due, tuesday.AddDays(1 + random.Next(0, 10)), id));
            }
        }

        // By the week's index, not the calendar: the same draws, hence the same ids, whatever week the seed runs in.
        if (week % 2 == 0)
        {
            events.Add(EventScript.Session("kickoff", monday.AddDays(2).AddHours(14), p.KickoffMinutes + random.Next(-10, 11),
                new Dictionary<string, int> { ["marketing"] = 4, ["development"] = 3 }, id));
        }

        if (week % 4 == 1)
        {
            events.Add(EventScript.Session(p == Behaviour.Baseline ? "devDemo" : "lunchAndLearn", monday.AddDays(3).AddHours(12), 45,
                new Dictionary<string, int> { ["marketing"] = 5 + random.Next(0, 4), ["development"] = 4 }, id));
        }

        var searches = p.Searches + random.Next(0, 20);
        events.Add(EventScript.Searches(monday.AddDays(4).AddHours(18), searches, (long)Math.Round(searches * (p.SearchHits + random.NextDouble() * 0.05)), id));
        var gapId = id();
        var gapAt = monday.AddDays(random.Next(0, 5)).AddHours(11);
        events.Add(EventScript.Gap(gapId, gapAt, id));
        if (random.NextDouble() < p.SearchHits)
        {
            events.Add(EventScript.GapClosed(gapId, gapAt, gapAt.AddDays(2 + random.Next(0, 10)), id));
        }

        for (var n = p.Questions + random.Next(-2, 3); n > 0; n--)
        {
            var question = EventScript.Question(monday.AddDays(random.Next(0, 5)).AddHours(9 + random.Next(0, 8)), id);
            events.Add(question);
            if (random.NextDouble() < 0.8)
            {
                events.Add(EventScript.Answered(question, question.OccurredAt.AddHours(1 + random.Next(0, 24)), id));
            }
        }

        for (var n = 0; n < p.Articles; n++)
        {
            events.Add(EventScript.Article(id(), monday.AddDays(random.Next(0, 5)).AddHours(16), 90, id));
        }
    }

    private static DateTimeOffset MondayOf(DateTimeOffset instant)
    {
        var day = instant.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }
}
