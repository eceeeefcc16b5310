using Grpc.Core;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Tests.Queries;

/// <summary>Each test drafts into its own fixture database, so the list holds exactly what the test made.</summary>
public sealed class ListRequestsTests : IAsyncLifetime
{
    private readonly RequestsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task List_PagesThroughEverything_NewestFirst_WithoutRepeats()
    {
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var reply = await _fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand
            {
                Content = new Proto.RequestContent { Title = $"Request {i}" },
            });
            keys.Add(reply.Request.Key);
        }

        var seen = new List<string>();
        var pages = 0;
        var cursor = "";
        do
        {
            var page = await _fixture.Client.ListRequestsAsync(new Proto.ListRequestsQuery { Limit = 2, Cursor = cursor });
            seen.AddRange(page.Items.Select(r => r.Key));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(keys.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task List_ANewRequestWhilePaging_DoesNotShiftLaterPages()
    {
        for (var i = 0; i < 4; i++)
        {
            await _fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = $"R{i}" } });
        }

        var first = await _fixture.Client.ListRequestsAsync(new Proto.ListRequestsQuery { Limit = 2 });
        await _fixture.Client.DraftRequestAsync(new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = "Late" } });
        var second = await _fixture.Client.ListRequestsAsync(new Proto.ListRequestsQuery { Limit = 2, Cursor = first.NextCursor });

        Assert.Equal(["R1", "R0"], second.Items.Select(r => r.Content.Title));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task List_LimitOutOfRange_IsInvalidArgument(int limit)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _fixture.Client.ListRequestsAsync(new Proto.ListRequestsQuery { Limit = limit }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eDox")] // well-formed base64url, but of "x:1", not a cursor this API issued
    public async Task List_ForgedCursor_IsInvalidArgument(string cursor)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _fixture.Client.ListRequestsAsync(new Proto.ListRequestsQuery { Limit = 2, Cursor = cursor }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
