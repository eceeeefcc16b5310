namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>
/// The structured part of an article, one JSON document: exactly the member that fits the article's kind is set
/// (AppliesTo for procedures, pitfalls and FAQs). Mutable classes because EF Core materialises owned JSON types.
/// </summary>
public sealed class ArticleData
{
    public TechStackData? TechStack { get; set; }
    public ApiDocData? ApiDoc { get; set; }
    public DataSchemaData? DataSchema { get; set; }
    public GlossaryData? Glossary { get; set; }
    public List<string> AppliesTo { get; set; } = [];

    /// <summary>A copy that shares no instance with this one (a revision keeps its own snapshot).</summary>
    public ArticleData Copy() => new()
    {
        TechStack = TechStack is { } t ? new TechStackData { Component = t.Component, Category = t.Category, Version = t.Version, Vendor = t.Vendor, Owner = t.Owner } : null,
        ApiDoc = ApiDoc is { } a ? new ApiDocData
        {
            System = a.System, BaseUrl = a.BaseUrl, Auth = a.Auth,
            RateLimit = a.RateLimit is { } r ? new RateLimitData { Limit = r.Limit, WindowSeconds = r.WindowSeconds } : null,
            Endpoints = a.Endpoints.Select(e => new ApiEndpointData { Method = e.Method, Path = e.Path, Summary = e.Summary }).ToList(),
        } : null,
        DataSchema = DataSchema is { } d ? new DataSchemaData
        {
            Entity = d.Entity,
            Fields = d.Fields.Select(f => new SchemaFieldData { Name = f.Name, Type = f.Type, Source = f.Source, Pii = f.Pii, Access = f.Access }).ToList(),
        } : null,
        Glossary = Glossary is { } g ? new GlossaryData { Term = g.Term, Aliases = [.. g.Aliases], PlainExplanation = g.PlainExplanation, Side = g.Side } : null,
        AppliesTo = [.. AppliesTo],
    };

    /// <summary>
    /// The structured fields as plain text: what search weighs between the title and the body (glossary terms and
    /// aliases included, so a search for an alias finds its term).
    /// </summary>
    public string SearchText()
    {
        var parts = new List<string?>();
        if (TechStack is { } t)
        {
            parts.AddRange([t.Component, t.Category.ToString(), t.Version, t.Vendor, t.Owner]);
        }

        if (ApiDoc is { } a)
        {
            parts.AddRange([a.System, a.BaseUrl]);
            parts.AddRange(a.Endpoints.SelectMany(e => new[] { e.Path, e.Summary }));
            if (a.RateLimit is not null)
            {
                parts.Add("rate limit");
            }
        }

        if (DataSchema is { } d)
        {
            parts.Add(d.Entity);
            parts.AddRange(d.Fields.SelectMany(f => new[] { f.Name, f.Source }));
        }

        if (Glossary is { } g)
        {
            parts.Add(g.Term);
            parts.AddRange(g.Aliases);
            parts.Add(g.PlainExplanation);
        }

        parts.AddRange(AppliesTo);
        return string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}

public sealed class TechStackData
{
    public string Component { get; set; } = "";
    public TechCategory Category { get; set; }
    public string Version { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Owner { get; set; } = "";
}

public sealed class ApiDocData
{
    public string System { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public ApiAuth Auth { get; set; }
    public RateLimitData? RateLimit { get; set; }
    public List<ApiEndpointData> Endpoints { get; set; } = [];
}

public sealed class RateLimitData
{
    public int Limit { get; set; }
    public int WindowSeconds { get; set; }
}

public sealed class ApiEndpointData
{
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string Summary { get; set; } = "";
}

public sealed class DataSchemaData
{
    public string Entity { get; set; } = "";
    public List<SchemaFieldData> Fields { get; set; } = [];
}

public sealed class SchemaFieldData
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Pii { get; set; }
    public FieldAccess Access { get; set; }
}

public sealed class GlossaryData
{
    public string Term { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public string PlainExplanation { get; set; } = "";
    public GlossarySide Side { get; set; }
}
