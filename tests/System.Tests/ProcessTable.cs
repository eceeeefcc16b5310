namespace MarketingDev.System.Tests;

/// <summary>The machine's processes as /proc shows them: id, parent and command line.</summary>
internal sealed record ProcessTable(int Id, int Parent, string CommandLine)
{
    public static IReadOnlyList<ProcessTable> Read()
    {
        var found = new List<ProcessTable>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                found.Add(new ProcessTable(pid, parent, File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim()));
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    public static IEnumerable<int> Descendants(IReadOnlyList<ProcessTable> processes, int root)
    {
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in processes.Where(p => p.Parent == parent))
            {
                yield return child.Id;
                frontier.Enqueue(child.Id);
            }
        }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    public static string Describe(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return pid.ToString();
        }
    }
}
