using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests;

/// <summary>Article contents the gRPC-level tests share.</summary>
internal static class ArticleContents
{
    public static Proto.ArticleContent Of(Proto.ArticleKind kind, string title, string body, params string[] tags)
    {
        var content = new Proto.ArticleContent { Kind = kind, Title = title, Body = body };
        content.Tags.AddRange(tags);
        return content;
    }

    public static Proto.ArticleContent Procedure(string title, string body = "Step one.\nStep two.") => Of(Proto.ArticleKind.Procedure, title, body, "sop");

    public static Proto.ArticleContent Pitfall(string title, string body) => Of(Proto.ArticleKind.Pitfall, title, body, "lessons");

    public static Proto.ArticleContent Faq(string title, string body) => Of(Proto.ArticleKind.Faq, title, body);

    public static Proto.ArticleContent TechStack(string component, string version = "1.0")
    {
        var content = Of(Proto.ArticleKind.TechStack, component, "");
        content.TechStack = new Proto.TechStackData { Component = component, Category = Proto.TechCategory.Crm, Version = version, Vendor = "Vendor", Owner = "RevOps" };
        return content;
    }

    public static Proto.ArticleContent ApiDoc(string system, string body = "Authenticate first.")
    {
        var content = Of(Proto.ArticleKind.ApiDoc, $"{system} API", body);
        content.ApiDoc = new Proto.ApiDocData
        {
            System = system, BaseUrl = "https://api.example.com", Auth = Proto.ApiAuth.Oauth2,
            RateLimit = new Proto.RateLimit { Limit = 100, WindowSeconds = 10 },
        };
        content.ApiDoc.Endpoints.Add(new Proto.ApiEndpoint { Method = "GET", Path = "/contacts", Summary = "List contacts" });
        return content;
    }

    public static Proto.ArticleContent Glossary(string term, string explanation, params string[] aliases)
    {
        var content = Of(Proto.ArticleKind.Glossary, term, "");
        content.Glossary = new Proto.GlossaryData { Term = term, PlainExplanation = explanation, Side = Proto.GlossarySide.Marketing };
        content.Glossary.Aliases.AddRange(aliases);
        return content;
    }
}
