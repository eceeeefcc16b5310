using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MarketingDev.ServiceDefaults;

/// <summary>
/// What the Prometheus scrape endpoint (/metrics) reads: a meter provider of its own over the same runtime, HTTP/gRPC,
/// messaging and MarketingDev meters that OpenTelemetry exports, where the few instruments whose names break
/// Prometheus' conventions are renamed (a gauge named *.count) or left to OTLP (MassTransit's durations in
/// milliseconds), so that `promtool check metrics` accepts the exposition. OTLP export keeps the original names.
/// </summary>
public sealed class PrometheusExposition : IDisposable
{
    public MeterProvider Provider { get; } = Sdk.CreateMeterProviderBuilder()
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        .AddMeter("MassTransit", Messaging.OutboxRelay.MeterName, Extensions.MarketingDevMeters)
        .AddView("dotnet.assembly.count", "dotnet.assemblies")
        .AddView("dotnet.process.cpu.count", "dotnet.process.cpus")
        .AddView("dotnet.timer.count", "dotnet.timers")
        .AddView("messaging.masstransit.*.duration", MetricStreamConfiguration.Drop)
        .AddPrometheusExporter()
        .Build();

    public void Dispose() => Provider.Dispose();
}
