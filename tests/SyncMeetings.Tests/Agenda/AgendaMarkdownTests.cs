using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Meetings;

namespace MarketingDev.SyncMeetings.Tests.Agenda;

public sealed class AgendaMarkdownTests
{
    private static readonly DateOnly Date = new(2027, 3, 30);

    private static Domain.Agenda Agenda(params AgendaSection[] sections) =>
        new(Date, new DateTimeOffset(2027, 3, 30, 7, 30, 0, TimeSpan.Zero), 30, 2, new DateTimeOffset(2027, 3, 29, 18, 0, 0, TimeSpan.Zero), sections, 3);

    [Fact]
    public void Render_ItemsFlagsDeferredAndNotes_InTheSeriesLocalTime()
    {
        var initiative = new AgendaItem(Guid.NewGuid(), AgendaItemKind.Request, "Partner portal", 5, [AgendaMark.Draft, AgendaMark.StillRelevant],
            RequestKey: "REQ-7", Priority: "high", LaunchDate: new DateOnly(2027, 4, 20));
        var deferred = new AgendaItem(Guid.NewGuid(), AgendaItemKind.Idea, "Dark mode\nfor the blog", 0, [], Owner: "dave", DeferredReason: "The quickWins timebox is full.");
        var note = new MeetingNote { ItemId = initiative.ItemId, Kind = NoteKind.Feasibility, Text = "Magic link is simpler", By = "dave" };

        var markdown = AgendaMarkdown.Render("Marketing-Dev Sync", "Europe/Berlin", Agenda(
            new AgendaSection(Section.Initiatives, 10, 0, 10, [initiative], []),
            new AgendaSection(Section.Roadblocks, 10, 0, 0, [], []),
            new AgendaSection(Section.QuickWins, 5, 10, 0, [], [deferred])), [note]);

        Assert.StartsWith("# Marketing-Dev Sync — 2027-03-30 09:30 (Europe/Berlin)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **REQ-7 Partner portal** · launch 2027-04-20 · high · _draft_ · _still relevant?_ — 5 min\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  - feasibility: Magic link is simpler (dave)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Technical roadblocks (10 min)\n\n_Nothing this week._\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Quick wins and ideas (5 min, +10 carried over)", markdown, StringComparison.Ordinal);
        Assert.Contains("Deferred: The quickWins timebox is full.\n\n- 💡 Dark mode for the blog (dave)\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("3 min spare.\n", markdown, StringComparison.Ordinal);
    }
}
