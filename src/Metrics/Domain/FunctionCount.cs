namespace MarketingDev.Metrics.Domain;

public sealed class FunctionCount
{
    public string Function { get; set; } = "";
    public int Count { get; set; }
}
