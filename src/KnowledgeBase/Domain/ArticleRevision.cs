using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>One numbered, immutable state of an article, with who wrote it and why.</summary>
public sealed class ArticleRevision
{
    private ArticleRevision()
    {
    }

    public long Id { get; private set; }
    public Guid ArticleId { get; private set; }
    public int Number { get; private set; }
    public ArticleKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public List<string> Tags { get; private set; } = [];
    public string? OwnerTeam { get; private set; }
    public int ReviewIntervalDays { get; private set; }
    public ArticleData Data { get; private set; } = new();
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string ChangeSummary { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public ArticleContent Content => new(Kind, Title, Body, Tags, OwnerTeam, ReviewIntervalDays, Data);

    internal static ArticleRevision Of(Article article, Actor author, string changeSummary, DateTimeOffset now) => new()
    {
        ArticleId = article.Id,
        Number = article.Revision,
        Kind = article.Kind,
        Title = article.Title,
        Body = article.Body,
        Tags = [.. article.Tags],
        OwnerTeam = article.OwnerTeam,
        ReviewIntervalDays = article.ReviewIntervalDays,
        Data = article.Data.Copy(),
        AuthorId = author.Id,
        AuthorName = author.Name,
        ChangeSummary = changeSummary,
        CreatedAt = now,
    };
}
