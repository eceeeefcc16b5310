using FluentValidation;
using MarketingDev.Contracts;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Consumers;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Features.ActionItems;
using MarketingDev.SyncMeetings.Features.Ideas;
using MarketingDev.SyncMeetings.Features.Meetings;
using MarketingDev.SyncMeetings.Features.Series;
using MarketingDev.SyncMeetings.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddSyncMeetingsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<MeetingsDbContext>(ServiceNames.MeetingsDb);
        // Added to the pooled registration's options (a pooled context may not change its options in OnConfiguring).
        builder.Services.ConfigureDbContext<MeetingsDbContext>(o => o.UseSnakeCaseNamingConvention());
        builder.AddMessaging<MeetingsDbContext>(ServiceNames.SyncMeetings, bus =>
        {
            bus.AddConsumer<RequestDraftedConsumer>();
            bus.AddConsumer<RequestEditedConsumer>();
            bus.AddConsumer<RequestSubmittedConsumer>();
            bus.AddConsumer<RequestStatusChangedConsumer>();
            bus.AddConsumer<RequestEstimatedConsumer>();
            bus.AddConsumer<RequestDeliveredConsumer>();
            bus.AddConsumer<RoadblockRaisedConsumer>();
            bus.AddConsumer<RoadblockResolvedConsumer>();
        });
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());

        builder.Services.AddSingleton<IValidator<SeriesInput>, SeriesInputValidator>();
        builder.Services.AddSingleton<IValidator<AddNote>, AddNoteValidator>();
        builder.Services.AddSingleton<IValidator<CompleteMeeting>, CompleteMeetingValidator>();
        builder.Services.AddSingleton<IValidator<AssignActionItem>, AssignActionItemValidator>();
        builder.Services.AddSingleton<IValidator<RecordSession>, RecordSessionValidator>();
        builder.Services.AddScoped<CreateSeriesHandler>();
        builder.Services.AddScoped<UpdateSeriesHandler>();
        builder.Services.AddScoped<GetSeriesHandler>();
        builder.Services.AddScoped<CancelOccurrenceHandler>();
        builder.Services.AddScoped<AgendaSnapshot>();
        builder.Services.AddScoped<ScheduleMeetingHandler>();
        builder.Services.AddScoped<RefreshAgendaHandler>();
        builder.Services.AddScoped<GetMeetingHandler>();
        builder.Services.AddScoped<AddNoteHandler>();
        builder.Services.AddScoped<CompleteMeetingHandler>();
        builder.Services.AddScoped<IdeasHandler>();
        builder.Services.AddScoped<ActionItemsHandler>();
        builder.Services.AddScoped<SessionsHandler>();
        return builder;
    }
}
