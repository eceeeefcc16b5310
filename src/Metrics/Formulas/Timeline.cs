namespace MarketingDev.Metrics.Formulas;

/// <summary>
/// Items ordered by an instant, so the ones in a period are a binary-searched range rather than a scan of all of them.
/// Instants compare as UTC ticks, as <see cref="DateTimeOffset"/> itself compares them. Items at the same instant come
/// in any order, which no formula depends on (they count, sum whole numbers, or sort the values they take).
/// </summary>
public sealed class Timeline<T>
{
    private readonly Func<T, DateTimeOffset?> _at;
    private readonly long[] _ticks;
    private readonly T[] _items;

    /// <param name="at">The item's instant; items without one are left out.</param>
    public Timeline(IEnumerable<T> items, Func<T, DateTimeOffset?> at)
    {
        _at = at;
        (_ticks, _items) = Sorted(items, at);
    }

    private Timeline(Func<T, DateTimeOffset?> at, long[] ticks, T[] items) => (_at, _ticks, _items) = (at, ticks, items);

    public int Count => _items.Length;

    /// <summary>The items at or after from and before to.</summary>
    public ArraySegment<T> Between(DateTimeOffset from, DateTimeOffset to) => Range(from.UtcTicks, to.UtcTicks);

    /// <summary>The items at or after from and at or before through.</summary>
    public ArraySegment<T> Through(DateTimeOffset from, DateTimeOffset through) => Range(from.UtcTicks, through.UtcTicks + 1);

    /// <summary>
    /// This timeline without the items removed names and with the added ones: one pass over it (a merge), where building
    /// it again would sort every item; what a refresh of a few changed rows needs.
    /// </summary>
    public Timeline<T> Replace(Func<T, bool> removed, IEnumerable<T> added)
    {
        var (addedTicks, addedItems) = Sorted(added, _at);
        var ticks = new long[_ticks.Length + addedTicks.Length];
        var items = new T[ticks.Length];
        int i = 0, j = 0, n = 0;
        while (i < _ticks.Length || j < addedTicks.Length)
        {
            if (j == addedTicks.Length || (i < _ticks.Length && _ticks[i] <= addedTicks[j]))
            {
                if (!removed(_items[i]))
                {
                    (ticks[n], items[n]) = (_ticks[i], _items[i]);
                    n++;
                }

                i++;
            }
            else
            {
                (ticks[n], items[n]) = (addedTicks[j], addedItems[j]);
                n++;
                j++;
            }
        }

        Array.Resize(ref ticks, n);
        Array.Resize(ref items, n);
        return new Timeline<T>(_at, ticks, items);
    }

    private static (long[] Ticks, T[] Items) Sorted(IEnumerable<T> items, Func<T, DateTimeOffset?> at)
    {
        var ticks = new List<long>();
        var kept = new List<T>();
        foreach (var item in items)
        {
            if (at(item) is { } instant)
            {
                ticks.Add(instant.UtcTicks);
                kept.Add(item);
            }
        }

        var (sortedTicks, sortedItems) = (ticks.ToArray(), kept.ToArray());
        Array.Sort(sortedTicks, sortedItems);
        return (sortedTicks, sortedItems);
    }

    private ArraySegment<T> Range(long from, long to)
    {
        var start = LowerBound(from);
        var end = LowerBound(to);
        return end > start ? new ArraySegment<T>(_items, start, end - start) : ArraySegment<T>.Empty;
    }

    /// <summary>The first index whose instant is at or after ticks.</summary>
    private int LowerBound(long ticks)
    {
        int low = 0, high = _ticks.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_ticks[mid] < ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
