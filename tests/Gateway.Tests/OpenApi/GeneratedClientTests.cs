using MarketingDev.Gateway.Tests.OpenApi.Client;

namespace MarketingDev.Gateway.Tests.OpenApi;

/// <summary>A client generated from the committed API document (NSwag, at build time) against the real Gateway.</summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GeneratedClient_CreateReadSubmit_RoundTripsThroughTheGateway()
    {
        using var http = _fixture.Client(await _fixture.KeyForAsync("marketing", "maria@marketing"));
        var client = new MarketingDevApiClient(http);
        var ct = TestContext.Current.CancellationToken;

        var created = await client.DraftRequestAsync(ReadyRequest(), idempotency_Key: Guid.NewGuid().ToString(), cancellationToken: ct);
        var read = await client.GetRequestAsync(created.Id, cancellationToken: ct);
        var submitted = await client.SubmitRequestAsync(created.Id, if_Match: $"\"{read.Version}\"", cancellationToken: ct);

        Assert.Equal("maria@marketing", created.Requester);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal("Spring landing page", read.Title);
        Assert.Equal("campaign manager", read.UserStory.AsA);
        Assert.Single(read.AcceptanceCriteria);
        Assert.Equal(LaunchDate, read.LaunchDate);
        Assert.Equal("submitted", submitted.Status.ToString(), ignoreCase: true);
        Assert.True(submitted.Version > read.Version);
        Assert.Equal(RequestViewType.LandingPage, read.Type);
        Assert.Equal(RequestViewPriority.High, read.Priority);
    }

    [Fact]
    public void GeneratedClient_WritesEnumsByTheirWireNames()
    {
        using var http = new HttpClient();
        var client = new MarketingDevApiClient(http);

        var json = System.Text.Json.JsonSerializer.Serialize(
            new RequestBody { Title = "t", Type = RequestBodyType.LandingPage, Priority = RequestBodyPriority.High }, client.SerializerOptions);
        var estimate = System.Text.Json.JsonSerializer.Serialize(new EstimateBody { Size = EstimateBodySize.Xl, Days = 3 }, client.SerializerOptions);

        Assert.Contains("\"type\":\"landingPage\"", json, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"high\"", json, StringComparison.Ordinal);
        Assert.Contains("\"size\":\"xl\"", estimate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedClient_SubmitIncompleteDraft_ThrowsTheDocumentedProblem()
    {
        using var http = _fixture.Client(await _fixture.KeyForAsync("marketing"));
        var client = new MarketingDevApiClient(http);
        var ct = TestContext.Current.CancellationToken;
        var created = await client.DraftRequestAsync(new RequestBody { Title = "Just a title" }, cancellationToken: ct);

        var refused = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.SubmitRequestAsync(created.Id, cancellationToken: ct));

        Assert.Equal(422, refused.StatusCode);
        Assert.Equal(422, refused.Result.Status);
        Assert.Equal(new Uri("https://marketingdev.dev/problems/unprocessable"), refused.Result.Type);
        Assert.False(string.IsNullOrEmpty(refused.Result.TraceId));
    }

    // A nullable object field is { type: object, nullable: true, allOf: [ref] } in OpenAPI 3.0, which NSwag turns into a
    // subclass named after the field (UserStory : UserStoryDto); the JSON is the same.
    private static readonly DateOnly LaunchDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    private static RequestBody ReadyRequest() => new()
    {
        Title = "Spring landing page",
        Type = RequestBodyType.LandingPage,
        Priority = RequestBodyPriority.High,
        LaunchDate = LaunchDate,
        UserStory = new UserStory { AsA = "campaign manager", IWant = "a spring landing page", SoThat = "we capture 500 leads" },
        AcceptanceCriteria = [new AcceptanceCriterionDto { Text = "When the form is submitted, a confirmation shows within 1 second" }],
        MarketingContext = new MarketingContext
        {
            CampaignGoal = "Spring leads", Audience = "SMB", BusinessImpact = "Q2 pipeline",
            Kpi = new Kpi { Name = "Sign-ups", Baseline = 120, Target = 500, Unit = "per week" },
        },
        DesignAssets = [new DesignAssetDto { Url = "https://figma.com/file/abc", Label = "Hero" }],
        TrackingRequirements =
        [
            new TrackingRequirementDto
            {
                EventName = "sign_up", Trigger = "Form submitted",
                Parameters = [new TrackingParameterDto { Name = "method", Description = "form" }],
            },
        ],
        Benchmarks = [new BenchmarkDto { Url = "https://example.com/lp", Note = "Competitor" }],
    };
}
