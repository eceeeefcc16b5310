using MarketingDev.TestSupport;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Date = MarketingDev.Contracts.Grpc.Common.Date;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Tests.Drafting;

public sealed class DraftRequestTests(RequestsFixture fixture) : IClassFixture<RequestsFixture>
{
    private static Proto.RequestContent FullContent(string title) => new()
    {
        Title = title,
        Type = Proto.RequestType.LandingPage,
        Priority = Proto.Priority.High,
        LaunchDate = new Date { Year = 2027, Month = 3, Day = 1 },
        Team = "Growth",
        UserStory = new Proto.UserStory { AsA = "campaign manager", IWant = "a spring landing page", SoThat = "we capture 500 leads" },
        AcceptanceCriteria = { new Proto.AcceptanceCriterion { Text = "The form submits in under 2 seconds on 4G" } },
        MarketingContext = new Proto.MarketingContext
        {
            CampaignGoal = "Spring leads",
            Kpi = new Proto.Kpi { Name = "Sign-ups", Baseline = 120, Target = 500, Unit = "per week" },
        },
        DesignAssets = { new Proto.DesignAsset { Url = "https://www.figma.com/file/abc", Kind = Proto.AssetKind.Figma, Label = "Hero" } },
        TrackingRequirements =
        {
            new Proto.TrackingRequirement
            {
                EventName = "sign_up", Trigger = "Form submitted",
                Parameters = { new Proto.TrackingParameter { Name = "method", Description = "form" } },
            },
        },
        Benchmarks = { new Proto.Benchmark { Url = "https://example.com/best", Note = "Competitor" } },
    };

    [Fact]
    public async Task Draft_FullContent_IsStoredAndReadBackUnchanged()
    {
        var content = FullContent("Spring landing page");

        var drafted = (await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = content })).Request;
        var read = (await fixture.Client.GetRequestAsync(new Proto.GetRequestQuery { Id = drafted.Id })).Request;

        Assert.Equal(drafted, read); // what the command answered is what is stored, to the microsecond
        Assert.Equal(Proto.RequestStatus.Draft, read.Status);
        Assert.Equal((TestActors.Admin.Name, TestActors.Admin.Id), (read.Requester, read.RequesterId));
        Assert.Matches("^MKT-[0-9]+$", read.Key);
        Assert.Equal(1, read.Version);
        content.AcceptanceCriteria[0].Id = "AC1"; // the service numbers criteria that arrive without an id
        Assert.Equal(content, read.Content);
    }

    [Fact]
    public async Task Draft_TwoRequests_GetDistinctSequentialKeys()
    {
        var first = (await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = FullContent("A") })).Request;
        var second = (await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = FullContent("B") })).Request;

        Assert.Equal(long.Parse(first.Key[4..]) + 1, long.Parse(second.Key[4..]));
    }

    [Fact]
    public async Task Draft_StoresItsEventInTheSameTransaction_AndTheRelayPublishesIt()
    {
        var drafted = (await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = FullContent("Evented") })).Request;

        var message = await TestSupport.Eventually.ReturnsAsync(
            async () => (await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).Single(m => m.Body.Contains(drafted.Id, StringComparison.Ordinal)),
            m => m.DispatchedAt is not null,
            "the RequestDrafted outbox row to be dispatched");
        Assert.Contains("RequestDrafted", message.MessageType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(drafted.Key, body.RootElement.GetProperty("key").GetString());
    }

    public static TheoryData<string, Action<Proto.RequestContent>, string> InvalidContent => new()
    {
        { "no title", c => c.Title = "", "#/title" },
        { "unknown type", c => c.Type = (Proto.RequestType)99, "#/type" },
        { "negative type", c => c.Type = (Proto.RequestType)(-1), "#/type" },
        { "unknown priority", c => c.Priority = (Proto.Priority)42, "#/priority" },
        { "nonexistent date", c => c.LaunchDate = new Date { Year = 2027, Month = 2, Day = 30 }, "#/launchDate" },
        { "launch date out of range", c => c.LaunchDate = new Date { Year = 1999, Month = 12, Day = 31 }, "#/launchDate" },
        { "relative asset url", c => c.DesignAssets[0].Url = "/files/hero.png", "#/designAssets/0/url" },
        { "ftp asset url", c => c.DesignAssets[0].Url = "ftp://example.com/hero.png", "#/designAssets/0/url" },
        { "unknown asset kind", c => c.DesignAssets[0].Kind = (Proto.AssetKind)17, "#/designAssets/0/kind" },
        { "empty criterion", c => c.AcceptanceCriteria[0].Text = " ", "#/acceptanceCriteria/0/text" },
        { "nameless parameter", c => c.TrackingRequirements[0].Parameters[0].Name = "", "#/trackingRequirements/0/parameters/0/name" },
        { "title too long", c => c.Title = new string('x', 201), "#/title" },
        { "bad benchmark url", c => c.Benchmarks[0].Url = "example.com", "#/benchmarks/0/url" },
    };

    [Theory]
    [MemberData(nameof(InvalidContent))]
    public async Task Draft_InvalidField_IsInvalidArgumentNamingThePointer_AndStoresNothing(string _, Action<Proto.RequestContent> spoil, string pointer)
    {
        var content = FullContent("Invalid " + Guid.NewGuid());
        spoil(content);
        var before = await fixture.WithDbAsync(db => db.Requests.CountAsync());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = content }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations;
        Assert.Contains(violations, v => v.Field == pointer);
        Assert.Equal(before, await fixture.WithDbAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Draft_WithoutTypePriorityKindOrDate_GetsTheDraftDefaults()
    {
        var content = new Proto.RequestContent
        {
            Title = "Defaults " + Guid.NewGuid(),
            DesignAssets = { new Proto.DesignAsset { Url = "https://example.com/hero.png" } },
        };

        var drafted = (await fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = content })).Request;

        Assert.Equal((Proto.RequestType.Feature, Proto.Priority.Medium, Proto.AssetKind.Other, null, ""),
            (drafted.Content.Type, drafted.Content.Priority, drafted.Content.DesignAssets[0].Kind, drafted.Content.LaunchDate, drafted.Content.Team));
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Client.GetRequestAsync(new Proto.GetRequestQuery { Id = Guid.NewGuid().ToString() }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
