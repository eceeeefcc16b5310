using FluentValidation;
using MarketingDev.Gateway.Webhooks;

namespace MarketingDev.Gateway.Endpoints.Webhooks;

/// <summary>A webhook to register: every field checked, the target URL by the SSRF rule (<see cref="WebhookChecks.UrlAsync"/>).</summary>
public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookBody>
{
    public CreateWebhookValidator(TargetPolicy policy, TargetResolver resolver)
    {
        RuleFor(b => b.Url).CustomAsync((url, context, ct) => WebhookChecks.UrlAsync(url, context, policy, resolver, ct));
        RuleFor(b => b.Events).Custom(WebhookChecks.Events);
        RuleFor(b => b.Format).Custom(WebhookChecks.Format);
        RuleFor(b => b.Description).Custom(WebhookChecks.Description);
    }
}

/// <summary>A change to a webhook: the fields it carries, checked as at registration.</summary>
public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookBody>
{
    public UpdateWebhookValidator(TargetPolicy policy, TargetResolver resolver)
    {
        RuleFor(b => b.Url!).CustomAsync((url, context, ct) => WebhookChecks.UrlAsync(url, context, policy, resolver, ct)).When(b => b.Url is not null);
        RuleFor(b => b.Events!).Custom(WebhookChecks.Events).When(b => b.Events is not null);
        RuleFor(b => b.Format).Custom(WebhookChecks.Format);
        RuleFor(b => b.Description).Custom(WebhookChecks.Description);
    }
}

/// <summary>The checks both validators share; each adds its failures at the field's path (events per item).</summary>
internal static class WebhookChecks
{
    /// <summary>The SSRF rule at registration: scheme and host by the policy, and every address the host resolves to now.</summary>
    public static async Task UrlAsync<T>(string url, ValidationContext<T> context, TargetPolicy policy, TargetResolver resolver, CancellationToken ct)
    {
        if (url.Length > WebhookRules.MaxUrlLength)
        {
            context.AddFailure($"At most {WebhookRules.MaxUrlLength} characters.");
            return;
        }

        if (policy.CheckUrl(url) is { } problem)
        {
            context.AddFailure(problem);
            return;
        }

        var host = new Uri(url).IdnHost;
        System.Net.IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, ct);
        }
        catch (System.Net.Sockets.SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            context.AddFailure($"'{host}' does not resolve.");
        }
        else if (addresses.FirstOrDefault(a => !policy.MayConnect(host, a)) is { } refused)
        {
            context.AddFailure($"'{host}' resolves to {refused}: webhooks may not reach loopback, private, link-local or reserved addresses.");
        }
    }

    public static void Events<T>(IReadOnlyList<string> events, ValidationContext<T> context)
    {
        if (events.Count is 0 or > WebhookRules.MaxEvents)
        {
            context.AddFailure($"Name 1 to {WebhookRules.MaxEvents} event types, or \"*\" for all.");
            return;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] != Webhook.AllEvents && !EventCatalog.IsKnown(events[i]))
            {
                context.AddFailure($"{context.PropertyPath}[{i}]", $"Unknown event type. Known: {string.Join(", ", EventCatalog.ByName.Keys.Order())}, or \"*\".");
            }
        }
    }

    public static void Format<T>(string? format, ValidationContext<T> context)
    {
        if (format is not null && !WebhookRules.Formats.Contains(format))
        {
            context.AddFailure($"Format must be one of: {string.Join(", ", WebhookRules.Formats)}.");
        }
    }

    public static void Description<T>(string? description, ValidationContext<T> context)
    {
        if (description is { Length: > WebhookRules.MaxDescriptionLength })
        {
            context.AddFailure($"At most {WebhookRules.MaxDescriptionLength} characters.");
        }
    }
}
