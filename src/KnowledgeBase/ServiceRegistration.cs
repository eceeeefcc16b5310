using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Consumers;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Glossary;
using MarketingDev.KnowledgeBase.Features.Questions;
using MarketingDev.KnowledgeBase.Features.Related;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddKnowledgeBaseServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<KnowledgeDbContext>(ServiceNames.KnowledgeDb);
        // Not in OnConfiguring: a pooled DbContext may not change its options there.
        builder.Services.ConfigureDbContext<KnowledgeDbContext>(o => o.UseSnakeCaseNamingConvention());
        builder.AddMessaging<KnowledgeDbContext>(ServiceNames.KnowledgeBase, bus => bus.AddConsumer<RequestSubmittedConsumer>());
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());
        builder.Services.Configure<KnowledgeOptions>(builder.Configuration.GetSection(KnowledgeOptions.Section));

        var services = builder.Services;
        services.AddSingleton<IValidator<ArticleInput>, ArticleInputValidator>();
        services.AddSingleton<IValidator<SearchArticles>, SearchArticlesValidator>();
        services.AddSingleton<IValidator<AskQuestion>, AskQuestionValidator>();
        services.AddSingleton<IValidator<DiffRevisions>, DiffRevisionsValidator>();
        services.AddSingleton<IValidator<AnswerQuestion>, AnswerQuestionValidator>();
        services.AddSingleton<IValidator<AnnotateText>, AnnotateTextValidator>();
        services.AddSingleton<GlossaryIndex>();
        services.AddSingleton<SearchCounter>();
        services.AddSingleton<SearchCache>();
        services.AddHostedService<SearchCountFlusher>();
        services.AddSingleton<GapTally>();
        services.AddHostedService<GapTallyFlusher>();

        services.AddScoped<ArticleWriter>();
        services.AddScoped<PublishArticleHandler>();
        services.AddScoped<UpdateArticleHandler>();
        services.AddScoped<GetArticleHandler>();
        services.AddScoped<ListArticlesHandler>();
        services.AddScoped<DeleteArticleHandler>();
        services.AddScoped<ReviewArticleHandler>();
        services.AddScoped<ListRevisionsHandler>();
        services.AddScoped<GetRevisionHandler>();
        services.AddScoped<DiffRevisionsHandler>();
        services.AddScoped<ListStaleHandler>();
        services.AddScoped<GetTechStackHandler>();
        services.AddScoped<SearchArticlesHandler>();
        services.AddScoped<ListGapsHandler>();
        services.AddScoped<ResolveGapHandler>();
        services.AddScoped<AskQuestionHandler>();
        services.AddScoped<AnswerQuestionHandler>();
        services.AddScoped<ListQuestionsHandler>();
        services.AddScoped<AnnotateTextHandler>();
        services.AddScoped<RelateArticlesHandler>();
        services.AddScoped<GetRelatedArticlesHandler>();
        return builder;
    }
}
