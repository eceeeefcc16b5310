#!/usr/bin/env bash
# Webhook delivery latency (issue 12's target: p95 <= 1 s from event to a local receiver at 50 events/s fanned out to
# 20 webhooks). Runs bench/WebhooksBench (Release): the real Gateway and Requests service in one process over the tests'
# private PostgreSQL and RabbitMQ (started if needed), a Kestrel receiver on 127.0.0.1, RATE requests drafted per second
# for SECONDS through the Gateway's REST API, each RequestDrafted delivered to WEBHOOKS webhooks.
#
#   bash bench/webhooks.sh                        # 50/s for 20 s to 20 webhooks
#   RATE=100 SECONDS=30 bash bench/webhooks.sh
#
# Prints deliveries received and p50/p95/p99/max of (receipt time - the event's OccurredAt), the machine's CPU use during
# the run, and where the time goes from the Gateway's rows (event -> recorded by the consumer, recorded -> first attempt
# started, the attempt's HTTP latency); exits 1 if p95 misses.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/WebhooksBench -c Release -v quiet -nologo >/tmp/md-bench-webhooks-build.log 2>&1 \
  || { tail -20 /tmp/md-bench-webhooks-build.log; exit 1; }
cd bench/WebhooksBench/bin/Release/net10.0
exec dotnet MarketingDev.WebhooksBench.dll
