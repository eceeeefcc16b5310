using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.ServiceDefaults.Idempotency;

/// <summary>
/// The Idempotency-Key of a creating call, stored in the same transaction as what it created: a retry after a lost
/// answer (the service died between commit and reply) finds it and gets the first result instead of a second one.
/// </summary>
public sealed class IdempotencyKey
{
    /// <summary>The opaque key the Gateway derives from (client, Idempotency-Key, request); see CallHeaders.</summary>
    public string Key { get; private set; } = "";

    /// <summary>Whose call it was; empty for anonymous writes (survey answers), whose author must not be recorded.</summary>
    public string ActorId { get; private set; } = "";

    /// <summary>What kind of thing the call created (the entity type's name).</summary>
    public string Resource { get; private set; } = "";
    public Guid ResourceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    internal static IdempotencyKey For(string key, string actorId, string resource, Guid resourceId, DateTimeOffset now) => new()
    {
        Key = key,
        ActorId = actorId,
        Resource = resource,
        ResourceId = resourceId,
        CreatedAt = now,
    };
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public const string PrimaryKeyName = "pk_idempotency_keys";

    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.Key, k.ActorId }).HasName(PrimaryKeyName);
        builder.Property(k => k.Key).HasColumnName("key").HasMaxLength(64);
        builder.Property(k => k.ActorId).HasColumnName("actor_id").HasMaxLength(200);
        builder.Property(k => k.Resource).HasColumnName("resource").HasMaxLength(100).IsRequired();
        builder.Property(k => k.ResourceId).HasColumnName("resource_id");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
    }
}
