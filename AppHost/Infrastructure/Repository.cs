namespace MarketingDev.AppHost.Infrastructure;

internal static class Repository
{
    /// <summary>The folder holding MarketingDev.sln, found upwards from the working folder or the program's folder.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MarketingDev.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find MarketingDev.sln above the working folder; run from the repository.");
    }
}
