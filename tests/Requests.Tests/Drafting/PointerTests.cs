using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Tests.Drafting;

public sealed class PointerTests
{
    [Theory]
    [InlineData("Title", "#/title")]
    [InlineData("UserStory.AsA", "#/userStory/asA")]
    [InlineData("AcceptanceCriteria[0].Text", "#/acceptanceCriteria/0/text")]
    [InlineData("TrackingRequirements[2].Parameters[11].Name", "#/trackingRequirements/2/parameters/11/name")]
    public void ToPointer_PropertyPath_IsJsonPointerFragment(string path, string pointer) =>
        Assert.Equal(pointer, ValidationExtensions.ToPointer(path));
}
