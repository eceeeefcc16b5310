using Google.Protobuf.WellKnownTypes;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Glossary;
using MarketingDev.KnowledgeBase.Features.Search;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Grpc;

/// <summary>Proto ⇄ domain, by hand, at the edge. Proto enums and domain enums share their member names.</summary>
internal static class ProtoMapping
{
    /// <summary>The domain value of a proto enum, or null for UNSPECIFIED and numbers no member has.</summary>
    public static TDomain? ToDomain<TDomain>(this System.Enum proto) where TDomain : struct, System.Enum =>
        System.Enum.IsDefined(proto.GetType(), proto) && Convert.ToInt32(proto, System.Globalization.CultureInfo.InvariantCulture) != 0
        && System.Enum.TryParse<TDomain>(proto.ToString(), out var value)
            ? value
            : null;

    public static TProto ToProto<TProto>(this System.Enum domain) where TProto : struct, System.Enum => System.Enum.Parse<TProto>(domain.ToString());

    public static ArticleInput ToInput(this Proto.ArticleContent? c)
    {
        c ??= new Proto.ArticleContent();
        return new ArticleInput(
            c.Kind.ToDomain<ArticleKind>(),
            c.Title,
            c.Body,
            c.Tags,
            c.OwnerTeam,
            c.HasReviewIntervalDays ? c.ReviewIntervalDays : null,
            c.TechStack is { } t ? new TechStackInput(t.Component, t.Category.ToDomain<TechCategory>(), t.Version, t.Vendor, t.Owner) : null,
            c.ApiDoc is { } a
                ? new ApiDocInput(a.System, a.BaseUrl, a.Auth.ToDomain<ApiAuth>(),
                    a.RateLimit is { } r ? new RateLimitInput(r.Limit, r.WindowSeconds) : null,
                    a.Endpoints.Select(e => new ApiEndpointInput(e.Method, e.Path, e.Summary)).ToList())
                : null,
            c.DataSchema is { } s
                ? new DataSchemaInput(s.Entity, s.Fields.Select(f => new SchemaFieldInput(f.Name, f.Type, f.Source, f.Pii, f.Access.ToDomain<FieldAccess>())).ToList())
                : null,
            c.Glossary is { } g ? new GlossaryInput(g.Term, g.Aliases, g.PlainExplanation, g.Side.ToDomain<GlossarySide>()) : null,
            c.AppliesTo);
    }

    public static Proto.ArticleContent ToProto(this ArticleContent c)
    {
        var proto = new Proto.ArticleContent
        {
            Kind = c.Kind.ToProto<Proto.ArticleKind>(),
            Title = c.Title,
            Body = c.Body,
            OwnerTeam = c.OwnerTeam ?? "",
            ReviewIntervalDays = c.ReviewIntervalDays,
        };
        proto.Tags.AddRange(c.Tags);
        proto.AppliesTo.AddRange(c.Data.AppliesTo);
        if (c.Data.TechStack is { } t)
        {
            proto.TechStack = new Proto.TechStackData
            {
                Component = t.Component, Category = t.Category.ToProto<Proto.TechCategory>(), Version = t.Version, Vendor = t.Vendor, Owner = t.Owner,
            };
        }

        if (c.Data.ApiDoc is { } a)
        {
            proto.ApiDoc = new Proto.ApiDocData
            {
                System = a.System, BaseUrl = a.BaseUrl, Auth = a.Auth.ToProto<Proto.ApiAuth>(),
                RateLimit = a.RateLimit is { } r ? new Proto.RateLimit { Limit = r.Limit, WindowSeconds = r.WindowSeconds } : null,
            };
            proto.ApiDoc.Endpoints.AddRange(a.Endpoints.Select(e => new Proto.ApiEndpoint { Method = e.Method, Path = e.Path, Summary = e.Summary }));
        }

        if (c.Data.DataSchema is { } s)
        {
            proto.DataSchema = new Proto.DataSchemaData { Entity = s.Entity };
            proto.DataSchema.Fields.AddRange(s.Fields.Select(f => new Proto.SchemaField
            {
                Name = f.Name, Type = f.Type, Source = f.Source, Pii = f.Pii, Access = f.Access.ToProto<Proto.FieldAccess>(),
            }));
        }

        if (c.Data.Glossary is { } g)
        {
            proto.Glossary = new Proto.GlossaryData { Term = g.Term, PlainExplanation = g.PlainExplanation, Side = g.Side.ToProto<Proto.GlossarySide>() };
            proto.Glossary.Aliases.AddRange(g.Aliases);
        }

        return proto;
    }

    private static Proto.Person Person(string id, string name) => new() { Id = id, Name = name };

