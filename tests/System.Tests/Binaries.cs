using System.Reflection;
using MarketingDev.AppHost.Infrastructure;

namespace MarketingDev.System.Tests;

internal static class Binaries
{
    private static string Configuration =>
        typeof(Binaries).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().Single().Configuration;

    public static string Service(string project) =>
        Path.Combine(Repository.FindRoot(), "src", project, "bin", Configuration, "net10.0", $"MarketingDev.{project}.dll");
}
