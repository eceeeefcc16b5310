using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Related;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.KnowledgeBase.Tests.Unit;

public sealed class ArticleRulesTests
{
    private static readonly ArticleInputValidator Validator = new();

    private static ArticleInput Input(ArticleKind? kind, string title = "Title", string body = "Body",
        TechStackInput? techStack = null, ApiDocInput? apiDoc = null, DataSchemaInput? dataSchema = null, GlossaryInput? glossary = null,
        IReadOnlyList<string>? appliesTo = null, int? interval = null) =>
        new(kind, title, body, [], "", interval, techStack, apiDoc, dataSchema, glossary, appliesTo ?? []);

    private static readonly TechStackInput Stack = new("HubSpot", TechCategory.Crm, "2025", "HubSpot Inc.", "RevOps");
    private static readonly ApiDocInput Api = new("HubSpot", "https://api.hubapi.com", ApiAuth.Oauth2, new RateLimitInput(100, 10),
        [new ApiEndpointInput("get", "/crm/v3/objects/contacts", "List contacts")]);
    private static readonly DataSchemaInput Schema = new("Lead", [new SchemaFieldInput("email", "string", "form", true, FieldAccess.Read)]);
    private static readonly GlossaryInput Term = new("MQL", ["marketing qualified lead"], "A lead ready for sales.", GlossarySide.Marketing);

    public static TheoryData<ArticleInput, string[]> Invalid => new()
    {
        { Input(null), ["#/kind"] },
        { Input(ArticleKind.Procedure, title: " "), ["#/title"] },
        { Input(ArticleKind.Procedure, title: new string('t', 201)), ["#/title"] },
        { Input(ArticleKind.Procedure, body: ""), ["#/body"] },
        { Input(ArticleKind.Procedure, body: "a\0b"), ["#/body"] },
        { Input(ArticleKind.TechStack), ["#/techStack"] },
        { Input(ArticleKind.ApiDoc, techStack: Stack), ["#/apiDoc", "#/techStack"] },
        { Input(ArticleKind.TechStack, techStack: Stack with { Category = null }), ["#/techStack/category"] },
        { Input(ArticleKind.TechStack, techStack: Stack with { Component = "" }), ["#/techStack/component"] },
        { Input(ArticleKind.ApiDoc, apiDoc: Api with { BaseUrl = "ftp://x" }), ["#/apiDoc/baseUrl"] },
        { Input(ArticleKind.ApiDoc, apiDoc: Api with { Auth = null }), ["#/apiDoc/auth"] },
        { Input(ArticleKind.ApiDoc, apiDoc: Api with { RateLimit = new RateLimitInput(0, 10) }), ["#/apiDoc/rateLimit/limit"] },
        { Input(ArticleKind.ApiDoc, apiDoc: Api with { Endpoints = [new ApiEndpointInput("FETCH", "contacts", "")] }), ["#/apiDoc/endpoints/0/method", "#/apiDoc/endpoints/0/path"] },
        { Input(ArticleKind.DataSchema, dataSchema: Schema with { Fields = [] }), ["#/dataSchema/fields"] },
        { Input(ArticleKind.DataSchema, dataSchema: Schema with { Fields = [new SchemaFieldInput("email", "string", "", false, null)] }), ["#/dataSchema/fields/0/access"] },
        { Input(ArticleKind.Glossary, glossary: Term with { Side = null }), ["#/glossary/side"] },
        { Input(ArticleKind.Glossary, glossary: Term with { Term = "--" }), ["#/glossary/term"] },
        { Input(ArticleKind.Glossary, glossary: Term, appliesTo: ["web"]), ["#/appliesTo"] },
        { Input(ArticleKind.Pitfall, interval: 0), ["#/reviewIntervalDays"] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Validate_InvalidInput_NamesTheFields(ArticleInput input, string[] pointers)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Validator.ValidateOrThrowAsync(input, CancellationToken.None));

        Assert.Equal(pointers.Order(), error.Errors.Select(e => e.Field).Distinct().Order());
    }

    public static TheoryData<ArticleInput> Valid => new()
    {
        Input(ArticleKind.TechStack, body: "", techStack: Stack),
        Input(ArticleKind.ApiDoc, apiDoc: Api),
        Input(ArticleKind.DataSchema, dataSchema: Schema),
        Input(ArticleKind.Glossary, body: "", glossary: Term),
        Input(ArticleKind.Procedure, appliesTo: ["landing-page"]),
        Input(ArticleKind.Pitfall),
        Input(ArticleKind.Faq),
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Validate_EachKindWithItsData_Passes(ArticleInput input) =>
        await Validator.ValidateOrThrowAsync(input, CancellationToken.None);

    [Theory]
    [InlineData(ArticleKind.TechStack, 90)]
    [InlineData(ArticleKind.ApiDoc, 90)]
    [InlineData(ArticleKind.DataSchema, 180)]
    [InlineData(ArticleKind.Procedure, 180)]
    [InlineData(ArticleKind.Pitfall, 180)]
    [InlineData(ArticleKind.Faq, 180)]
    [InlineData(ArticleKind.Glossary, 180)]
    public void ReviewInterval_DefaultsByKind(ArticleKind kind, int days) => Assert.Equal(days, ArticleKinds.DefaultReviewIntervalDays(kind));

    [Fact]
    public void ToContent_NormalisesTagsAndKeepsAnExplicitInterval()
    {
        var content = (Input(ArticleKind.Pitfall, interval: 30) with { Tags = [" CRM ", "crm", "", "Email"] }).ToContent();

        Assert.Equal(["crm", "email"], content.Tags);
        Assert.Equal(30, content.ReviewIntervalDays);
    }

    [Fact]
    public void RelatedOrder_PitfallsAndApiDocsFirst_ThenByRank()
    {
        SearchHit Hit(ArticleKind kind) => new(Guid.NewGuid(), kind, kind.ToString(), [], "", 0);
        var hits = new[] { Hit(ArticleKind.Faq), Hit(ArticleKind.Pitfall), Hit(ArticleKind.Procedure), Hit(ArticleKind.ApiDoc), Hit(ArticleKind.Pitfall) };

        var order = RelatedArticles.Order(hits, take: 4);

        Assert.Equal([hits[1].Id, hits[3].Id, hits[4].Id, hits[0].Id], order);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a \uE000rate\uE001 limit", "a <mark>rate</mark> limit")]
    [InlineData("<script>\uE000x\uE001</script>", "&lt;script&gt;<mark>x</mark>&lt;/script&gt;")]
    [InlineData("", "")]
    public void Snippet_IsHtmlEncoded_WithMarks(string headline, string html) => Assert.Equal(html, ArticleSearch.SafeSnippet(headline));

    [Fact]
    public void SearchCounter_TakeResets_AndRestoreGivesBack()
    {
        var counter = new SearchCounter();
        counter.Record(true);
        counter.Record(false);

        Assert.Equal((2L, 1L), counter.Take());
        Assert.Equal((0L, 0L), counter.Take());
        counter.Restore(2, 1);
        Assert.Equal((2L, 1L), counter.Take());
    }
}
