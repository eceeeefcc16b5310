using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Gateway.Data;

public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : ServiceDbContext(options), IDataProtectionKeyContext
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<IntegrationEventRecord> IntegrationEvents => Set<IntegrationEventRecord>();
    /// <summary>The Data Protection key ring (it encrypts webhook secrets), shared by every Gateway replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
    }
}
