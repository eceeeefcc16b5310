using FluentValidation;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>
/// An article as an author sends it. Enums are null where the caller named none (or one that does not exist), so the
/// validator can say which field is wrong; <see cref="ToContent"/> is only called on input that passed it.
/// </summary>
public sealed record ArticleInput(
    ArticleKind? Kind,
    string Title,
    string Body,
    IReadOnlyList<string> Tags,
    string OwnerTeam,
    int? ReviewIntervalDays,
    TechStackInput? TechStack,
    ApiDocInput? ApiDoc,
    DataSchemaInput? DataSchema,
    GlossaryInput? Glossary,
    IReadOnlyList<string> AppliesTo)
{
    public ArticleContent ToContent()
    {
        var kind = Kind ?? throw new InvalidOperationException("Validate the input first.");
        var data = new ArticleData
        {
            TechStack = TechStack is { } t
                ? new TechStackData { Component = t.Component.Trim(), Category = t.Category!.Value, Version = t.Version.Trim(), Vendor = t.Vendor.Trim(), Owner = t.Owner.Trim() }
                : null,
            ApiDoc = ApiDoc is { } a
                ? new ApiDocData
                {
                    System = a.System.Trim(), BaseUrl = a.BaseUrl.Trim(), Auth = a.Auth!.Value,
                    RateLimit = a.RateLimit is { } r ? new RateLimitData { Limit = r.Limit, WindowSeconds = r.WindowSeconds } : null,
                    Endpoints = a.Endpoints.Select(e => new ApiEndpointData { Method = e.Method.Trim().ToUpperInvariant(), Path = e.Path.Trim(), Summary = e.Summary.Trim() }).ToList(),
                }
                : null,
            DataSchema = DataSchema is { } s
                ? new DataSchemaData
                {
                    Entity = s.Entity.Trim(),
                    Fields = s.Fields.Select(f => new SchemaFieldData { Name = f.Name.Trim(), Type = f.Type.Trim(), Source = f.Source.Trim(), Pii = f.Pii, Access = f.Access!.Value }).ToList(),
                }
                : null,
            Glossary = Glossary is { } g
                ? new GlossaryData
                {
                    Term = g.Term.Trim(), PlainExplanation = g.PlainExplanation.Trim(), Side = g.Side!.Value,
                    Aliases = g.Aliases.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                }
                : null,
            AppliesTo = NormalizeTags(AppliesTo),
        };
        return new ArticleContent(kind, Title.Trim(), Body, NormalizeTags(Tags), OwnerTeam.Trim() is { Length: > 0 } team ? team : null,
            ReviewIntervalDays ?? ArticleKinds.DefaultReviewIntervalDays(kind), data);
    }

    /// <summary>Tags compare case-insensitively, so they are stored trimmed and in lower case, each once.</summary>
    public static List<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

public sealed record TechStackInput(string Component, TechCategory? Category, string Version, string Vendor, string Owner);

public sealed record ApiDocInput(string System, string BaseUrl, ApiAuth? Auth, RateLimitInput? RateLimit, IReadOnlyList<ApiEndpointInput> Endpoints);

public sealed record RateLimitInput(int Limit, int WindowSeconds);

public sealed record ApiEndpointInput(string Method, string Path, string Summary);

public sealed record DataSchemaInput(string Entity, IReadOnlyList<SchemaFieldInput> Fields);

public sealed record SchemaFieldInput(string Name, string Type, string Source, bool Pii, FieldAccess? Access);

public sealed record GlossaryInput(string Term, IReadOnlyList<string> Aliases, string PlainExplanation, GlossarySide? Side);

/// <summary>Shape rules, and the structured part that fits the kind: exactly the kind's own object, no other.</summary>
public sealed class ArticleInputValidator : AbstractValidator<ArticleInput>
{
    public const int TitleMax = 200;
    public const int BodyMax = 100_000;
    public const int TextMax = 2_000;
    public const int ShortMax = 200;
    public const int ListMax = 50;
    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    public ArticleInputValidator()
    {
        RuleFor(a => a.Kind).NotNull().WithMessage($"Kind must be one of: {WireName.Names<ArticleKind>()}.");
        RuleFor(a => a.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("A title is required.").MaximumLength(TitleMax).Must(NoNul).WithMessage(NulMessage);
        RuleFor(a => a.Body).MaximumLength(BodyMax).Must(NoNul).WithMessage(NulMessage);
        RuleFor(a => a.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("A body is required for this kind.")
            .When(a => a.Kind is not (ArticleKind.TechStack or ArticleKind.ApiDoc or ArticleKind.DataSchema or ArticleKind.Glossary));
        RuleFor(a => a.OwnerTeam).MaximumLength(100).Must(NoNul).WithMessage(NulMessage);
        RuleFor(a => a.ReviewIntervalDays).InclusiveBetween(1, 3650);
        Tags(RuleFor(a => a.Tags));
        Tags(RuleFor(a => a.AppliesTo));
        RuleForEach(a => a.Tags).Must(ShortText).WithMessage(ShortMessage);
        RuleForEach(a => a.AppliesTo).Must(ShortText).WithMessage(ShortMessage);
        RuleFor(a => a.AppliesTo).Empty().WithMessage("Only procedures, pitfalls and FAQs list appliesTo.")
            .When(a => a.Kind is { } kind && !ArticleKinds.HasAppliesTo(kind));

        Fits(a => a.TechStack, ArticleKind.TechStack, "techStack");
        Fits(a => a.ApiDoc, ArticleKind.ApiDoc, "apiDoc");
        Fits(a => a.DataSchema, ArticleKind.DataSchema, "dataSchema");
        Fits(a => a.Glossary, ArticleKind.Glossary, "glossary");

        RuleFor(a => a.TechStack!).ChildRules(t =>
        {
            t.RuleFor(x => x.Component).Must(Required).WithMessage("A component is required.").Must(ShortText).WithMessage(ShortMessage);
            t.RuleFor(x => x.Category).NotNull().WithMessage($"Category must be one of: {WireName.Names<TechCategory>()}.");
            t.RuleFor(x => x.Version).Must(ShortText).WithMessage(ShortMessage);
            t.RuleFor(x => x.Vendor).Must(ShortText).WithMessage(ShortMessage);
            t.RuleFor(x => x.Owner).Must(ShortText).WithMessage(ShortMessage);
        }).When(a => a.TechStack is not null);

        RuleFor(a => a.ApiDoc!).ChildRules(api =>
        {
            api.RuleFor(x => x.System).Must(Required).WithMessage("A system is required.").Must(ShortText).WithMessage(ShortMessage);
            api.RuleFor(x => x.BaseUrl).Must(IsHttpUrl).WithMessage("The base URL must be an absolute http(s) URL.");
            api.RuleFor(x => x.Auth).NotNull().WithMessage($"Auth must be one of: {WireName.Names<ApiAuth>()}.");
            api.RuleFor(x => x.RateLimit!.Limit).GreaterThan(0).OverridePropertyName("RateLimit.Limit").When(x => x.RateLimit is not null);
            api.RuleFor(x => x.RateLimit!.WindowSeconds).InclusiveBetween(1, 31 * 24 * 3600).OverridePropertyName("RateLimit.WindowSeconds").When(x => x.RateLimit is not null);
            api.RuleFor(x => x.Endpoints.Count).LessThanOrEqualTo(200).OverridePropertyName("Endpoints");
            api.RuleForEach(x => x.Endpoints).ChildRules(e =>
            {
                e.RuleFor(x => x.Method).Must(m => HttpMethods.Contains(m.Trim())).WithMessage("Method must be one of: " + string.Join(", ", HttpMethods) + ".");
                e.RuleFor(x => x.Path).Must(p => p.StartsWith('/') && p.Length <= 500 && NoNul(p)).WithMessage("A path starts with / (at most 500 characters).");
                e.RuleFor(x => x.Summary).Must(s => s.Length <= TextMax && NoNul(s)).WithMessage($"At most {TextMax} characters, no NUL.");
            });
        }).When(a => a.ApiDoc is not null);

        RuleFor(a => a.DataSchema!).ChildRules(schema =>
        {
            schema.RuleFor(x => x.Entity).Must(Required).WithMessage("An entity is required.").Must(ShortText).WithMessage(ShortMessage);
            schema.RuleFor(x => x.Fields).NotEmpty().WithMessage("A schema lists at least one field.");
            schema.RuleFor(x => x.Fields.Count).LessThanOrEqualTo(500).OverridePropertyName("Fields");
            schema.RuleForEach(x => x.Fields).ChildRules(f =>
            {
                f.RuleFor(x => x.Name).Must(Required).WithMessage("A field needs a name.").Must(ShortText).WithMessage(ShortMessage);
                f.RuleFor(x => x.Type).Must(Required).WithMessage("A field needs a type.").Must(ShortText).WithMessage(ShortMessage);
                f.RuleFor(x => x.Source).Must(ShortText).WithMessage(ShortMessage);
                f.RuleFor(x => x.Access).NotNull().WithMessage($"Access must be one of: {WireName.Names<FieldAccess>()}.");
            });
            schema.RuleFor(x => x.Fields).Must(fields => fields.GroupBy(f => f.Name.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
                .WithMessage("Field names must be unique.");
        }).When(a => a.DataSchema is not null);

        RuleFor(a => a.Glossary!).ChildRules(g =>
        {
            g.RuleFor(x => x.Term).Must(Required).WithMessage("A term is required.").Must(ShortText).WithMessage(ShortMessage)
                .Must(HasWord).WithMessage("A term needs at least one letter or digit.");
            g.RuleFor(x => x.Aliases.Count).LessThanOrEqualTo(20).OverridePropertyName("Aliases");
            g.RuleForEach(x => x.Aliases).Must(a => ShortText(a) && HasWord(a)).WithMessage("An alias has a letter or digit and at most 200 characters.");
            g.RuleFor(x => x.PlainExplanation).Must(Required).WithMessage("A plain explanation is required.")
                .Must(e => e.Length <= TextMax && NoNul(e)).WithMessage($"At most {TextMax} characters, no NUL.");
            g.RuleFor(x => x.Side).NotNull().WithMessage($"Side must be one of: {WireName.Names<GlossarySide>()}.");
        }).When(a => a.Glossary is not null);
    }

    internal const string NulMessage = "Text may not contain NUL characters.";
    private const string ShortMessage = "At most 200 characters, no NUL.";

    internal static bool NoNul(string? text) => text is null || !text.Contains('\0', StringComparison.Ordinal);

    private static bool Required(string text) => !string.IsNullOrWhiteSpace(text);

    private static bool ShortText(string text) => text.Length <= ShortMax && NoNul(text);

    private static bool HasWord(string text) => text.Any(char.IsLetterOrDigit);

    private static bool IsHttpUrl(string url) =>
        url.Length <= 2000 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void Tags(IRuleBuilderInitial<ArticleInput, IReadOnlyList<string>> rule) =>
        rule.Must(t => t.Count <= ListMax).WithMessage($"At most {ListMax} entries.");

    private void Fits<T>(System.Linq.Expressions.Expression<Func<ArticleInput, T?>> data, ArticleKind kind, string name) where T : class
    {
        RuleFor(data).NotNull().WithMessage($"An article of kind {name} needs its {name} object.").When(a => a.Kind == kind);
        RuleFor(data).Null().WithMessage($"Only an article of kind {name} carries {name}.").When(a => a.Kind is { } k && k != kind);
    }
}
