namespace MarketingDev.Metrics.Formulas;

/// <summary>Order statistics and rates; every one answers null for nothing to measure rather than a misleading 0.</summary>
public static class Stats
{
    public static double? Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>Linear interpolation between closest ranks (PERCENTILE.INC): rank = p × (n − 1).</summary>
    public static double? Percentile(IEnumerable<double> values, double p) => PercentileOfSorted(Sorted(values), p);

    /// <summary>
    /// The values in ascending order, to take several percentiles of one sort. Array.Sort on a copy: the same order as a
    /// stable sort (equal doubles are the same number; the formulas give no NaN or negative zero), several times faster
    /// than Order() on a year's lead times.
    /// </summary>
    public static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary><see cref="Percentile"/> of values already in ascending order.</summary>
    public static double? PercentileOfSorted(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }

    public static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    public static double? Ratio(double part, double whole) => whole == 0 ? null : part / whole;

    /// <summary>Share of items matching; null for no items.</summary>
    public static double? Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? null : (double)items.Count(predicate) / items.Count;
}
