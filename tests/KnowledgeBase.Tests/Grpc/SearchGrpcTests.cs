using System.Text.Json;
using Grpc.Core;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests.Grpc;

public sealed class SearchGrpcTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly Proto.KnowledgeBase.KnowledgeBaseClient _admin = fixture.Grpc();
    private readonly Proto.KnowledgeBase.KnowledgeBaseClient _marketing = fixture.Grpc(TestActors.Marketing);



    [Fact]
    public async Task Search_RanksTitleAboveBody_WithHighlightedSnippets()
    {
        var word = Unique.Word();
        var inBody = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure("Campaign checklist", $"Before launch, check the {word} settings.") });
        var inTitle = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"The {word} handbook", "Everything else.") });

        var result = await _marketing.SearchAsync(new Proto.SearchQuery { Q = word });

        Assert.Equal([inTitle.Id, inBody.Id], result.Items.Select(h => h.Id));
        Assert.Contains($"<mark>{word}</mark>", result.Items[1].Snippet, StringComparison.Ordinal);
        Assert.Null(result.Gap);
    }

    [Fact]
    public async Task Search_RepeatedAfterAWrite_SeesTheWriteAtOnce()
    {
        var word = Unique.Word();
        var first = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"{word} one") });
        Assert.Single((await _marketing.SearchAsync(new Proto.SearchQuery { Q = word })).Items);
        Assert.Single((await _marketing.SearchAsync(new Proto.SearchQuery { Q = word })).Items);

        var second = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"{word} two") });
        var afterPublish = await _marketing.SearchAsync(new Proto.SearchQuery { Q = word });
        await _admin.DeleteArticleAsync(new Proto.DeleteArticleCommand { Id = first.Id });
        var afterDelete = await _marketing.SearchAsync(new Proto.SearchQuery { Q = word });

        Assert.Equal([first.Id, second.Id], afterPublish.Items.Select(h => h.Id).Order());
        Assert.Equal([second.Id], afterDelete.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Search_FindsGlossaryAliasesAndStructuredFields()
    {
        var alias = Unique.Word();
        var system = Unique.Word();
        var term = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Glossary("Marketing qualified lead", "A lead ready for sales.", alias) });
        var api = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.ApiDoc(system) });

        Assert.Equal([term.Id], (await _marketing.SearchAsync(new Proto.SearchQuery { Q = alias })).Items.Select(h => h.Id));
        Assert.Equal([api.Id], (await _marketing.SearchAsync(new Proto.SearchQuery { Q = $"{system} contacts", Kind = Proto.ArticleKind.ApiDoc })).Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Search_Misses_AreAggregatedByNormalisedQuery_AndAMatchingArticleClosesTheGap()
    {
        var a = Unique.Word();
        var b = Unique.Word();

        var first = await _marketing.SearchAsync(new Proto.SearchQuery { Q = $"{a} {b}" });
        var second = await _marketing.SearchAsync(new Proto.SearchQuery { Q = $"  {b.ToUpperInvariant()}, {a}?" });
        var published = await fixture.Grpc(TestActors.Developer).PublishArticleAsync(new Proto.PublishArticleCommand
        {
            Content = ArticleContents.Faq($"How do we {a}?", $"Use {b} for it."),
        });

        Assert.Equal((first.Gap.Id, 1), (second.Gap.Id, first.Gap.Occurrences));
        Assert.Equal(2, second.Gap.Occurrences);
        var gap = await fixture.WithDbAsync(db => db.KnowledgeGaps.AsNoTracking().SingleAsync(g => g.Id == Guid.Parse(first.Gap.Id)));
        Assert.Equal((GapStatus.Closed, "matched", Guid.Parse(published.Id)), (gap.Status, gap.ClosedHow, gap.ClosedByArticleId));
        await AssertDispatchedAsync("KnowledgeGapRecorded", first.Gap.Id);
        await AssertDispatchedAsync("KnowledgeGapClosed", first.Gap.Id);
        var third = await _marketing.SearchAsync(new Proto.SearchQuery { Q = $"{a} {b}" });
        Assert.Equal([published.Id], third.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Revise_ToMatchAGap_ClosesIt()
    {
        var word = Unique.Word();
        var article = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });
        var miss = await _marketing.SearchAsync(new Proto.SearchQuery { Q = word });

        await _admin.UpdateArticleAsync(new Proto.UpdateArticleCommand { Id = article.Id, Content = ArticleContents.Procedure(article.Content.Title, $"Now covers {word}.") });

        var open = await _admin.ListGapsAsync(new Proto.ListGapsQuery { Status = Proto.GapStatus.Open, Limit = 100 });
        var closed = await _admin.ListGapsAsync(new Proto.ListGapsQuery { Status = Proto.GapStatus.Closed, Limit = 100 });
        Assert.DoesNotContain(miss.Gap.Id, open.Items.Select(g => g.Id));
        Assert.Equal(article.Id, closed.Items.Single(g => g.Id == miss.Gap.Id).ClosedByArticleId);
    }

    [Fact]
    public async Task ResolveGap_ByHand_ClosesIt_Once()
    {
        var miss = await _marketing.SearchAsync(new Proto.SearchQuery { Q = Unique.Word() });
        var article = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _marketing.ResolveGapAsync(new Proto.ResolveGapCommand { Id = miss.Gap.Id, ArticleId = article.Id }));
        var resolved = await _admin.ResolveGapAsync(new Proto.ResolveGapCommand { Id = miss.Gap.Id, ArticleId = article.Id });
        var again = await Assert.ThrowsAsync<RpcException>(async () => await _admin.ResolveGapAsync(new Proto.ResolveGapCommand { Id = miss.Gap.Id, ArticleId = article.Id }));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal((Proto.GapStatus.Closed, "resolved", article.Id), (resolved.Status, resolved.ClosedHow, resolved.ClosedByArticleId));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Search_RepeatedMisses_CountEachOne_AndReachTheStoredGapWithoutAList()
    {
        var query = $"{Unique.Word()} {Unique.Word()}";

        var occurrences = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            occurrences.Add((await _marketing.SearchAsync(new Proto.SearchQuery { Q = query })).Gap.Occurrences);
        }

        // Misses after the first are counted in memory and added to the row within KnowledgeBase:GapFlushInterval.
        Assert.Equal([1, 2, 3, 4, 5], occurrences);
        await Eventually.ReturnsAsync(() => fixture.WithDbAsync(db => db.KnowledgeGaps.AsNoTracking().Where(g => g.Query == query).Select(g => g.Occurrences).SingleAsync()),
            n => n == 5, "the stored gap to count all five misses", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Gaps_AreListedByOccurrences()
    {
        var rare = Unique.Word();
        var often = Unique.Word();
        await _marketing.SearchAsync(new Proto.SearchQuery { Q = rare });
        for (var i = 0; i < 3; i++)
        {
            await _marketing.SearchAsync(new Proto.SearchQuery { Q = often });
        }

        var gaps = (await _admin.ListGapsAsync(new Proto.ListGapsQuery { Limit = 100 })).Items.Where(g => g.Query == rare || g.Query == often).ToList();

        Assert.Equal([(often, 3), (rare, 1)], gaps.Select(g => (g.Query, g.Occurrences)));
    }

    [Fact]
    public async Task Search_WithTypo_SuggestsCloseTitles()
    {
        var word = Unique.Word("consentbanner");
        await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"{word} setup") });

        var result = await _marketing.SearchAsync(new Proto.SearchQuery { Q = word[..^2] + "q" });

        Assert.Empty(result.Items);
        Assert.Contains($"{word} setup", result.DidYouMean);
    }

    [Theory]
    [InlineData("& | ! : * ( ) ' % _ \\")]
    [InlineData("';--")]
    [InlineData("!!!(((:*")]
    [InlineData("the and of")]
    [InlineData("%_%")]
    public async Task Search_SyntaxOnlyOrStopWords_FindsNothing_AndRecordsNoGap(string query)
    {
        var before = await fixture.WithDbAsync(db => db.KnowledgeGaps.CountAsync());

        var result = await _marketing.SearchAsync(new Proto.SearchQuery { Q = query });

        Assert.Null(result.Gap);
        Assert.Equal(before, await fixture.WithDbAsync(db => db.KnowledgeGaps.CountAsync()));
    }

    [Fact]
    public async Task Search_SqlInText_IsJustWords_RecordedAsTyped()
    {
        var query = $"'; DROP TABLE articles; -- {Unique.Word()}";

        var result = await _marketing.SearchAsync(new Proto.SearchQuery { Q = query });

        Assert.Equal((query, 1), (result.Gap.Query, result.Gap.Occurrences));
        // The table is still there: a publication after it works.
        await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("rate\0limit")]
    public async Task Search_EmptyOrNul_IsInvalidArgument(string query)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _marketing.SearchAsync(new Proto.SearchQuery { Q = query }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Searches_AreCountedInMemory_AndPublishedPeriodically()
    {
        var hit = Unique.Word();
        await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"{hit} guide") });

        await _marketing.SearchAsync(new Proto.SearchQuery { Q = hit });
        await _marketing.SearchAsync(new Proto.SearchQuery { Q = Unique.Word() });

        // The fixture flushes every 0.5 s; other tests' searches may land in the same events, so sum them all.
        await Eventually.ReturnsAsync(async () =>
        {
            var bodies = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType.Contains("KnowledgeSearchesCounted")).Select(m => m.Body).ToListAsync());
            return bodies.Select(b => JsonDocument.Parse(b).RootElement).Select(e => (Searches(e, "searches"), Searches(e, "searchesWithResult")))
                .Aggregate((0L, 0L), (sum, x) => (sum.Item1 + x.Item1, sum.Item2 + x.Item2));
        }, totals => totals.Item1 >= 2 && totals.Item2 >= 1, "the searches to be counted");
    }

    private static long Searches(JsonElement body, string name)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.GetInt64();
            }

            if (property.Value.ValueKind == JsonValueKind.Object && Searches(property.Value, name) is var nested and > 0)
            {
                return nested;
            }
        }

        return 0;
    }

    private Task AssertDispatchedAsync(string eventType, string aggregateId) => Outbox.AssertDispatchedAsync(fixture, eventType, aggregateId);
}
