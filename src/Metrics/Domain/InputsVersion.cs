namespace MarketingDev.Metrics.Domain;

/// <summary>
/// One row whose value every change to the formulas' inputs increments, in the transaction of the change (events,
/// rebuilds) or right after its commit (survey answers, outcomes): a reader that sees version v sees every change up to
/// v, so cached inputs are current exactly while the version is the same.
/// </summary>
public sealed class InputsVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Value { get; set; }
}
