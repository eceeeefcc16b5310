using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Meetings;

namespace MarketingDev.SyncMeetings.Tests.Agenda;

/// <summary>The agenda rules, table-driven over snapshots: selection, order, flags, timeboxes, time zones.</summary>
public sealed class AgendaBuilderTests
{
    private static readonly DateOnly Tuesday = new(2027, 3, 2);
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<SectionTimebox> DefaultSections =
        [new(Domain.Section.Initiatives, 10), new(Domain.Section.Roadblocks, 10), new(Domain.Section.QuickWins, 5), new(Domain.Section.ActionItems, 5)];

    private static AgendaSettings Settings(string zone = "Europe/Berlin", int hour = 9, int minute = 30, int horizon = 6, int minimum = 2) =>
        new(zone, new TimeOnly(hour, minute), 30, horizon, DefaultSections, minimum);

    private static AgendaInput Input(
        AgendaSettings? settings = null, DateOnly? date = null, DateTimeOffset? previous = null, IReadOnlyList<RequestFacts>? requests = null,
        IReadOnlyList<RoadblockFacts>? roadblocks = null, IReadOnlyList<IdeaFacts>? ideas = null, IReadOnlyList<ActionItemFacts>? actionItems = null) =>
        new(settings ?? Settings(), date ?? Tuesday, Now, previous, requests ?? [], roadblocks ?? [], ideas ?? [], actionItems ?? []);

    private static RequestFacts Request(
        string key, int launchInDays, string status = "submitted", string priority = "medium", string? size = null, bool quickWin = false,
        DateTimeOffset? lastActivity = null, bool kickoff = false, DateOnly? from = null) =>
        new(Guid.NewGuid(), key, "Title " + key, status, priority, (from ?? Tuesday).AddDays(launchInDays), size, quickWin, lastActivity ?? Now, kickoff);

    private static RequestFacts Undated(string key, string status = "submitted", string priority = "medium", string? size = null, bool quickWin = false) =>
        new(Guid.NewGuid(), key, "Title " + key, status, priority, null, size, quickWin, Now, false);

    private static AgendaSection Section(Domain.Agenda agenda, Domain.Section section) => agenda.Sections.Single(s => s.Section == section);

    private static List<string> Keys(AgendaSection section) => section.Items.Select(i => i.RequestKey ?? i.Title).ToList();

    [Fact]
    public void Build_EmptySnapshot_AllSectionsEmptyAndEveryMinuteSpare()
    {
        var agenda = AgendaBuilder.Build(Input());

        Assert.Equal([Domain.Section.Initiatives, Domain.Section.Roadblocks, Domain.Section.QuickWins, Domain.Section.ActionItems],
            agenda.Sections.Select(s => s.Section));
        Assert.All(agenda.Sections, s => Assert.Empty(s.Items));
        Assert.All(agenda.Sections, s => Assert.Empty(s.Deferred));
        Assert.Equal([0, 10, 20, 25], agenda.Sections.Select(s => s.CarriedInMinutes));
        Assert.Equal(30, agenda.SpareMinutes);
    }

