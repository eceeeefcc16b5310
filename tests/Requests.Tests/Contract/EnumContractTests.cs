using Domain = MarketingDev.Requests.Domain;
using Proto = MarketingDev.Contracts.Grpc.Requests;
using Lint = MarketingDev.Requests.Features.Readiness;

namespace MarketingDev.Requests.Tests.Contract;

/// <summary>
/// The edge converts enums by number, so every domain enum must have exactly its proto twin's members (less
/// UNSPECIFIED = 0) under the same names and numbers. The expected spellings are written out here, not read from either side.
/// </summary>
public sealed class EnumContractTests
{
    public static TheoryData<Type, Type, string[]> Pairs => new()
    {
        { typeof(Domain.RequestType), typeof(Proto.RequestType), ["Feature", "LandingPage", "Experiment", "Integration", "Tracking", "Content", "Other"] },
        { typeof(Domain.Priority), typeof(Proto.Priority), ["Low", "Medium", "High", "Urgent"] },
        { typeof(Domain.RequestStatus), typeof(Proto.RequestStatus), ["Draft", "Submitted", "InReview", "Ready", "InProgress", "Delivered", "Rejected", "Withdrawn"] },
        { typeof(Domain.AssetKind), typeof(Proto.AssetKind), ["Figma", "Xd", "Image", "Other"] },
        { typeof(Domain.EstimateSize), typeof(Proto.EstimateSize), ["Xs", "S", "M", "L", "Xl"] },
        { typeof(Domain.RoadblockSeverity), typeof(Proto.RoadblockSeverity), ["Low", "Medium", "High"] },
        { typeof(Domain.RoadblockStatus), typeof(Proto.RoadblockStatus), ["Open", "Resolved"] },
        { typeof(Domain.BugSeverity), typeof(Proto.BugSeverity), ["Low", "Medium", "High", "Critical"] },
        { typeof(Domain.BugStatus), typeof(Proto.BugStatus), ["Open", "Fixed", "Verified", "WontFix"] },
        { typeof(Lint.Severity), typeof(Proto.FindingSeverity), ["Error", "Warning", "Info"] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void DomainEnum_HasItsProtoTwinsNamesAndNumbers(Type domain, Type proto, string[] names)
    {
        var expected = names.Select((name, i) => (name, number: i + 1)).ToList();

        Assert.Equal(expected, Members(domain));
        Assert.Equal([("Unspecified", 0), .. expected], Members(proto));
    }

    private static List<(string, int)> Members(Type type) =>
        Enum.GetValues(type).Cast<Enum>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
