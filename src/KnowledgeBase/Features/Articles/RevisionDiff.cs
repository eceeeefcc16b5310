using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MarketingDev.KnowledgeBase.Domain;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public enum DiffLineType { Unchanged, Added, Removed }

public sealed record DiffLine(DiffLineType Type, string Text, int? OldLine, int? NewLine);

public sealed record RevisionDiffResult(int Added, int Removed, IReadOnlyList<DiffLine> Lines);

/// <summary>A line diff between two revisions, over a plain-text rendering of everything an author can change.</summary>
public static class RevisionDiff
{
    public static RevisionDiffResult Diff(ArticleContent from, ArticleContent to)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(Render(from), Render(to), ignoreWhitespace: false);
        var lines = new List<DiffLine>();
        int oldLine = 0, newLine = 0;
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new DiffLine(DiffLineType.Added, line.Text ?? "", null, ++newLine));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new DiffLine(DiffLineType.Removed, line.Text ?? "", ++oldLine, null));
                    break;
                case ChangeType.Unchanged:
                    lines.Add(new DiffLine(DiffLineType.Unchanged, line.Text ?? "", ++oldLine, ++newLine));
                    break;
                default:
                    break;
            }
        }

        return new RevisionDiffResult(lines.Count(l => l.Type == DiffLineType.Added), lines.Count(l => l.Type == DiffLineType.Removed), lines);
    }

    /// <summary>Title, metadata, structured fields one per line, then the Markdown body: a change shows on its own line.</summary>
    public static string Render(ArticleContent c)
    {
        var text = new StringBuilder();
        void Line(string name, object? value) => text.Append(name).Append(": ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');

        Line("title", c.Title);
        Line("kind", c.Kind);
        Line("tags", string.Join(", ", c.Tags));
        Line("ownerTeam", c.OwnerTeam);
        Line("reviewIntervalDays", c.ReviewIntervalDays);
        var d = c.Data;
        if (d.TechStack is { } t)
        {
            Line("component", t.Component);
            Line("category", t.Category);
            Line("version", t.Version);
            Line("vendor", t.Vendor);
            Line("owner", t.Owner);
        }

        if (d.ApiDoc is { } a)
        {
            Line("system", a.System);
            Line("baseUrl", a.BaseUrl);
            Line("auth", a.Auth);
            Line("rateLimit", a.RateLimit is { } r ? $"{r.Limit} per {r.WindowSeconds} s" : "");
            foreach (var e in a.Endpoints)
            {
                Line("endpoint", $"{e.Method} {e.Path} {e.Summary}");
            }
        }

        if (d.DataSchema is { } s)
        {
            Line("entity", s.Entity);
            foreach (var f in s.Fields)
            {
                Line("field", $"{f.Name} {f.Type} source={f.Source} pii={f.Pii} access={f.Access}");
            }
        }

        if (d.Glossary is { } g)
        {
            Line("term", g.Term);
            Line("aliases", string.Join(", ", g.Aliases));
            Line("plainExplanation", g.PlainExplanation);
            Line("side", g.Side);
        }

        if (d.AppliesTo.Count > 0)
        {
            Line("appliesTo", string.Join(", ", d.AppliesTo));
        }

        text.Append('\n').Append(c.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        return text.ToString();
    }
}
