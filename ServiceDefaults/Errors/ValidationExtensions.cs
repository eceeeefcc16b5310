using System.Text;
using FluentValidation;

namespace MarketingDev.ServiceDefaults.Errors;

public static class ValidationExtensions
{
    /// <summary>Validates and throws <see cref="InvalidInputException"/> with a JSON pointer (#/a/0/b) per failure.</summary>
    public static async Task ValidateOrThrowAsync<T>(this IValidator<T> validator, T input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            throw new InvalidInputException(result.Errors
                .Select(e => new FieldError(ToPointer(e.PropertyName), e.ErrorMessage))
                .ToList());
        }
    }

    /// <summary>"AcceptanceCriteria[0].Text" → "#/acceptanceCriteria/0/text" (RFC 6901 in a URI fragment, as RFC 9457 shows).</summary>
    public static string ToPointer(string propertyPath)
    {
        var pointer = new StringBuilder("#");
        foreach (var segment in propertyPath.Replace("]", "", StringComparison.Ordinal).Split(['.', '['], StringSplitOptions.RemoveEmptyEntries))
        {
            pointer.Append('/').Append(segment.Length > 0 && char.IsUpper(segment[0]) && !segment.All(char.IsDigit)
                ? char.ToLowerInvariant(segment[0]) + segment[1..]
                : segment);
        }

        return pointer.ToString();
    }
}
