using System.Runtime.InteropServices;
using MarketingDev.AppHost;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await new SystemLauncher(Console.Out).RunAsync(stop.Token);