    public static Proto.Article ToProto(this Article a, DateTimeOffset now) => new()
    {
        Id = a.Id.ToString(),
        Content = new ArticleContent(a.Kind, a.Title, a.Body, a.Tags, a.OwnerTeam, a.ReviewIntervalDays, a.Data).ToProto(),
        BodyHtml = a.BodyHtml,
        Revision = a.Revision,
        Version = a.Version,
        CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
        CreatedBy = Person(a.CreatedById, a.CreatedByName),
        UpdatedAt = Timestamp.FromDateTimeOffset(a.UpdatedAt),
        UpdatedBy = Person(a.UpdatedById, a.UpdatedByName),
        LastReviewedAt = Timestamp.FromDateTimeOffset(a.LastReviewedAt),
        LastReviewedBy = Person(a.LastReviewedById, a.LastReviewedByName),
        ReviewDueAt = Timestamp.FromDateTimeOffset(a.ReviewDueAt),
        Stale = a.IsStale(now),
    };

    public static Proto.Revision ToProto(this ArticleRevision r) => new()
    {
        ArticleId = r.ArticleId.ToString(),
        Number = r.Number,
        Content = r.Content.ToProto(),
        Author = Person(r.AuthorId, r.AuthorName),
        ChangeSummary = r.ChangeSummary,
        CreatedAt = Timestamp.FromDateTimeOffset(r.CreatedAt),
    };

    public static Proto.RevisionDiff ToProto(this RevisionDiffResult diff, string articleId, int from, int to)
    {
        var proto = new Proto.RevisionDiff { ArticleId = articleId, From = from, To = to, Added = diff.Added, Removed = diff.Removed };
        proto.Lines.AddRange(diff.Lines.Select(l =>
        {
            var line = new Proto.DiffLine { Type = l.Type.ToProto<Proto.DiffLineType>(), Text = l.Text };
            if (l.OldLine is { } o)
            {
                line.OldLine = o;
            }

            if (l.NewLine is { } n)
            {
                line.NewLine = n;
            }

            return line;
        }));
        return proto;
    }

    public static Proto.TechStackRow ToProto(this TechStackRow r) => new()
    {
        ArticleId = r.ArticleId.ToString(), Component = r.Component, Category = r.Category.ToProto<Proto.TechCategory>(), Version = r.Version,
        Vendor = r.Vendor, Owner = r.Owner, LastReviewedAt = Timestamp.FromDateTimeOffset(r.LastReviewedAt), Stale = r.Stale,
    };

    public static Proto.SearchHit ToProto(this SearchHit h)
    {
        var hit = new Proto.SearchHit { Id = h.Id.ToString(), Kind = h.Kind.ToProto<Proto.ArticleKind>(), Title = h.Title, Snippet = h.Snippet, Rank = h.Rank };
        hit.Tags.AddRange(h.Tags);
        return hit;
    }

    public static Proto.Gap ToProto(this KnowledgeGap g) => new()
    {
        Id = g.Id.ToString(),
        Query = g.Query,
        Occurrences = g.Occurrences,
        Status = g.Status.ToProto<Proto.GapStatus>(),
        FirstSeenAt = Timestamp.FromDateTimeOffset(g.FirstSeenAt),
        LastSeenAt = Timestamp.FromDateTimeOffset(g.LastSeenAt),
        ClosedAt = g.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
        ClosedByArticleId = g.ClosedByArticleId?.ToString() ?? "",
        ClosedHow = g.ClosedHow ?? "",
    };

    public static Proto.Question ToProto(this Question q)
    {
        var proto = new Proto.Question
        {
            Id = q.Id.ToString(),
            Text = q.Text,
            AskedBy = Person(q.AskedById, q.AskedByName),
            AskedAt = Timestamp.FromDateTimeOffset(q.AskedAt),
            Status = q.Status.ToProto<Proto.QuestionStatus>(),
            Answer = q.Answer ?? "",
            AnsweredBy = q.AnsweredById is null ? null : Person(q.AnsweredById, q.AnsweredByName ?? ""),
            AnsweredAt = q.AnsweredAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            FaqArticleId = q.FaqArticleId?.ToString() ?? "",
        };
        proto.SuggestedArticleIds.AddRange(q.SuggestedArticleIds.Select(i => i.ToString()));
        return proto;
    }

    public static Proto.Annotation ToProto(this GlossaryMatch m)
    {
        var proto = new Proto.Annotation
        {
            ArticleId = m.Entry.ArticleId.ToString(), Term = m.Entry.Term, Side = m.Entry.Side.ToProto<Proto.GlossarySide>(),
            PlainExplanation = m.Entry.PlainExplanation, Occurrences = m.Occurrences,
        };
        proto.Matches.AddRange(m.Spellings);
        return proto;
    }
}
