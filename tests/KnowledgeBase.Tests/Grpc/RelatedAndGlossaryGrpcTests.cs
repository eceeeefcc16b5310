using Grpc.Core;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests.Grpc;

public sealed class RelatedAndGlossaryGrpcTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly Proto.KnowledgeBase.KnowledgeBaseClient _admin = fixture.Grpc();

    [Fact]
    public async Task RequestSubmitted_StoresTheBestMatchingArticles_PitfallsAndApiDocsFirst()
    {
        var topic = Unique.Word();
        var faq = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Faq($"{topic} questions", $"All about {topic}.") });
        var pitfall = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Pitfall($"{topic} gone wrong", $"Never {topic} twice.") });
        var api = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.ApiDoc(topic) });
        await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Pitfall(Unique.Word(), "Unrelated.") });
        var requestId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await fixture.Knowledge.Services.GetRequiredService<IBus>().Publish(new RequestSubmitted(
            Guid.NewGuid(), now, requestId, "MR-1", "landingPage", "high", null, 100, "maria", "maria",
            Title: $"Landing page with {topic}", Text: $"As a campaign manager I want {topic} on the page."));

        var related = await Eventually.ReturnsAsync(
            async () => (await _admin.GetRelatedArticlesAsync(new Proto.RelatedArticlesQuery { RequestId = requestId.ToString() })).Items,
            items => items.Count == 3, "the related articles to be stored");
        Assert.Equal([pitfall.Id, api.Id], related.Take(2).Select(a => a.Id).Order());
        Assert.Equal(faq.Id, related[2].Id);
    }

    [Fact]
    public async Task RelatedArticles_OfARequestNotSubmitted_AreNone() =>
        Assert.Empty((await _admin.GetRelatedArticlesAsync(new Proto.RelatedArticlesQuery { RequestId = Guid.NewGuid().ToString() })).Items);

    [Fact]
    public async Task Annotate_FindsTermsAndAliases_AndSeesGlossaryChangesAtOnce()
    {
        var term = Unique.Word();
        var alias = Unique.Word();
        var glossary = await fixture.Grpc(TestActors.Developer).PublishArticleAsync(new Proto.PublishArticleCommand
        {
            Content = ArticleContents.Glossary(term, "Plain words.", alias),
        });

        var first = await fixture.Grpc(TestActors.Marketing).AnnotateAsync(new Proto.AnnotateQuery { Text = $"We need {term.ToUpperInvariant()} and {alias}, not {term}s." });
        var renamed = Unique.Word();
        var update = ArticleContents.Glossary(renamed, "Other words.");
        await _admin.UpdateArticleAsync(new Proto.UpdateArticleCommand { Id = glossary.Id, Content = update });
        var second = await _admin.AnnotateAsync(new Proto.AnnotateQuery { Text = $"{term} or {renamed}" });

        var annotation = Assert.Single(first.Items, a => a.ArticleId == glossary.Id);
        Assert.Equal((term, 2, "Plain words."), (annotation.Term, annotation.Occurrences, annotation.PlainExplanation));
        Assert.Equal([term.ToUpperInvariant(), alias], annotation.Matches);
        Assert.Equal([renamed], second.Items.Where(a => a.ArticleId == glossary.Id).Select(a => a.Term));
        Assert.DoesNotContain(second.Items, a => a.Term == term);
    }

    [Fact]
    public async Task Annotate_NulOrTooLong_IsInvalidArgument()
    {
        var nul = await Assert.ThrowsAsync<RpcException>(async () => await _admin.AnnotateAsync(new Proto.AnnotateQuery { Text = "a\0b" }));
        var huge = await Assert.ThrowsAsync<RpcException>(async () => await _admin.AnnotateAsync(new Proto.AnnotateQuery { Text = new string('a', 100_001) }));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (nul.StatusCode, huge.StatusCode));
    }

    [Fact]
    public async Task Question_AskedByAnyone_SuggestsArticles_AndPromotedAnswerBecomesAFaq()
    {
        var topic = Unique.Word();
        var article = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure($"{topic} export", "How to export.") });

        var asked = await fixture.Grpc(TestActors.Marketing).AskQuestionAsync(new Proto.AskQuestionCommand { Text = $"Can we pull live {topic} data into an email?" });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc(TestActors.Marketing).AnswerQuestionAsync(
            new Proto.AnswerQuestionCommand { Id = asked.Question.Id, Answer = "Yes." }));
        var answered = await fixture.Grpc(TestActors.Developer).AnswerQuestionAsync(new Proto.AnswerQuestionCommand
        {
            Id = asked.Question.Id, Answer = $"Yes: export {topic} nightly.", PromoteToFaq = true,
        });
        var twice = await Assert.ThrowsAsync<RpcException>(async () => await _admin.AnswerQuestionAsync(new Proto.AnswerQuestionCommand { Id = asked.Question.Id, Answer = "Again." }));

        Assert.Equal([article.Id], asked.Suggestions.Select(s => s.Id));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal(Proto.QuestionStatus.Answered, answered.Question.Status);
        var faq = await _admin.GetArticleAsync(new Proto.ArticleRef { Id = answered.Question.FaqArticleId });
        Assert.Equal((Proto.ArticleKind.Faq, $"Can we pull live {topic} data into an email?", "test-developer"), (faq.Content.Kind, faq.Content.Title, faq.CreatedBy.Name));
        await Outbox.AssertDispatchedAsync(fixture, "QuestionAsked", asked.Question.Id);
        await Outbox.AssertDispatchedAsync(fixture, "QuestionAnswered", asked.Question.Id);
    }
}
