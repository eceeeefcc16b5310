using MarketingDev.KnowledgeBase.Features.Search;

namespace MarketingDev.KnowledgeBase.Tests.Unit;

public sealed class QueryNormalizerTests
{
    [Theory]
    [InlineData("rate limit", "limit rate")]
    [InlineData("  Rate-LIMIT?? ", "limit rate")]
    [InlineData("limit rate rate", "limit rate")]
    [InlineData("\"rate limit\" or -webhook", "limit or rate webhook")]
    [InlineData("& | ! : * ( ) ' % _ \\", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Čeština Größe", "größe čeština")]
    [InlineData("utm_source=newsletter", "newsletter source utm")]
    public void Normalize_Table(string query, string expected) => Assert.Equal(expected, QueryNormalizer.Normalize(query));

    [Fact]
    public void Normalize_SameWordsInAnyOrderAndCase_GiveOneKey() =>
        Assert.Equal(QueryNormalizer.Normalize("Webhook retry policy"), QueryNormalizer.Normalize("policy: RETRY webhook!"));

    [Fact]
    public void Normalize_ManyWords_KeepsAtMost32() =>
        Assert.Equal(QueryNormalizer.MaxWords, QueryNormalizer.Normalize(string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{i}"))).Split(' ').Length);

    [Theory]
    [InlineData("Can we pull live inventory into an email?", "can | we | pull | live | inventory | into | an | email")]
    [InlineData("a b c", "")]
    [InlineData("rate':* & limit", "rate | limit")]
    public void AnyWordQuery_IsAnOrOfWordsWithoutSyntax(string text, string expected) => Assert.Equal(expected, QueryNormalizer.AnyWordQuery(text));
}
