using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Series;

namespace MarketingDev.SyncMeetings.Tests.Agenda;

public sealed class CalendarFeedTests
{
    private static SyncSeries Series(DayOfWeek weekday, string zone, DateTimeOffset createdAt) => SyncSeries.Create(
        new SeriesSettings("Sync", weekday, new TimeOnly(9, 30), zone, 30, 6, 2, [new SectionTimebox(Section.Initiatives, 30)], []),
        "lead-id", "lena", createdAt);

    [Theory]
    // Created on a Tuesday before the meeting's time: that same day; after it, or on a Wednesday: the next Tuesday.
    [InlineData("2027-03-02T06:00:00Z", DayOfWeek.Tuesday, "UTC", "2027-03-02")]
    [InlineData("2027-03-03T06:00:00Z", DayOfWeek.Tuesday, "UTC", "2027-03-09")]
    [InlineData("2027-03-01T23:30:00Z", DayOfWeek.Tuesday, "Europe/Berlin", "2027-03-02")] // already Tuesday in Berlin
    [InlineData("2027-03-02T03:00:00Z", DayOfWeek.Monday, "America/Los_Angeles", "2027-03-08")] // Monday 19:00 there: past 09:30
    [InlineData("2027-03-02T10:00:00Z", DayOfWeek.Tuesday, "UTC", "2027-03-09")]
    [InlineData("2027-03-06T12:00:00Z", DayOfWeek.Sunday, "Pacific/Auckland", "2027-03-07")]
    public void FirstOccurrence_TheFirstStartAfterCreation_InTheSeriesZone(string createdAt, DayOfWeek weekday, string zone, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), CalendarFeed.FirstOccurrence(Series(weekday, zone, DateTimeOffset.Parse(createdAt))));
    }

    [Fact]
    public void Render_CancelledDatesAndSequence_WrittenAsExdateAndSequence()
    {
        var series = Series(DayOfWeek.Tuesday, "Europe/Berlin", new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        series.Cancel(new DateOnly(2027, 3, 30), new DateTimeOffset(2027, 3, 2, 8, 0, 0, TimeSpan.Zero));

        var text = CalendarFeed.Render(series, "https://sync.example/api/v1/sync-series/x/agenda.md");

        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=TU", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20270302T093000", text, StringComparison.Ordinal);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20270330T093000", text, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", text, StringComparison.Ordinal);
        Assert.Contains("DURATION:PT30M", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{series.Id}@marketingdev", text, StringComparison.Ordinal);
    }
}
