using FluentValidation;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

/// <summary>
/// A series' settings as they arrive (absent optional values null), so validation can name the API's fields.
/// <see cref="ToSettings"/> applies the defaults and is only called on input that passed <see cref="SeriesInputValidator"/>.
/// </summary>
public sealed record SeriesInput(
    string Name,
    DayOfWeek? Weekday,
    bool WeekdayValid,
    int? StartHours,
    int? StartMinutes,
    string TimeZone,
    int? DurationMinutes,
    int? HorizonWeeks,
    int? MinimumItemMinutes,
    IReadOnlyList<SectionInput> Sections,
    IReadOnlyList<ParticipantInput> Participants)
{
    public const int DefaultDuration = 30;
    public const int DefaultHorizon = 6;
    public const int DefaultMinimumItemMinutes = 2;
    public static readonly TimeOnly DefaultStart = new(9, 30);

    public static readonly IReadOnlyList<SectionTimebox> DefaultSections =
    [
        new(Section.Initiatives, 10), new(Section.Roadblocks, 10), new(Section.QuickWins, 5), new(Section.ActionItems, 5),
    ];

    public SeriesSettings ToSettings() => new(
        Name.Trim(),
        Weekday ?? DayOfWeek.Tuesday,
        StartHours is { } h ? new TimeOnly(h, StartMinutes ?? 0) : DefaultStart,
        TimeZone.Trim(),
        DurationMinutes ?? DefaultDuration,
        HorizonWeeks ?? DefaultHorizon,
        MinimumItemMinutes ?? DefaultMinimumItemMinutes,
        Sections.Count == 0 ? DefaultSections : Sections.Select(s => new SectionTimebox(s.Section!.Value, s.Minutes)).ToList(),
        Participants.Select(p => new ParticipantInfo(p.Name.Trim(), p.Function!.Value, NullIfEmpty(p.Role), NullIfEmpty(p.Email))).ToList());

    /// <summary>Timeboxes that do not add up to the duration are well formed but not a plan: 422.</summary>
    public static void RequireTimeboxesAddUp(SeriesSettings settings)
    {
        var total = settings.Sections.Sum(s => s.Minutes);
        if (total != settings.DurationMinutes)
        {
            throw new UnprocessableException(
                $"The section timeboxes add up to {total} minutes, but the meeting lasts {settings.DurationMinutes}.",
                $$"""{"code":"TIMEBOXES_DO_NOT_ADD_UP","durationMinutes":{{settings.DurationMinutes}},"sectionsTotal":{{total}}}""");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record SectionInput(Section? Section, int Minutes);

public sealed record ParticipantInput(string Name, ParticipantFunction? Function, string? Role, string? Email);

public sealed class SeriesInputValidator : AbstractValidator<SeriesInput>
{
    public const int MaxParticipants = 50;

    public SeriesInputValidator()
    {
        RuleFor(s => s.Name).RequiredText(200);
        RuleFor(s => s.WeekdayValid).Equal(true).WithMessage("Weekday must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday.")
            .OverridePropertyName("Weekday");
        RuleFor(s => s.StartHours).InclusiveBetween(0, 23).When(s => s.StartHours is not null).WithMessage("Start time must be a time of day HH:mm.")
            .OverridePropertyName("StartTime");
        RuleFor(s => s.StartMinutes).InclusiveBetween(0, 59).When(s => s.StartMinutes is not null).WithMessage("Start time must be a time of day HH:mm.")
            .OverridePropertyName("StartTime");
        RuleFor(s => s.TimeZone).RequiredText(64)
            .Must(LocalTimes.IsKnownZone).WithMessage(s => $"'{s.TimeZone}' is not an IANA time zone; use a name like Europe/Berlin or America/New_York.");
        RuleFor(s => s.DurationMinutes).InclusiveBetween(10, 240);
        RuleFor(s => s.HorizonWeeks).InclusiveBetween(4, 6).WithMessage("The horizon is 4 to 6 weeks.");
        RuleFor(s => s.MinimumItemMinutes).InclusiveBetween(1, 30);
        RuleFor(s => s.Sections).Must(s => s.Count is 0 or 4)
            .WithMessage($"Give all four sections ({WireName.Names<Section>()}) or none for the defaults.")
            .Must(s => s.Select(x => x.Section).Distinct().Count() == s.Count).WithMessage("Each section appears once.");
        RuleForEach(s => s.Sections).ChildRules(section =>
        {
            section.RuleFor(x => x.Section).NotNull().WithMessage($"Section must be one of: {WireName.Names<Section>()}.");
            section.RuleFor(x => x.Minutes).InclusiveBetween(0, 240);
        });
        RuleFor(s => s.Participants).Must(p => p.Count <= MaxParticipants).WithMessage($"At most {MaxParticipants} participants.");
        RuleForEach(s => s.Participants).ChildRules(participant =>
        {
            participant.RuleFor(p => p.Name).RequiredText(200);
            participant.RuleFor(p => p.Function).NotNull().WithMessage($"Function must be one of: {WireName.Names<ParticipantFunction>()}.");
            participant.RuleFor(p => p.Role).Text(100);
            participant.RuleFor(p => p.Email).Text(200)
                .Must(e => string.IsNullOrEmpty(e) || (e.Contains('@', StringComparison.Ordinal) && !e.Any(char.IsWhiteSpace)))
                .WithMessage("Email must be an address like name@example.com.");
        }).When(s => s.Participants.Count <= MaxParticipants);
    }
}

/// <summary>Advice, not refusal: small teams work best, and a sync without both functions misses its point.</summary>
public static class SeriesWarnings
{
    public const int LargeGroup = 7;

    public static IReadOnlyList<(string Code, string Message)> For(IReadOnlyCollection<Participant> participants)
    {
        var warnings = new List<(string, string)>();
        if (participants.Count > LargeGroup)
        {
            warnings.Add(("LARGE_GROUP", $"{participants.Count} participants: syncs work best with {LargeGroup} or fewer."));
        }

        if (participants.All(p => p.Function != ParticipantFunction.Development))
        {
            warnings.Add(("NO_DEVELOPER", "No participant from development: feasibility questions will go unanswered."));
        }

        if (participants.All(p => p.Function != ParticipantFunction.Marketing))
        {
            warnings.Add(("NO_MARKETER", "No participant from marketing: nobody can speak for the upcoming campaigns."));
        }

        return warnings;
    }
}
