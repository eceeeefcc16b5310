using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Npgsql;
using Date = MarketingDev.Contracts.Grpc.Common.Date;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Tests.Health;

/// <summary>
/// The Requests database predates the snake case naming convention: a database the release before it migrated (history
/// columns "MigrationId"/"ProductVersion", keys named PK_…/FK_…/IX_…) must start with today's service, which renames
/// the keys in place, and keep every row, its jsonb documents and the search over them.
/// </summary>
public sealed class SnakeCaseUpgradeTests
{
    private const string Details = """
        {"userStory":{"asA":"campaign manager","iWant":"a spring landing page","soThat":"we capture 500 leads"},
         "acceptanceCriteria":[{"id":"AC1","text":"The form submits in under 2 seconds on 4G"}],
         "marketingContext":{"campaignGoal":"Spring leads","audience":"SMB owners","businessImpact":"Pipeline",
           "kpi":{"name":"Sign-ups","baseline":120,"target":500,"unit":"per week"}},
         "designAssets":[{"url":"https://www.figma.com/file/abc","kind":"figma","label":"Hero"}],
         "trackingRequirements":[{"eventName":"sign_up","trigger":"Form submitted","parameters":[{"name":"method","description":"form"}]}],
         "benchmarks":[{"url":"https://example.com/best","note":"Competitor"}]}
        """;

    [Fact]
    public async Task Start_OnADatabaseOfTheReleaseBeforeSnakeCase_KeepsItsRowsAndTakesNewWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.RequestsDb);
        var connectionString = resources.ConnectionString(ServiceNames.RequestsDb);
        await PreviousRelease.MigrateUpToAsync<RequestsDbContext>(connectionString, "SnakeCaseNames", options => new(options));
        var requestId = Guid.CreateVersion7();
        var bugId = Guid.CreateVersion7();
        await WriteAsThePreviousReleaseAsync(connectionString, requestId, bugId, ct);

        await using var host = new ServiceHost<RequestsGrpcService>(resources.Settings());
        var client = new Proto.Requests.RequestsClient(host.CreateGrpcChannel());

        var old = (await client.GetRequestAsync(new Proto.GetRequestQuery { Id = requestId.ToString() }, cancellationToken: ct)).Request;
        Assert.Equal(ExpectedOldContent(), old.Content);
        Assert.Equal((Proto.RequestStatus.Submitted, 2, "test-admin", true), (old.Status, old.Version, old.RequesterId, old.QuickWin));
        Assert.Equal(new Proto.Estimate { Size = Proto.EstimateSize.M, Days = 3.5 }, old.Estimate);
        var history = (await client.GetHistoryAsync(new Proto.GetRequestQuery { Id = requestId.ToString() }, cancellationToken: ct)).Entries;
        Assert.Equal(["drafted", "submitted"], history.Select(e => e.Action));
        var found = await client.ListRequestsAsync(new Proto.ListRequestsQuery { Q = "spring landing" }, cancellationToken: ct);
        Assert.Equal([requestId.ToString()], found.Items.Select(r => r.Id)); // search_text, computed from the old document
        var bug = (await client.GetBugAsync(new Proto.GetBugQuery { Id = bugId.ToString() }, cancellationToken: ct)).Bug;
        Assert.Equal(["Open the form", "Submit it empty"], bug.Content.StepsToReproduce);
        Assert.Equal(new Proto.BugEnvironment { Url = "https://example.com/spring", Browser = "Firefox", Os = "Linux", Device = "Laptop" }, bug.Content.Environment);
        Assert.Equal(["https://example.com/screenshot.png"], bug.Content.Evidence);

        var edited = old.Content.Clone();
        edited.Title = "Spring landing page, second wave";
        var updated = (await client.UpdateRequestAsync(new Proto.UpdateRequestCommand { Id = old.Id, Content = edited, ExpectedVersion = 2 }, cancellationToken: ct)).Request;
        var drafted = (await client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = "After the upgrade" } }, cancellationToken: ct)).Request;

        var reread = (await client.GetRequestAsync(new Proto.GetRequestQuery { Id = old.Id }, cancellationToken: ct)).Request;
        Assert.Equal((3, edited), (reread.Version, reread.Content));
        Assert.Equal(updated, reread);
        Assert.Equal("After the upgrade", (await client.GetRequestAsync(new Proto.GetRequestQuery { Id = drafted.Id }, cancellationToken: ct)).Request.Content.Title);
        Assert.Equal(long.Parse(old.Key[4..], System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(drafted.Key[4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Proto.RequestContent ExpectedOldContent() => new()
    {
        Title = "Spring landing page",
        Type = Proto.RequestType.LandingPage,
        Priority = Proto.Priority.High,
        LaunchDate = new Date { Year = 2027, Month = 3, Day = 1 },
        Team = "Growth",
        UserStory = new Proto.UserStory { AsA = "campaign manager", IWant = "a spring landing page", SoThat = "we capture 500 leads" },
        AcceptanceCriteria = { new Proto.AcceptanceCriterion { Id = "AC1", Text = "The form submits in under 2 seconds on 4G" } },
        MarketingContext = new Proto.MarketingContext
        {
            CampaignGoal = "Spring leads", Audience = "SMB owners", BusinessImpact = "Pipeline",
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

    /// <summary>Rows as the earlier release stored them, written with its SQL names (its documents' camelCase spelling).</summary>
    private static async Task WriteAsThePreviousReleaseAsync(string connectionString, Guid requestId, Guid bugId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO requests (id, number, title, type, priority, status, launch_date, team, requester, requester_id,
                                  details, estimate, quick_win, created_at, submitted_at, updated_at, version)
            VALUES (@id, nextval('request_numbers'), 'Spring landing page', 'LandingPage', 'High', 'Submitted', DATE '2027-03-01',
                    'Growth', 'test-admin', 'test-admin', @details::jsonb, '{"size":"m","days":3.5}'::jsonb, true,
                    now() - interval '1 day', now() - interval '1 hour', now() - interval '1 hour', 2);
            INSERT INTO request_changes (request_id, at, actor, actor_id, action, from_status, to_status, reason, version)
            VALUES (@id, now() - interval '1 day', 'test-admin', 'test-admin', 'drafted', NULL, 'Draft', NULL, 1),
                   (@id, now() - interval '1 hour', 'test-admin', 'test-admin', 'submitted', 'Draft', 'Submitted', NULL, 2);
            INSERT INTO bugs (id, number, request_id, title, steps, expected, actual, environment, severity, evidence, status,
                              reported_by, reported_by_id, reported_at, updated_at, version)
            VALUES (@bug, nextval('bug_numbers'), @id, 'Empty form accepted', '["Open the form","Submit it empty"]'::jsonb,
                    'An error', 'A thank-you page',
                    '{"url":"https://example.com/spring","browser":"Firefox","os":"Linux","device":"Laptop"}'::jsonb, 'High',
                    '["https://example.com/screenshot.png"]'::jsonb, 'Open', 'test-admin', 'test-admin', now(), now(), 1);
            """,
            connection);
        insert.Parameters.AddWithValue("id", requestId);
        insert.Parameters.AddWithValue("bug", bugId);
        insert.Parameters.AddWithValue("details", Details);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
