using System.Data.Common;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Wakes the delivery worker when this process commits (a recorded event, a replay, a ping), so a delivery does not
/// wait for the next poll. Deliveries committed by other replicas are found by the poll.
/// </summary>
public sealed class DeliverySignal : DbTransactionInterceptor
{
    public OutboxSignal Signal { get; } = new();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal.Notify();
}
