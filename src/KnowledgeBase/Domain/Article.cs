namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>A page of the Marketing Technical Requirements Document. Every edit will be a revision; this is revision 1.</summary>
public sealed class Article
{
    private Article()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string Author { get; private set; } = "";
    public int Revision { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    public static Article Publish(string title, string category, string bodyMarkdown, string author, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Title = title.Trim(),
        Category = category.Trim(),
        BodyMarkdown = bodyMarkdown,
        Author = author,
        Revision = 1,
        PublishedAt = now,
    };
}
