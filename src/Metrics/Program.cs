using MarketingDev.Metrics;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Grpc;
using MarketingDev.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMetricsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<MetricsGrpcService>();
await app.MigrateAndRunAsync<MetricsDbContext>();
