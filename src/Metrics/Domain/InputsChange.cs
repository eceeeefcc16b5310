namespace MarketingDev.Metrics.Domain;

/// <summary>
/// Which row a change of the inputs touched (Kind: a stream kind, SurveyResponse, Outcome, or All), under the
/// <see cref="InputsVersion"/> value it took. Versions are handed out under the version row's lock, so they commit in
/// order: a reader that sees version v finds every change up to v here, and reloads only those rows. The last 10,000
/// are kept; a reader further behind reloads everything.
/// </summary>
public sealed class InputsChange
{
    public const string All = "All";
    public const string SurveyResponse = "SurveyResponse";
    public const string Outcome = "Outcome";

    public long Version { get; set; }
    public string Kind { get; set; } = "";
    public Guid Id { get; set; }
}
