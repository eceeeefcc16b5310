namespace MarketingDev.Metrics.Domain;

public sealed class QuestionRow
{
    public Guid QuestionId { get; set; }
    public DateTimeOffset? AskedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
