using MarketingDev.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRequestsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<RequestsGrpcService>();
await app.MigrateAndRunAsync<RequestsDbContext>();
