using FluentValidation;

namespace MarketingDev.Requests.Features;

/// <summary>The shared shape rules of free text in this service's commands, as FluentValidation rule builders.</summary>
internal static class TextRules
{
    public const int Max = 4000;

    /// <summary>What the history stores of a reason (request_changes.reason).</summary>
    public const int ReasonMax = 2000;

    /// <summary>Present (not blank) and at most <see cref="Max"/> characters; one error per field.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, string whenMissing) => rule
        .Cascade(CascadeMode.Stop)
        .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(whenMissing)
        .MaximumLength(Max).WithMessage($"At most {Max} characters.");

    /// <summary>A known member of a closed set (a number the contract does not know is refused), with the wire names in the message.</summary>
    public static IRuleBuilderOptions<T, TEnum> Known<T, TEnum>(this IRuleBuilder<T, TEnum> rule, string name) where TEnum : struct, Enum => rule
        .Must(value => Enum.IsDefined(value)).WithMessage($"{name} must be one of: {ServiceDefaults.WireName.Names<TEnum>()}.");

    /// <summary>As <see cref="Known{T,TEnum}"/>, for an optional filter (null: any).</summary>
    public static IRuleBuilderOptions<T, TEnum?> KnownOrAbsent<T, TEnum>(this IRuleBuilder<T, TEnum?> rule, string name) where TEnum : struct, Enum => rule
        .Must(value => value is not { } v || Enum.IsDefined(v)).WithMessage($"{name} must be one of: {ServiceDefaults.WireName.Names<TEnum>()}.");
}
