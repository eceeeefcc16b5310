using Grpc.Core;
using MarketingDev.Contracts.Grpc.Requests;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Queries;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>Thin: proto → command, call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class RequestsGrpcService(IServiceProvider services) : Proto.Requests.RequestsBase
{
    public override async Task<RequestReply> DraftRequest(DraftRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<DraftRequestHandler>().HandleAsync(
            new DraftRequest(command.Content.ToInput(), command.Requester), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> GetRequest(GetRequestQuery query, ServerCallContext context)
    {
        var request = await Handler<GetRequestHandler>().HandleAsync(query.Id, context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<Proto.RequestPage> ListRequests(ListRequestsQuery query, ServerCallContext context)
    {
        var page = await Handler<ListRequestsHandler>().HandleAsync(
            new ListRequests(query.Limit, query.Cursor), context.CancellationToken);
        var reply = new Proto.RequestPage { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(r => r.ToProto()));
        return reply;
    }

    private T Handler<T>() where T : notnull => services.GetRequiredService<T>();
}
