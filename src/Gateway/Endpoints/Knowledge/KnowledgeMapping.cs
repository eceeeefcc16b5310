using System.Text.Json;
using MarketingDev.Gateway.Errors;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.Gateway.Endpoints.Knowledge;

/// <summary>REST ⇄ proto for the knowledge base. Enums are camelCase names of the proto members ("techStack", "oauth2").</summary>
internal static class KnowledgeMapping
{
    public static string Wire(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The member named (any case), or UNSPECIFIED so that the service names the field in its 400.</summary>
    public static T Parse<T>(string? wire) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0
                                               && string.Equals(v.ToString(), wire, StringComparison.OrdinalIgnoreCase));

    /// <summary>A query-string filter: absent is "any", an unknown name is a 400 naming the parameter.</summary>
    public static T Filter<T>(string? wire, string parameter) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(wire))
        {
            return default;
        }

        var value = Parse<T>(wire);
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
        {
            return value;
        }

        var names = string.Join(", ", Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => Wire(v)));
        var problem = ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
        problem.Extensions["errors"] = new[] { new Problems.FieldError(parameter, $"{parameter} must be one of: {names}.") };
        throw new ApiProblemException(problem);
    }

    public static Proto.ArticleContent ToProto(this ArticleBody b)
    {
        var content = new Proto.ArticleContent
        {
            Kind = Parse<Proto.ArticleKind>(b.Kind),
            Title = b.Title,
            Body = b.Body,
            OwnerTeam = b.OwnerTeam ?? "",
        };
        if (b.ReviewIntervalDays is { } days)
        {
            content.ReviewIntervalDays = days;
        }

        content.Tags.AddRange(b.Tags ?? []);
        content.AppliesTo.AddRange(b.AppliesTo ?? []);
        if (b.TechStack is { } t)
        {
            content.TechStack = new Proto.TechStackData
            {
                Component = t.Component, Category = Parse<Proto.TechCategory>(t.Category), Version = t.Version, Vendor = t.Vendor, Owner = t.Owner,
            };
        }

        if (b.ApiDoc is { } a)
        {
            content.ApiDoc = new Proto.ApiDocData
            {
                System = a.System, BaseUrl = a.BaseUrl, Auth = Parse<Proto.ApiAuth>(a.Auth),
                RateLimit = a.RateLimit is { } r ? new Proto.RateLimit { Limit = r.Limit, WindowSeconds = r.WindowSeconds } : null,
            };
            content.ApiDoc.Endpoints.AddRange((a.Endpoints ?? []).Select(e => new Proto.ApiEndpoint { Method = e.Method, Path = e.Path, Summary = e.Summary }));
        }

        if (b.DataSchema is { } s)
        {
            content.DataSchema = new Proto.DataSchemaData { Entity = s.Entity };
            content.DataSchema.Fields.AddRange(s.Fields.Select(f => new Proto.SchemaField
            {
                Name = f.Name, Type = f.Type, Source = f.Source, Pii = f.Pii, Access = Parse<Proto.FieldAccess>(f.Access),
            }));
        }

        if (b.Glossary is { } g)
        {
            content.Glossary = new Proto.GlossaryData { Term = g.Term, PlainExplanation = g.PlainExplanation, Side = Parse<Proto.GlossarySide>(g.Side) };
            content.Glossary.Aliases.AddRange(g.Aliases ?? []);
        }

        return content;
    }

    public static ArticleBody ToBody(this Proto.ArticleContent c) => new(
        Wire(c.Kind), c.Title, c.Body, c.Tags.ToList(), c.OwnerTeam.Length == 0 ? null : c.OwnerTeam, c.ReviewIntervalDays,
        c.TechStack is { } t ? new TechStackDto(t.Component, Wire(t.Category), t.Version, t.Vendor, t.Owner) : null,
        c.ApiDoc is { } a
            ? new ApiDocDto(a.System, a.BaseUrl, Wire(a.Auth), a.RateLimit is { } r ? new RateLimitDto(r.Limit, r.WindowSeconds) : null,
                a.Endpoints.Select(e => new ApiEndpointDto(e.Method, e.Path, e.Summary)).ToList())
            : null,
        c.DataSchema is { } s
            ? new DataSchemaDto(s.Entity, s.Fields.Select(f => new SchemaFieldDto(f.Name, f.Type, Wire(f.Access), f.Source, f.Pii)).ToList())
            : null,
        c.Glossary is { } g ? new GlossaryDto(g.Term, g.PlainExplanation, Wire(g.Side), g.Aliases.ToList()) : null,
        c.AppliesTo.ToList());

    private static PersonView ToView(this Proto.Person? p) => new(p?.Id ?? "", p?.Name ?? "");

    public static ArticleView ToView(this Proto.Article a)
    {
        var c = a.Content.ToBody();
        return new ArticleView(
            Guid.Parse(a.Id), c.Kind, c.Title, c.Body, a.BodyHtml, c.Tags!, c.OwnerTeam, c.ReviewIntervalDays ?? 0, c.TechStack, c.ApiDoc, c.DataSchema, c.Glossary,
            c.AppliesTo!, a.Revision, a.Version, a.CreatedAt.ToDateTimeOffset(), a.CreatedBy.ToView(), a.UpdatedAt.ToDateTimeOffset(), a.UpdatedBy.ToView(),
            a.LastReviewedAt.ToDateTimeOffset(), a.LastReviewedBy.ToView(), a.ReviewDueAt.ToDateTimeOffset(), a.Stale);
    }

    public static ArticleSummaryView ToSummary(this Proto.Article a) => new(
        Guid.Parse(a.Id), Wire(a.Content.Kind), a.Content.Title, a.Content.Tags.ToList(), a.Content.OwnerTeam.Length == 0 ? null : a.Content.OwnerTeam,
        a.Revision, a.UpdatedAt.ToDateTimeOffset(), a.LastReviewedAt.ToDateTimeOffset(), a.ReviewDueAt.ToDateTimeOffset(), a.Stale);

    public static RevisionView ToView(this Proto.Revision r) => new(
        Guid.Parse(r.ArticleId), r.Number, r.Author.ToView(), r.ChangeSummary, r.CreatedAt.ToDateTimeOffset(), r.Content.ToBody());

    public static DiffView ToView(this Proto.RevisionDiff d) => new(
        Guid.Parse(d.ArticleId), d.From, d.To, d.Added, d.Removed,
        d.Lines.Select(l => new DiffLineView(Wire(l.Type), l.Text, l.HasOldLine ? l.OldLine : null, l.HasNewLine ? l.NewLine : null)).ToList());

    public static TechStackRowView ToView(this Proto.TechStackRow r) => new(
        Guid.Parse(r.ArticleId), r.Component, Wire(r.Category), r.Version, r.Vendor, r.Owner, r.LastReviewedAt.ToDateTimeOffset(), r.Stale);

    public static SearchHitView ToView(this Proto.SearchHit h) => new(Guid.Parse(h.Id), Wire(h.Kind), h.Title, h.Tags.ToList(), h.Snippet, h.Rank);

    public static GapView ToView(this Proto.Gap g) => new(
        Guid.Parse(g.Id), g.Query, g.Occurrences, Wire(g.Status), g.FirstSeenAt.ToDateTimeOffset(), g.LastSeenAt.ToDateTimeOffset(),
        g.ClosedAt?.ToDateTimeOffset(), g.ClosedByArticleId.Length == 0 ? null : Guid.Parse(g.ClosedByArticleId), g.ClosedHow.Length == 0 ? null : g.ClosedHow);

    public static QuestionView ToView(this Proto.Question q) => new(
        Guid.Parse(q.Id), q.Text, q.AskedBy.ToView(), q.AskedAt.ToDateTimeOffset(), Wire(q.Status), q.Answer.Length == 0 ? null : q.Answer,
        q.AnsweredBy is null ? null : q.AnsweredBy.ToView(), q.AnsweredAt?.ToDateTimeOffset(),
        q.FaqArticleId.Length == 0 ? null : Guid.Parse(q.FaqArticleId), q.SuggestedArticleIds.Select(Guid.Parse).ToList());

    public static AnnotationsView ToView(this Proto.Annotations a) => new(a.Items
        .Select(i => new AnnotationView(Guid.Parse(i.ArticleId), i.Term, Wire(i.Side), i.PlainExplanation, i.Matches.ToList(), i.Occurrences)).ToList());
}
