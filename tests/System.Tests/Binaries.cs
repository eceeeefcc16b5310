using System.Reflection;
using MarketingDev.AppHost;

namespace MarketingDev.System.Tests;

internal static class Binaries
{
    private static string Configuration =>
        typeof(Binaries).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().Single().Configuration;

    public static string AppHost => Path.Combine(Repository.FindRoot(), "AppHost", "bin", Configuration, "net10.0", "MarketingDev.AppHost.dll");

    public static string Service(string project) =>
        Path.Combine(Repository.FindRoot(), "src", project, "bin", Configuration, "net10.0", $"MarketingDev.{project}.dll");
}
