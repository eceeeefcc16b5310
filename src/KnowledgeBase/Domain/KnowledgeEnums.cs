namespace MarketingDev.KnowledgeBase.Domain;

public enum ArticleKind { TechStack, ApiDoc, DataSchema, Procedure, Pitfall, Faq, Glossary }

public enum TechCategory { Cms, Crm, Email, Analytics, Adtech, Commerce, Data, Other }

public enum ApiAuth { ApiKey, Oauth2, Basic, None }

public enum FieldAccess { Read, ReadWrite, None }

public enum GlossarySide { Marketing, Development }

public enum GapStatus { Open, Closed }

public enum QuestionStatus { Open, Answered }

public static class ArticleKinds
{
    /// <summary>Facts that change with vendors' releases go stale sooner than procedures and lessons.</summary>
    public static int DefaultReviewIntervalDays(ArticleKind kind) => kind is ArticleKind.TechStack or ArticleKind.ApiDoc ? 90 : 180;

    /// <summary>The kinds whose structured part is only a list of the tags they apply to.</summary>
    public static bool HasAppliesTo(ArticleKind kind) => kind is ArticleKind.Procedure or ArticleKind.Pitfall or ArticleKind.Faq;
}
