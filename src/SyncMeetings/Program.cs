using MarketingDev.ServiceDefaults;
using MarketingDev.SyncMeetings;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSyncMeetingsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<SyncMeetingsGrpcService>();
await app.MigrateAndRunAsync<MeetingsDbContext>();
