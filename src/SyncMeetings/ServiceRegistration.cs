using MarketingDev.Contracts;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.SyncMeetings.Consumers;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Features.Agenda;

namespace MarketingDev.SyncMeetings;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddSyncMeetingsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<MeetingsDbContext>(ServiceNames.MeetingsDb);
        builder.AddMessaging<MeetingsDbContext>(ServiceNames.SyncMeetings, bus => bus.AddConsumer<RequestDraftedConsumer>());
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());
        builder.Services.AddScoped<ListUpcomingInitiativesHandler>();
        return builder;
    }
}
