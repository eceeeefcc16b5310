using MarketingDev.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddKnowledgeBaseServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<KnowledgeBaseGrpcService>();
await app.MigrateAndRunAsync<KnowledgeDbContext>();