    [Theory]
    // timebox, carried in, items, minimum → minutes per kept item, deferred count, minutes used
    [InlineData(10, 0, 0, 2, new int[0], 0, 0)]
    [InlineData(10, 0, 1, 2, new[] { 10 }, 0, 10)]
    [InlineData(10, 0, 2, 2, new[] { 5, 5 }, 0, 10)]
    [InlineData(10, 0, 3, 2, new[] { 4, 3, 3 }, 0, 10)]
    [InlineData(10, 0, 5, 2, new[] { 2, 2, 2, 2, 2 }, 0, 10)]
    [InlineData(10, 0, 6, 2, new[] { 2, 2, 2, 2, 2 }, 1, 10)]
    [InlineData(10, 0, 4, 3, new[] { 4, 3, 3 }, 1, 10)]
    [InlineData(5, 10, 8, 2, new[] { 3, 2, 2, 2, 2, 2, 2 }, 1, 15)]
    [InlineData(5, 10, 2, 2, new[] { 3, 2 }, 0, 5)]
    [InlineData(5, 10, 4, 2, new[] { 2, 2, 2, 2 }, 0, 8)]
    [InlineData(0, 0, 1, 2, new int[0], 1, 0)]
    [InlineData(1, 0, 1, 2, new int[0], 1, 0)]
    [InlineData(0, 3, 1, 2, new[] { 2 }, 0, 2)]
    public void Allot_TimeboxAndItems_KeepsWhatFitsAndDefersTheRest(
        int timebox, int carriedIn, int count, int minimum, int[] expectedMinutes, int expectedDeferred, int expectedUsed)
    {
        var items = Enumerable.Range(0, count)
            .Select(i => new AgendaItem(Guid.NewGuid(), AgendaItemKind.Idea, $"idea {i}", 0, [])).ToList();

        var section = AgendaBuilder.Allot(new SectionTimebox(Domain.Section.QuickWins, timebox), carriedIn, items, minimum);

        Assert.Equal(expectedMinutes, section.Items.Select(i => i.Minutes));
        Assert.Equal(expectedDeferred, section.Deferred.Count);
        Assert.Equal(expectedUsed, section.AllottedMinutes);
        Assert.Equal(items.Select(i => i.ItemId), section.Items.Concat(section.Deferred).Select(i => i.ItemId));
        Assert.All(section.Items, i => Assert.True(i.Minutes >= minimum));
        Assert.All(section.Deferred, i => Assert.Contains("quickWins timebox is full", i.DeferredReason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6, -1, false)]
    [InlineData(6, 0, true)]
    [InlineData(6, 21, true)]
    [InlineData(6, 42, true)]
    [InlineData(6, 43, false)]
    [InlineData(4, 28, true)]
    [InlineData(4, 29, false)]
    [InlineData(5, 35, true)]
    [InlineData(5, 36, false)]
    public void Initiatives_LaunchAgainstHorizon_IncludedOnlyWithinIt(int horizonWeeks, int launchInDays, bool included)
    {
        var agenda = AgendaBuilder.Build(Input(Settings(horizon: horizonWeeks), requests: [Request("R-1", launchInDays)]));

        Assert.Equal(included ? ["R-1"] : [], Keys(Section(agenda, Domain.Section.Initiatives)));
    }

    [Theory]
    [InlineData("draft", true, true)]
    [InlineData("submitted", true, false)]
    [InlineData("inReview", true, false)]
    [InlineData("ready", true, false)]
    [InlineData("inProgress", true, false)]
    [InlineData("delivered", false, false)]
    [InlineData("rejected", false, false)]
    [InlineData("withdrawn", false, false)]
    public void Initiatives_ByStatus_ClosedOnesLeftOutAndDraftsMarked(string status, bool included, bool draft)
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Request("R-1", 21, status)]));

        var items = Section(agenda, Domain.Section.Initiatives).Items;
        Assert.Equal(included, items.Count == 1);
        Assert.Equal(draft, items.Any(i => i.Flags.Contains(AgendaMark.Draft)));
    }

    [Fact]
    public void Initiatives_NoLaunchDate_LeftOut()
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Undated("R-1")]));

        Assert.Empty(Section(agenda, Domain.Section.Initiatives).Items);
    }

    [Fact]
    public void Initiatives_Ties_EarliestLaunchThenPriorityThenKey()
    {
        var agenda = AgendaBuilder.Build(Input(requests:
        [
            Request("R-5", 14, priority: "low"), Request("R-4", 14, priority: "urgent"), Request("R-3", 7, priority: "low"),
            Request("R-2", 14, priority: "high"), Request("R-1", 14, priority: "high"),
        ]));

        Assert.Equal(["R-3", "R-4", "R-1", "R-2", "R-5"],
            Section(agenda, Domain.Section.Initiatives).Items.Concat(Section(agenda, Domain.Section.Initiatives).Deferred).Select(i => i.RequestKey));
    }

    [Theory]
    [InlineData("l", false, true)]
    [InlineData("xl", false, true)]
    [InlineData("l", true, false)]
    [InlineData("xl", true, false)]
    [InlineData("m", false, false)]
    [InlineData(null, false, false)]
    public void Initiatives_LargeEstimateWithoutKickoff_NeedsKickoff(string? size, bool kickoffHeld, bool expected)
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Request("R-1", 21, size: size, kickoff: kickoffHeld)]));

        Assert.Equal(expected, Section(agenda, Domain.Section.Initiatives).Items.Single().Flags.Contains(AgendaMark.NeedsKickoff));
    }

    [Theory]
    // Europe/Berlin, 2027-03-02 09:30 local = 08:30Z. Three weeks = 21 × 24 hours before the start.
    [InlineData("2027-02-09T08:30:00Z", true)]
    [InlineData("2027-02-09T08:31:00Z", false)]
    [InlineData("2027-01-01T00:00:00Z", true)]
    [InlineData("2027-03-01T12:00:00Z", false)]
    public void Initiatives_NoActivityForThreeWeeks_AskStillRelevant(string lastActivity, bool expected)
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Request("R-1", 21, lastActivity: DateTimeOffset.Parse(lastActivity))]));

        Assert.Equal(expected, Section(agenda, Domain.Section.Initiatives).Items.Single().Flags.Contains(AgendaMark.StillRelevant));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2027-03-27", 9, 30, "2027-03-27T08:30:00Z")] // CET, the day before
    [InlineData("Europe/Berlin", "2027-03-28", 9, 30, "2027-03-28T07:30:00Z")] // clocks went forward at 02:00 that night
    [InlineData("Europe/Berlin", "2027-10-31", 9, 30, "2027-10-31T08:30:00Z")] // clocks went back at 03:00
    [InlineData("Europe/Berlin", "2027-10-31", 2, 30, "2027-10-31T00:30:00Z")] // happens twice: the first (CEST)
    [InlineData("America/New_York", "2027-03-13", 9, 30, "2027-03-13T14:30:00Z")]
    [InlineData("America/New_York", "2027-03-14", 9, 30, "2027-03-14T13:30:00Z")]
    [InlineData("Australia/Sydney", "2027-04-04", 9, 30, "2027-04-03T23:30:00Z")]
    [InlineData("Asia/Kolkata", "2027-03-02", 9, 30, "2027-03-02T04:00:00Z")]
    [InlineData("UTC", "2027-03-02", 9, 30, "2027-03-02T09:30:00Z")]
    public void Build_SeriesTimeZone_StartsAtTheLocalTimeOfThatDay(string zone, string date, int hour, int minute, string expectedUtc)
    {
        var agenda = AgendaBuilder.Build(Input(Settings(zone, hour, minute), DateOnly.Parse(date)));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), agenda.StartsAt);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2027-03-28", 2, 30)]
    [InlineData("America/New_York", "2027-03-14", 2, 15)]
    public void Build_StartSkippedByDaylightSaving_IsUnprocessable(string zone, string date, int hour, int minute)
    {
        var error = Assert.Throws<UnprocessableException>(() => AgendaBuilder.Build(Input(Settings(zone, hour, minute), DateOnly.Parse(date))));

        Assert.Contains("NONEXISTENT_LOCAL_TIME", error.DetailsJson, StringComparison.Ordinal);
    }

    [Theory]
    // Meeting on the DST day: 2027-03-28 09:30 Berlin = 07:30Z. 21 days earlier in local wall time would be 08:30Z.
    [InlineData("2027-03-07T07:30:00Z", true)]
    [InlineData("2027-03-07T08:00:00Z", false)]
    public void Build_MeetingOnDaylightSavingDay_StalenessCountsRealHours(string lastActivity, bool stale)
    {
        var dstDay = new DateOnly(2027, 3, 28);
        var agenda = AgendaBuilder.Build(Input(date: dstDay,
            requests: [Request("R-1", 7, lastActivity: DateTimeOffset.Parse(lastActivity), from: dstDay)]));

        Assert.Equal(stale, Section(agenda, Domain.Section.Initiatives).Items.Single().Flags.Contains(AgendaMark.StillRelevant));
    }

    [Theory]
    // The series' time zone decides which calendar day a launch is "today": the horizon counts from the local meeting date.
    [InlineData("Pacific/Auckland", "2027-03-02")]
    [InlineData("America/Los_Angeles", "2027-03-02")]
    public void Build_HorizonCountsFromTheLocalMeetingDate_WhateverTheZone(string zone, string date)
    {
        var meetingDate = DateOnly.Parse(date);
        var agenda = AgendaBuilder.Build(Input(Settings(zone), meetingDate,
            requests: [Request("EDGE", 42, from: meetingDate), Request("OUT", 43, from: meetingDate), Request("PAST", -1, from: meetingDate)]));

        Assert.Equal(["EDGE"], Keys(Section(agenda, Domain.Section.Initiatives)));
    }

    [Fact]
    public void Roadblocks_Open_HighestSeverityFirstThenOldest()
    {
        RoadblockFacts Roadblock(string key, string severity, int daysAgo, bool resolved = false) =>
            new(Guid.NewGuid(), Guid.NewGuid(), key, "t", "d", severity, Now.AddDays(-daysAgo), resolved);

        var agenda = AgendaBuilder.Build(Input(roadblocks:
        [
            Roadblock("LOW-OLD", "low", 30), Roadblock("HIGH-NEW", "high", 1), Roadblock("HIGH-OLD", "high", 5),
            Roadblock("MED", "medium", 3), Roadblock("HIGH-RESOLVED", "high", 9, resolved: true),
        ]));

        var section = Section(agenda, Domain.Section.Roadblocks);
        Assert.Equal(["HIGH-OLD", "HIGH-NEW", "MED", "LOW-OLD"], section.Items.Concat(section.Deferred).Select(i => i.RequestKey));
    }

    [Theory]
    [InlineData(false, null, "submitted", false)]
    [InlineData(true, null, "submitted", true)]
    [InlineData(false, "xs", "draft", true)]
    [InlineData(false, "s", "ready", true)]
    [InlineData(false, "m", "ready", false)]
    [InlineData(true, "s", "inProgress", false)]
    [InlineData(true, "s", "delivered", false)]
    [InlineData(true, null, "withdrawn", false)]
    public void QuickWins_MarkedOrSmallAndNotStarted_Listed(bool quickWin, string? size, string status, bool listed)
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Undated("Q-1", status, size: size, quickWin: quickWin)]));

        Assert.Equal(listed ? ["Q-1"] : [], Keys(Section(agenda, Domain.Section.QuickWins)));
    }

    [Fact]
    public void QuickWins_AlsoAnInitiative_DiscussedOnceUnderInitiatives()
    {
        var agenda = AgendaBuilder.Build(Input(requests: [Request("BOTH", 14, quickWin: true)]));

        Assert.Equal(["BOTH"], Keys(Section(agenda, Domain.Section.Initiatives)));
        Assert.Empty(Section(agenda, Domain.Section.QuickWins).Items);
    }

    [Fact]
    public void QuickWins_Ideas_OnlyNewOnesCollectedSinceThePreviousMeeting_OldestFirst_AfterRequests()
    {
        var previous = new DateTimeOffset(2027, 2, 23, 8, 30, 0, TimeSpan.Zero);
        IdeaFacts Idea(string text, DateTimeOffset at, IdeaStatus status = IdeaStatus.New) => new(Guid.NewGuid(), text, "maria", at, status);

        var agenda = AgendaBuilder.Build(Input(previous: previous, requests: [Undated("Q-1", quickWin: true)], ideas:
        [
            Idea("later", previous.AddDays(2)), Idea("before the last sync", previous.AddMinutes(-1)), Idea("sooner", previous.AddMinutes(1)),
            Idea("dropped", previous.AddDays(1), IdeaStatus.Dropped), Idea("from the future", Now.AddHours(1)),
        ]));

        var section = Section(agenda, Domain.Section.QuickWins);
        Assert.Equal(["Q-1", "sooner", "later"], section.Items.Concat(section.Deferred).Select(i => i.RequestKey ?? i.Title));
    }

    [Fact]
    public void QuickWins_FirstMeeting_EveryNewIdeaCounts()
    {
        var agenda = AgendaBuilder.Build(Input(ideas: [new IdeaFacts(Guid.NewGuid(), "old idea", "dave", Now.AddDays(-90), IdeaStatus.New)]));

        Assert.Equal(["old idea"], Keys(Section(agenda, Domain.Section.QuickWins)));
    }

    [Fact]
    public void ActionItems_Open_OverdueFirstThenByDueDate()
    {
        ActionItemFacts Item(string title, int dueInDays, ActionItemStatus status = ActionItemStatus.Open) =>
            new(Guid.NewGuid(), title, "dave", Tuesday.AddDays(dueInDays), null, Now.AddDays(-10), status);

        var agenda = AgendaBuilder.Build(Input(actionItems:
            [Item("next week", 7), Item("today", 0), Item("late", -3), Item("very late", -10), Item("done", -20, ActionItemStatus.Done)]));

        var section = Section(agenda, Domain.Section.ActionItems);
        var all = section.Items.Concat(section.Deferred).ToList();
        Assert.Equal(["very late", "late", "today", "next week"], all.Select(i => i.Title));
        Assert.Equal([true, true, false, false], all.Select(i => i.Flags.Contains(AgendaMark.Overdue)));
    }

    [Fact]
    public void Build_Overflow_DeferredWithReasonNeverDropped()
    {
        var requests = Enumerable.Range(1, 7).Select(i => Request($"R-{i}", i)).ToList();

        var agenda = AgendaBuilder.Build(Input(requests: requests));

        var initiatives = Section(agenda, Domain.Section.Initiatives);
        Assert.Equal(["R-1", "R-2", "R-3", "R-4", "R-5"], Keys(initiatives));
        Assert.Equal(["R-6", "R-7"], initiatives.Deferred.Select(i => i.RequestKey));
        Assert.All(initiatives.Deferred, i => Assert.Equal(
            "The initiatives timebox is full: 10 min (10 own + 0 carried over) hold 5 of 7 items at 2 min each; carry it to the next sync.", i.DeferredReason));
        Assert.All(initiatives.Deferred, i => Assert.Equal(0, i.Minutes));
    }

    [Fact]
    public void Build_SpareTime_FlowsToTheNextSectionsThatNeedIt()
    {
        var ideas = Enumerable.Range(1, 8).Select(i => new IdeaFacts(Guid.NewGuid(), $"idea {i}", "maria", Now.AddHours(-i), IdeaStatus.New)).ToList();

        var agenda = AgendaBuilder.Build(Input(ideas: ideas));

        var quickWins = Section(agenda, Domain.Section.QuickWins);
        Assert.Equal(20, quickWins.CarriedInMinutes);
        Assert.Equal(8, quickWins.Items.Count);
        Assert.Empty(quickWins.Deferred);
        Assert.Equal(16, quickWins.AllottedMinutes);
        Assert.Equal(9, Section(agenda, Domain.Section.ActionItems).CarriedInMinutes);
        Assert.Equal(14, agenda.SpareMinutes);
        Assert.Equal(30, agenda.Sections.Sum(s => s.AllottedMinutes) + agenda.SpareMinutes);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(3, 2, 9, 4)]
    [InlineData(12, 12, 12, 12)]
    public void Build_AnySnapshot_MinutesAddUpToTheDuration(int initiatives, int roadblocks, int ideas, int actionItems)
    {
        var agenda = AgendaBuilder.Build(Input(
            requests: Enumerable.Range(1, initiatives).Select(i => Request($"R-{i}", i)).ToList(),
            roadblocks: Enumerable.Range(1, roadblocks).Select(i => new RoadblockFacts(Guid.NewGuid(), Guid.NewGuid(), $"B-{i}", "t", "d", "high", Now, false)).ToList(),
            ideas: Enumerable.Range(1, ideas).Select(i => new IdeaFacts(Guid.NewGuid(), $"idea {i}", "m", Now.AddMinutes(-i), IdeaStatus.New)).ToList(),
            actionItems: Enumerable.Range(1, actionItems).Select(i => new ActionItemFacts(Guid.NewGuid(), $"a {i}", "o", Tuesday, null, Now, ActionItemStatus.Open)).ToList()));

        Assert.Equal(30, agenda.Sections.Sum(s => s.AllottedMinutes) + agenda.SpareMinutes);
        Assert.Equal(initiatives + roadblocks + ideas + actionItems, agenda.Sections.Sum(s => s.Items.Count + s.Deferred.Count));
        Assert.All(agenda.Sections, s => Assert.Equal(s.AllottedMinutes, s.Items.Sum(i => i.Minutes)));
    }
}
