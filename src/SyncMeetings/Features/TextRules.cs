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

    public static Guid? ToGuid(this string? value) => Guid.TryParse(value, out var id) ? id : null;
}
