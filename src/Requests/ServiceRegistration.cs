using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddRequestsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<RequestsDbContext>(ServiceNames.RequestsDb);
        builder.AddMessaging<RequestsDbContext>(ServiceNames.Requests);
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());

        builder.Services.AddSingleton<FluentValidation.IValidator<Domain.RequestContent>, RequestContentValidator>();
        builder.Services.AddScoped<DraftRequestHandler>();
        builder.Services.AddScoped<GetRequestHandler>();
        builder.Services.AddScoped<ListRequestsHandler>();
        builder.Services.AddScoped<Features.Editing.UpdateRequestHandler>();
        builder.Services.AddScoped<Features.Readiness.CheckReadinessHandler>();
        builder.Services.AddScoped<Features.Workflow.TransitionRequestHandler>();
        builder.Services.AddScoped<Features.Workflow.EstimateRequestHandler>();
        builder.Services.AddScoped<GetHistoryHandler>();
        builder.Services.AddScoped<Features.Clarifications.ClarificationsHandler>();
        builder.Services.AddScoped<Features.Roadblocks.RoadblocksHandler>();
        builder.Services.AddScoped<Features.Bugs.BugsHandler>();
        return builder;
    }
}
