using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Glossary;

namespace MarketingDev.KnowledgeBase.Tests.Unit;

public sealed class GlossaryMatcherTests
{
    private static readonly GlossaryEntry Mql = new(Guid.NewGuid(), "MQL", ["marketing qualified lead"], "A lead marketing judged ready for sales.", GlossarySide.Marketing);
    private static readonly GlossaryEntry Webhook = new(Guid.NewGuid(), "webhook", ["web hook", "callback URL"], "A URL another system calls when something happens.", GlossarySide.Development);
    private static readonly GlossaryEntry OptIn = new(Guid.NewGuid(), "opt-in", [], "Consent to receive messages.", GlossarySide.Marketing);
    private static readonly GlossaryEntry DoubleOptIn = new(Guid.NewGuid(), "double opt-in", ["DOI"], "Consent confirmed twice.", GlossarySide.Marketing);
    private static readonly GlossaryEntry Spa = new(Guid.NewGuid(), "SPA", ["single-page app"], "A site that loads once and redraws itself.", GlossarySide.Development);
    private static readonly GlossaryEntry CPlusPlus = new(Guid.NewGuid(), "C++", [], "A programming language.", GlossarySide.Development);

    private static readonly GlossaryMatcher Matcher = new([Mql, Webhook, OptIn, DoubleOptIn, Spa, CPlusPlus]);

    public static TheoryData<string, string[]> Texts => new()
    {
        { "Send every MQL to the CRM", ["MQL"] },
        { "send every mql to the crm", ["MQL"] },
        { "MQLs are counted weekly", [] },
        { "The SPAM filter ate it", [] },
        { "Add a webhook (web hook) for the form", ["webhook"] },
        { "The callback   URL must be HTTPS", ["webhook"] },
        { "Use double opt-in for EU sign-ups", ["double opt-in"] },
        { "Use double opt-in, and log each opt-in", ["double opt-in", "opt-in"] },
        { "A single-page app (SPA) with a marketing qualified lead form", ["SPA", "MQL"] },
        { "Written in C++.", ["C++"] },
        { "", [] },
        { "nothing to see here", [] },
        { "webhooks", [] },
        { "pre-webhook", ["webhook"] },
        { "x-SPA_y", ["SPA"] },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Match_FindsWholeWordsCaseInsensitively_InOrderOfAppearance(string text, string[] terms) =>
        Assert.Equal(terms, Matcher.Match(text).Select(m => m.Entry.Term).ToArray());

    [Fact]
    public void Match_CountsOccurrences_AndKeepsTheSpellingsAsWritten()
    {
        var match = Assert.Single(Matcher.Match("Webhook first, then a web hook, then WEBHOOK again."));

        Assert.Equal(3, match.Occurrences);
        Assert.Equal(["Webhook", "web hook", "WEBHOOK"], match.Spellings);
    }

    [Fact]
    public void Match_RegexMetacharactersInTerms_AreLiteral()
    {
        var matcher = new GlossaryMatcher([new GlossaryEntry(Guid.NewGuid(), "A/B test (split)", ["a.b"], "Two variants.", GlossarySide.Marketing)]);

        Assert.Single(matcher.Match("Run an A/B test (split) next week"));
        Assert.Empty(matcher.Match("Run an A/B test split next week"));
        Assert.Empty(matcher.Match("axb"));
    }

    [Fact]
    public void Match_EmptyGlossary_FindsNothing() => Assert.Empty(GlossaryMatcher.Empty.Match("MQL webhook"));

    [Fact]
    public void Match_LargeText_IsOnePassAndQuick()
    {
        var text = string.Concat(Enumerable.Repeat("The landing page sends every MQL to a webhook after double opt-in. ", 1500));

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var matches = Matcher.Match(text);

        Assert.Equal(1500, matches.Single(m => m.Entry.Term == "MQL").Occurrences);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
    }
}
