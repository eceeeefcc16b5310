using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;

namespace MarketingDev.KnowledgeBase.Tests.Unit;

public sealed class RevisionDiffTests
{
    private static ArticleContent Content(string title, string body, ArticleData? data = null) =>
        new(ArticleKind.Procedure, title, body, ["sop"], "web", 180, data ?? new ArticleData());

    [Fact]
    public void Diff_ChangedBodyLine_IsOneRemovedAndOneAdded()
    {
        var diff = RevisionDiff.Diff(Content("Deploy", "step one\nstep two\nstep three"), Content("Deploy", "step one\nstep 2\nstep three"));

        Assert.Equal((1, 1), (diff.Added, diff.Removed));
        var removed = Assert.Single(diff.Lines, l => l.Type == DiffLineType.Removed);
        var added = Assert.Single(diff.Lines, l => l.Type == DiffLineType.Added);
        Assert.Equal("step two", removed.Text);
        Assert.Equal("step 2", added.Text);
        Assert.Equal(removed.OldLine, added.NewLine);
    }

    [Fact]
    public void Diff_SameContent_HasNoChange()
    {
        var diff = RevisionDiff.Diff(Content("Deploy", "a\nb"), Content("Deploy", "a\nb"));

        Assert.Equal((0, 0), (diff.Added, diff.Removed));
        Assert.All(diff.Lines, l => Assert.Equal(DiffLineType.Unchanged, l.Type));
    }

    [Fact]
    public void Diff_StructuredField_ShowsOnItsOwnLine()
    {
        var v1 = new ArticleData { TechStack = new TechStackData { Component = "HubSpot", Category = TechCategory.Crm, Version = "2024.1" } };
        var v2 = new ArticleData { TechStack = new TechStackData { Component = "HubSpot", Category = TechCategory.Crm, Version = "2025.2" } };

        var diff = RevisionDiff.Diff(Content("CRM", "", v1), Content("CRM", "", v2));

        Assert.Equal("version: 2025.2", Assert.Single(diff.Lines, l => l.Type == DiffLineType.Added).Text);
        Assert.Equal("version: 2024.1", Assert.Single(diff.Lines, l => l.Type == DiffLineType.Removed).Text);
    }
}
