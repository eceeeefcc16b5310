using FluentValidation;
using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Bugs;
using MarketingDev.Requests.Features.Clarifications;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Editing;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.Requests.Features.Readiness;
using MarketingDev.Requests.Features.Roadblocks;
using MarketingDev.Requests.Features.Workflow;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddRequestsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<RequestsDbContext>(ServiceNames.RequestsDb);
        // Not in OnConfiguring: a pooled DbContext may not change its options there. The history table keeps the names
        // this database was created with (see KeepPascalCaseMigrationsHistory).
        builder.Services.ConfigureDbContext<RequestsDbContext>(o => o.UseSnakeCaseNamingConvention().KeepPascalCaseMigrationsHistory());
        builder.AddMessaging<RequestsDbContext>(ServiceNames.Requests);
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());

        var services = builder.Services;
        services.AddSingleton<IValidator<RequestContent>, RequestContentValidator>();
        services.AddSingleton<IValidator<ListRequests>, ListRequestsValidator>();
        services.AddSingleton<IValidator<TransitionRequest>, TransitionRequestValidator>();
        services.AddSingleton<IValidator<EstimateRequest>, EstimateRequestValidator>();
        services.AddSingleton<IValidator<AskClarification>, AskClarificationValidator>();
        services.AddSingleton<IValidator<AnswerClarification>, AnswerClarificationValidator>();
        services.AddSingleton<IValidator<RaiseRoadblock>, RaiseRoadblockValidator>();
        services.AddSingleton<IValidator<ResolveRoadblock>, ResolveRoadblockValidator>();
        services.AddSingleton<IValidator<ListRoadblocks>, ListRoadblocksValidator>();
        services.AddScoped<IValidator<ReportBug>, ReportBugValidator>(); // reads the database: scoped with it
        services.AddSingleton<IValidator<TransitionBug>, TransitionBugValidator>();
        services.AddSingleton<IValidator<ListBugs>, ListBugsValidator>();

        services.AddScoped<DraftRequestHandler>();
        services.AddScoped<GetRequestHandler>();
        services.AddScoped<ListRequestsHandler>();
        services.AddScoped<UpdateRequestHandler>();
        services.AddScoped<CheckReadinessHandler>();
        services.AddScoped<GetReadinessHandler>();
        services.AddScoped<TransitionRequestHandler>();
        services.AddScoped<EstimateRequestHandler>();
        services.AddScoped<GetHistoryHandler>();
        services.AddScoped<AskClarificationHandler>();
        services.AddScoped<AnswerClarificationHandler>();
        services.AddScoped<ListClarificationsHandler>();
        services.AddScoped<RaiseRoadblockHandler>();
        services.AddScoped<ResolveRoadblockHandler>();
        services.AddScoped<ListRoadblocksHandler>();
        services.AddScoped<ReportBugHandler>();
        services.AddScoped<GetBugHandler>();
        services.AddScoped<TransitionBugHandler>();
        services.AddScoped<ListBugsHandler>();
        return builder;
    }
}
