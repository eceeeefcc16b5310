using System.Diagnostics.Metrics;
using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Observability;

/// <summary>
/// The headline metrics as OpenTelemetry instruments, exposed by the Prometheus scrape endpoint (/metrics) as
/// marketingdev_* in base units. Gauges report the last 30 days, as computed by <see cref="HeadlineRefresher"/>; labels
/// are bounded (the event type names Metrics consumes, and median/p85).
/// </summary>
public sealed class HeadlineMetrics
{
    public const string MeterName = "MarketingDev.Metrics";
    private const double SecondsPerDay = 86_400;
    private readonly Counter<long> _stored;
    private volatile Snapshot _latest = new(new Dictionary<string, double?>(), 0);

    public HeadlineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _stored = meter.CreateCounter<long>("marketingdev.metrics.events.stored", description: "Integration events stored by the Metrics service (duplicates excluded).");
        meter.CreateObservableCounter("marketingdev.requests.delivered", () => _latest.DeliveredAllTime, description: "Requests delivered for the first time, all time.");
        Gauge(meter, "marketingdev.request.lead_time", "s", "Submitted to first delivered, last 30 days.", ("leadTimeMedian", "median"), ("leadTimeP85", "p85"));
        Gauge(meter, "marketingdev.request.cycle_time", "s", "First in progress to first delivered, last 30 days.", ("cycleTimeMedian", "median"), ("cycleTimeP85", "p85"));
        Gauge(meter, "marketingdev.requests.returned_ratio", null, "Share of submitted requests returned for information, last 30 days.", ("returnedForInformationRate", null));
        Gauge(meter, "marketingdev.requests.rework_ratio", null, "Share of delivered requests reopened, last 30 days.", ("reworkRate", null));
        Gauge(meter, "marketingdev.requests.first_pass_ready_ratio", null, "Share of submitted requests with no warning and never returned, last 30 days.", ("firstPassReadiness", null));
        Gauge(meter, "marketingdev.requests.on_time_ratio", null, "Share of deliveries on or before the launch date, last 30 days.", ("onTimeRate", null));
        Gauge(meter, "marketingdev.request.clarification_rounds", null, "Clarification rounds per delivered request, last 30 days.", ("clarificationRoundsPerDelivered", null));
        Gauge(meter, "marketingdev.roadblocks.open", null, "Roadblocks open now.", ("openRoadblocks", null));
        Gauge(meter, "marketingdev.action_items.overdue", null, "Action items open past their due date now.", ("overdueActionItems", null));
        Gauge(meter, "marketingdev.knowledge.self_service_ratio", null, "Searches with a result / all searches, last 30 days.", ("selfServiceRate", null));
        Gauge(meter, "marketingdev.knowledge.gaps.open", null, "Knowledge gaps open now.", ("openGaps", null));
        Gauge(meter, "marketingdev.collaboration.score", null, "Pulse-survey mean (1-5), last 30 days.", ("collaborationScore", null));
    }

    public void EventStored(string eventType) => _stored.Add(1, new KeyValuePair<string, object?>("type", eventType));

    public void Update(IReadOnlyDictionary<string, double?> values, long deliveredAllTime) => _latest = new Snapshot(values, deliveredAllTime);

    private void Gauge(Meter meter, string name, string? unit, string description, params (string Metric, string? Statistic)[] series) =>
        meter.CreateObservableGauge(name, () => series
            .Where(s => _latest.Values.GetValueOrDefault(s.Metric) is not null)
            .Select(s => new Measurement<double>(
                _latest.Values[s.Metric]!.Value * (unit == "s" ? SecondsPerDay : 1),
                s.Statistic is null ? [] : [new KeyValuePair<string, object?>("statistic", s.Statistic)])), unit, description);

    private sealed record Snapshot(IReadOnlyDictionary<string, double?> Values, long DeliveredAllTime);
}
