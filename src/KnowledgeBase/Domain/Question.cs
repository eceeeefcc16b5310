using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>The "tap on the shoulder" made visible: asked by anyone, answered by a developer, lead or admin.</summary>
public sealed class Question
{
    private Question()
    {
    }

    public Guid Id { get; private set; }
    public long Seq { get; private set; }
    public string Text { get; private set; } = "";
    public string AskedById { get; private set; } = "";
    public string AskedByName { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public List<Guid> SuggestedArticleIds { get; private set; } = [];
    public QuestionStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? FaqArticleId { get; private set; }

    public static Question Ask(string text, IReadOnlyList<Guid> suggestions, Actor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Text = text,
        AskedById = actor.Id,
        AskedByName = actor.Name,
        AskedAt = now,
        SuggestedArticleIds = [.. suggestions],
        Status = QuestionStatus.Open,
    };

    public void Answered(string answer, Guid? faqArticleId, Actor actor, DateTimeOffset now)
    {
        Status = QuestionStatus.Answered;
        Answer = answer;
        AnsweredById = actor.Id;
        AnsweredByName = actor.Name;
        AnsweredAt = now;
        FaqArticleId = faqArticleId;
    }
}
