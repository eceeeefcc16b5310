using System.Text;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Meetings;

/// <summary>The agenda as Markdown ready to paste into a chat channel: one list per section, deferred items last.</summary>
public static class AgendaMarkdown
{
    private static readonly Dictionary<Section, string> Headings = new()
    {
        [Section.Initiatives] = "Upcoming initiatives",
        [Section.Roadblocks] = "Technical roadblocks",
        [Section.QuickWins] = "Quick wins and ideas",
        [Section.ActionItems] = "Action items",
    };

    public static string Render(string seriesName, string timeZone, Agenda agenda, IReadOnlyList<MeetingNote> notes)
    {
        var local = LocalTimes.TimeOf(agenda.StartsAt, timeZone);
        var md = new StringBuilder();
        md.Append($"# {Clean(seriesName)} — {agenda.Date:yyyy-MM-dd} {local:HH:mm} ({timeZone})\n\n");
        md.Append($"{agenda.DurationMinutes} minutes, at least {agenda.MinimumItemMinutes} per item. Built {agenda.BuiltAt:yyyy-MM-dd HH:mm}Z.\n");
        foreach (var section in agenda.Sections)
        {
            var carried = section.CarriedInMinutes > 0 ? $", +{section.CarriedInMinutes} carried over" : "";
            md.Append($"\n## {Headings[section.Section]} ({section.TimeboxMinutes} min{carried})\n\n");
            if (section.Items.Count == 0 && section.Deferred.Count == 0)
            {
                md.Append("_Nothing this week._\n");
            }

            foreach (var item in section.Items)
            {
                md.Append($"- {Line(item)} — {item.Minutes} min\n");
                foreach (var note in notes.Where(n => n.ItemId == item.ItemId))
                {
                    md.Append($"  - {note.Kind.ToString().ToLowerInvariant()}: {Clean(note.Text)} ({Clean(note.By)})\n");
                }
            }

            if (section.Deferred.Count > 0)
            {
                md.Append($"\nDeferred: {Clean(section.Deferred[0].DeferredReason ?? "")}\n\n");
                foreach (var item in section.Deferred)
                {
                    md.Append($"- {Line(item)}\n");
                }
            }
        }

        if (agenda.SpareMinutes > 0)
        {
            md.Append($"\n{agenda.SpareMinutes} min spare.\n");
        }

        return md.ToString();
    }

    private static string Line(AgendaItem item)
    {
        var parts = new List<string>();
        parts.Add(item.Kind switch
        {
            AgendaItemKind.Request => $"**{Clean(item.RequestKey)} {Clean(item.Title)}**",
            AgendaItemKind.Roadblock => $"**{Clean(item.Title)}** ({item.Severity}): {Clean(item.Detail)}",
            AgendaItemKind.Idea => $"💡 {Clean(item.Title)} ({Clean(item.Owner)})",
            _ => $"{Clean(item.Title)} — {Clean(item.Owner)}, due {item.DueDate:yyyy-MM-dd}",
        });
        if (item.LaunchDate is { } launch)
        {
            parts.Add($"launch {launch:yyyy-MM-dd}");
        }

        if (!string.IsNullOrEmpty(item.Priority))
        {
            parts.Add(item.Priority);
        }

        parts.AddRange(item.Flags.Select(f => f switch
        {
            AgendaMark.Draft => "_draft_",
            AgendaMark.NeedsKickoff => "_needs kick-off_",
            AgendaMark.StillRelevant => "_still relevant?_",
            _ => "_overdue_",
        }));
        return string.Join(" · ", parts);
    }

    private static string Clean(string? text) => (text ?? "").ReplaceLineEndings(" ").Trim();
}
