using MarketingDev.Gateway;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.ApiKeys;
using MarketingDev.Gateway.Endpoints.Bugs;
using MarketingDev.Gateway.Endpoints.Roadblocks;
using MarketingDev.Gateway.Endpoints.Metrics;
using MarketingDev.Gateway.Endpoints.ProblemTypes;
using MarketingDev.Gateway.Endpoints.Requests;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.RateLimiting;
using MarketingDev.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (args is [MarketingDev.Gateway.Auth.DevelopmentTokens.Command, ..])
{
    return MarketingDev.Gateway.Auth.DevelopmentTokens.Run(args, builder.Configuration, builder.Environment, Console.Out, Console.Error);
}

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestLimitsMiddleware>();
app.Use(InputSanity.QueryMiddlewareAsync);
app.UseSwagger();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "MarketingDev API v1"));
app.UseAuthentication();
app.UseRateLimits();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();
// Again inside: an endpoint's failure becomes its problem response here, where idempotency can record it.
app.UseExceptionHandler();

app.MapDefaultEndpoints();
// Every API route gets the structural input checks (NUL characters, null list items, non-finite numbers).
var api = app.MapGroup("").AddEndpointFilter(InputSanity.BodyFilterAsync);
api.MapApiKeyEndpoints();
api.MapRequestEndpoints();
api.MapClarificationEndpoints();
api.MapRoadblockEndpoints();
api.MapBugEndpoints();
api.MapMetricsEndpoints();
api.MapProblemEndpoints();
MarketingDev.Gateway.Endpoints.Knowledge.KnowledgeEndpoints.MapKnowledgeEndpoints(api);
MarketingDev.Gateway.Endpoints.SyncMeetings.SyncMeetingsEndpoints.MapSyncMeetingsEndpoints(api);
MarketingDev.Gateway.Endpoints.Webhooks.WebhookEndpoints.MapWebhookEndpoints(api);
MarketingDev.Gateway.Endpoints.Events.EventFeedEndpoints.MapEventFeedEndpoints(api);
await app.MigrateAndRunAsync<GatewayDbContext>();
return 0;
