using System.Runtime.InteropServices;

namespace MarketingDev.AppHost.Infrastructure;

/// <summary>POSIX signals and user ids, which System.Diagnostics.Process does not offer (it only kills).</summary>
internal static partial class Native
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static bool IsRoot => geteuid() == 0;

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint geteuid();
}
