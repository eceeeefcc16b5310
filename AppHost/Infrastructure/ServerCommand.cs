namespace MarketingDev.AppHost.Infrastructure;

/// <summary>
/// How one server process is started: the AppHost hands it to Aspire as an executable resource, the tests' private
/// servers start it as a <see cref="ChildProcess"/>; either way the same program, arguments and environment.
/// </summary>
internal sealed record ServerCommand(string Name, string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment, string WorkingDirectory)
{
    public ChildProcess Start(Action<string> log, int stopSignal = Native.SigTerm) =>
        ChildProcess.Start(Name, FileName, Arguments, Environment.ToDictionary(), log, WorkingDirectory, stopSignal);
}
