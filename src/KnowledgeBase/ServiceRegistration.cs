using FluentValidation;
using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.KnowledgeBase;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddKnowledgeBaseServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<KnowledgeDbContext>(ServiceNames.KnowledgeDb);
        builder.AddMessaging<KnowledgeDbContext>(ServiceNames.KnowledgeBase);
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());
        builder.Services.AddSingleton<IValidator<PublishArticle>, PublishArticleValidator>();
        builder.Services.AddScoped<PublishArticleHandler>();
        builder.Services.AddScoped<GetArticleHandler>();
        return builder;
    }
}
