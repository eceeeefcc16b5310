using MarketingDev.Metrics;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Features.Demo;
using MarketingDev.Metrics.Grpc;
using MarketingDev.ServiceDefaults;

var seedDemo = args.Contains(DemoSeed.Argument);
var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoSeed.Argument).ToArray());
builder.AddServiceDefaults();
builder.AddMetricsServices();

var app = builder.Build();
if (seedDemo)
{
    await DemoSeed.RunAsync(app);
    return;
}

app.MapDefaultEndpoints();
app.MapGrpcService<MetricsGrpcService>();
await app.MigrateAndRunAsync<MetricsDbContext>();
