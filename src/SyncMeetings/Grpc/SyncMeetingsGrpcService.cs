using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.Contracts.Grpc.Meetings;
using MarketingDev.SyncMeetings.Features.Agenda;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.SyncMeetings.Grpc;

public sealed class SyncMeetingsGrpcService(ListUpcomingInitiativesHandler upcoming) : Proto.SyncMeetings.SyncMeetingsBase
{
    public override async Task<InitiativeList> ListUpcomingInitiatives(ListUpcomingInitiativesQuery query, ServerCallContext context)
    {
        var initiatives = await upcoming.HandleAsync(query.DaysAhead, context.CancellationToken);
        var reply = new InitiativeList();
        reply.Items.AddRange(initiatives.Select(i => new Initiative
        {
            RequestId = i.RequestId.ToString(),
            Key = i.Key,
            Title = i.Title,
            Priority = i.Priority,
            LaunchDate = i.LaunchDate?.ToString("yyyy-MM-dd") ?? "",
            KnownSince = Timestamp.FromDateTimeOffset(i.KnownSince),
        }));
        return reply;
    }
}
