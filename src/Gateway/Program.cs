using MarketingDev.Gateway;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.ApiKeys;
using MarketingDev.Gateway.Endpoints.Bugs;
using MarketingDev.Gateway.Endpoints.Roadblocks;
using MarketingDev.Gateway.Endpoints.Metrics;
using MarketingDev.Gateway.Endpoints.Requests;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "MarketingDev API v1"));
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();
// Again inside: an endpoint's failure becomes its problem response here, where idempotency can record it.
app.UseExceptionHandler();

app.MapDefaultEndpoints();
app.MapApiKeyEndpoints();
app.MapRequestEndpoints();
app.MapClarificationEndpoints();
app.MapRoadblockEndpoints();
app.MapBugEndpoints();
app.MapMetricsEndpoints();
MarketingDev.Gateway.Endpoints.SyncMeetings.SyncMeetingsEndpoints.MapSyncMeetingsEndpoints(app);
await app.MigrateAndRunAsync<GatewayDbContext>();
