namespace MarketingDev.Metrics.Domain;

/// <summary>
/// One anonymous pulse-survey answer: no actor is stored, and results are only shown for groups of 3 or more.
/// Metrics owns these (they are not projections and a rebuild leaves them alone).
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public string Function { get; set; } = "";
    public int Communication { get; set; }
    public int Clarity { get; set; }
    public int Trust { get; set; }
    public int Speed { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
