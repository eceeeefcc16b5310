using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>What an author writes, already validated: the same shape for a first publication and for every revision.</summary>
public sealed record ArticleContent(
    ArticleKind Kind, string Title, string Body, IReadOnlyList<string> Tags, string? OwnerTeam, int ReviewIntervalDays, ArticleData Data);

/// <summary>
/// A page of the Marketing Technical Requirements Document. Its current content is the latest revision; every change
/// adds a numbered <see cref="ArticleRevision"/>. Version changes with every revision and review (the ETag).
/// </summary>
public sealed class Article
{
    private Article()
    {
    }

    public Guid Id { get; private set; }
    public long Seq { get; private set; }
    public ArticleKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public List<string> Tags { get; private set; } = [];
    public string? OwnerTeam { get; private set; }
    public int ReviewIntervalDays { get; private set; }
    public ArticleData Data { get; private set; } = new();
    public string SearchFields { get; private set; } = "";
    public int Revision { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedById { get; private set; } = "";
    public string UpdatedByName { get; private set; } = "";
    public DateTimeOffset LastReviewedAt { get; private set; }
    public string LastReviewedById { get; private set; } = "";
    public string LastReviewedByName { get; private set; } = "";
    public DateTimeOffset ReviewDueAt { get; private set; }

    public bool IsStale(DateTimeOffset now) => ReviewDueAt <= now;

    public static (Article Article, ArticleRevision First) Publish(ArticleContent content, string bodyHtml, Actor actor, DateTimeOffset now)
    {
        var article = new Article
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
        };
        var first = article.Apply(content, bodyHtml, actor, "Published", now);
        return (article, first);
    }

    /// <summary>A new revision with this content; writing it also counts as reviewing it.</summary>
    public ArticleRevision Revise(ArticleContent content, string bodyHtml, Actor actor, string changeSummary, DateTimeOffset now) =>
        Apply(content, bodyHtml, actor, changeSummary, now);

    public void Review(Actor actor, DateTimeOffset now)
    {
        MarkReviewed(actor, now);
        Version++;
    }

    private ArticleRevision Apply(ArticleContent content, string bodyHtml, Actor actor, string changeSummary, DateTimeOffset now)
    {
        Kind = content.Kind;
        Title = content.Title;
        Body = content.Body;
        BodyHtml = bodyHtml;
        Tags = [.. content.Tags];
        OwnerTeam = content.OwnerTeam;
        ReviewIntervalDays = content.ReviewIntervalDays;
        Data = content.Data.Copy();
        SearchFields = Data.SearchText();
        Revision++;
        Version++;
        UpdatedAt = now;
        UpdatedById = actor.Id;
        UpdatedByName = actor.Name;
        MarkReviewed(actor, now);
        return ArticleRevision.Of(this, actor, changeSummary, now);
    }

    private void MarkReviewed(Actor actor, DateTimeOffset now)
    {
        LastReviewedAt = now;
        LastReviewedById = actor.Id;
        LastReviewedByName = actor.Name;
        ReviewDueAt = now.AddDays(ReviewIntervalDays);
    }
}
