using System.Collections;
using System.Reflection;
using System.Text.Json;
using MarketingDev.Gateway.Errors;

namespace MarketingDev.Gateway.Http;

/// <summary>
/// Structural checks every request body and query string gets before a service sees it, so hostile input is a 400 with
/// the field's JSON pointer instead of a 500 deep inside: a NUL character in text (PostgreSQL refuses it), a null item
/// in a list, a number that is not finite. Content rules stay with the services' validators.
/// </summary>
internal static class InputSanity
{
    private const int MaxDepth = 32;

    public static List<Problems.FieldError> Check(object? body)
    {
        var errors = new List<Problems.FieldError>();
        Walk(body, "#", errors, 0);
        return errors;
    }

    private static void Walk(object? value, string pointer, List<Problems.FieldError> errors, int depth)
    {
        if (value is null || depth > MaxDepth || errors.Count >= 20)
        {
            return;
        }

        switch (value)
        {
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(new(pointer, "Text must not contain NUL (\\u0000) characters."));
                }

                return;
            case double number when !double.IsFinite(number):
            case float single when !float.IsFinite(single):
                errors.Add(new(pointer, "The number must be finite."));
                return;
            case JsonElement:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk(entry.Key as string, pointer, errors, depth + 1);
                    Walk(entry.Value, $"{pointer}/{Escape(entry.Key.ToString() ?? "")}", errors, depth + 1);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        errors.Add(new($"{pointer}/{index}", "A list item must not be null."));
                    }
                    else
                    {
                        Walk(item, $"{pointer}/{index}", errors, depth + 1);
                    }

                    index++;
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateTimeOffset or DateTime or DateOnly or TimeOnly or Guid or TimeSpan)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Walk(property.GetValue(value), $"{pointer}/{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}", errors, depth + 1);
            }
        }
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Refuses a body that fails the checks (runs on every API endpoint through the /api route group).</summary>
    public static async ValueTask<object?> BodyFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new List<Problems.FieldError>();
        foreach (var argument in context.Arguments)
        {
            // The endpoints' bodies and parameter records, not the validators injected beside them (same namespace).
            if (argument is not null and not FluentValidation.IValidator && argument.GetType() is { IsClass: true } type && type != typeof(string)
                && type.Namespace?.StartsWith("MarketingDev.Gateway.Endpoints", StringComparison.Ordinal) == true)
            {
                errors.AddRange(Check(argument));
            }
        }

        if (errors.Count == 0)
        {
            return await next(context);
        }

        var problem = ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>A NUL character in a query parameter is refused before any route runs.</summary>
    public static async Task QueryMiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        var bad = context.Request.Query.Where(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Select(q => q.Key).ToList();
        if (bad.Count == 0)
        {
            await next(context);
            return;
        }

        var problem = ProblemCatalogue.Validation.Create("Fix the query parameters listed in errors.");
        problem.Extensions["errors"] = bad.Select(name => new Problems.FieldError(name, "Must not contain NUL (\\u0000) characters.")).ToList();
        context.Response.StatusCode = 400;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
