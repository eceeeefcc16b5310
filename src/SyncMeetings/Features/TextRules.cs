using FluentValidation;

namespace MarketingDev.SyncMeetings.Features;

/// <summary>Shape rules every text field shares: bounded, and no NUL (PostgreSQL refuses it in text).</summary>
internal static class TextRules
{
    public const int ListMax = 100;

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .MaximumLength(maxLength)
        .Must(s => s is null || !s.Contains('\0', StringComparison.Ordinal)).WithMessage("Text must not contain NUL characters.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("This field is required.")
        .Text(maxLength);

    public static IRuleBuilderOptions<T, string?> OptionalGuid<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(s => string.IsNullOrEmpty(s) || Guid.TryParse(s, out _)).WithMessage("Must be an id (a UUID).");

    /// <summary>Calendar dates a sync can be about; beyond them date arithmetic (a horizon, a week later) would overflow.</summary>
    public static readonly DateOnly FirstDate = new(2000, 1, 1);
    public static readonly DateOnly LastDate = new(2199, 12, 31);

    public static bool IsPlausible(DateOnly? date) => date is null || (date >= FirstDate && date <= LastDate);

    public static void RequirePlausible(DateOnly? date, string pointer)
    {
        if (date is null || !IsPlausible(date))
        {
            throw new ServiceDefaults.Errors.InvalidInputException(pointer, $"A date (yyyy-MM-dd) between {FirstDate:yyyy-MM-dd} and {LastDate:yyyy-MM-dd} is required.");
        }
    }

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) => rule
        .Must(d => d is not null && IsPlausible(d)).WithMessage($"A date (yyyy-MM-dd) between {FirstDate:yyyy-MM-dd} and {LastDate:yyyy-MM-dd} is required.");

    public static Guid? ToGuid(this string? value) => Guid.TryParse(value, out var id) ? id : null;
}
